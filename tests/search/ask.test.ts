import { describe, expect, it } from 'vitest';
import { ask, suggestSections } from '../../src/core/ask.js';
import { excerptMarkdown } from '../../src/render/markdown-excerpt.js';
import { buildIndex } from '../../src/search/index.js';
import { defaultTuning, search } from '../../src/search/query.js';
import { stem } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

const library = libraryFrom(
  {
    'storage.md': `---
title: Block storage
tags: [storage]
---
# Block storage

Block storage for virtual machines.

## Elastic Block Store (EBS)

Elastic Block Store volumes attach to one instance in one Availability Zone. Volumes persist after the instance stops.

## Snapshots of volumes

Elastic Block Store snapshots are incremental backups of a volume, kept in durable storage.

## Instance store

Instance store disks are physically attached and lose data when the instance stops.
`,
    'compute.md': `---
title: Compute
---
# Compute

Virtual servers.

## EC2 purchase options

EC2 offers On-Demand, Savings Plans and Reserved Instances. Spot is mentioned here in passing.

## Spot Instances

Spot Instances use spare capacity at a discount and can be interrupted with a two-minute warning, so they suit fault-tolerant batch jobs.

## Key pairs

A key pair lets you log in to a Linux instance over SSH.
`,
  },
  'https://notes.example.com',
);
const index = buildIndex(library.sections);
const top = (question: string) => ask(index, question).results[0]?.id;

describe('ask', () => {
  it('finds the section that answers a paraphrased question', () => {
    expect(top('how do I back up my disk volumes incrementally')).toBe('storage#snapshots-of-volumes');
  });

  it('expands acronyms the notes define, both ways', () => {
    // "EBS" appears only in a heading; the snapshot section says "Elastic Block Store".
    expect(top('EBS snapshots')).toBe('storage#snapshots-of-volumes');
    // The question spells out a name the notes only abbreviate (EC2, from the general table).
    expect(top('elastic compute cloud purchase options')).toBe('compute#ec2-purchase-options');
  });

  it('reads chat shorthand and contractions the way the notes spell them', () => {
    // "db" is shorthand for database; nothing in the notes says "db".
    const notes = libraryFrom({
      'data.md': `# Data

## Relational databases

A relational database stores rows in tables with a fixed schema.

## Object storage

Objects are stored in buckets.
`,
    });
    const dataIndex = buildIndex(notes.sections);
    expect(ask(dataIndex, 'what is a db').results[0]?.id).toBe('data#relational-databases');
    // "what's" and "don't" are question filler, not the words "s" and "t".
    expect(ask(dataIndex, "what's a relational database, don't know").confident).toBe(true);
  });

  it('matches British and American spellings either way', () => {
    const notes = libraryFrom({
      'ml.md': `# Training

## Hyperparameter optimisation

Bayesian optimisation picks the next trial from the results so far.

## Feature normalization

Normalization rescales every feature to the same range.

## Tokenisation of text

Text is split into tokens before training.

## Data centres

Data is stored in many buildings.
`,
    });
    const mlIndex = buildIndex(notes.sections);
    // Either spelling is an exact match, not a weaker typo match: the same section, same score.
    const sameAnswer = (american: string, british: string, id: string) => {
      const [a, b] = [ask(mlIndex, american), ask(mlIndex, british)];
      expect(a.results[0]?.id, american).toBe(id);
      expect(a.confident, american).toBe(true);
      expect(a.results[0]!.score, american).toBe(b.results[0]!.score);
    };
    sameAnswer('bayesian optimization', 'bayesian optimisation', 'ml#hyperparameter-optimisation');
    sameAnswer('feature normalization', 'feature normalisation', 'ml#feature-normalization');
    // A noun the spelling list lacks follows the -isation → -ization rule.
    sameAnswer('tokenization of text', 'tokenisation of text', 'ml#tokenisation-of-text');
    sameAnswer('data center', 'data centre', 'ml#data-centres');
    expect(excerptMarkdown(ask(mlIndex, 'bayesian optimization').results[0]!.excerpt)).toContain('**optimisation**');
  });

  it('stems British -ise verbs only where the spelling list knows them', () => {
    expect(stem('optimise')).toBe(stem('optimize'));
    expect(stem('colour')).toBe(stem('color'));
    // "supervised" is not a British spelling of "supervized": it still shares a stem with "supervision".
    expect(stem('supervised')).toBe(stem('supervision'));
  });

  it('ranks a section about a thing above one that mentions it in passing', () => {
    const answer = ask(index, 'spot');
    expect(answer.results.map((r) => r.id).slice(0, 2)).toEqual([
      'compute#spot-instances',
      'compute#ec2-purchase-options',
    ]);
  });

  it('falls back to fuzzy matching for words the notes never use', () => {
    expect(top('snapshtos of volumes')).toBe('storage#snapshots-of-volumes');
  });

  it('takes a typo one edit or one swap from a single word of the notes for that word', () => {
    // "isntance" is a swap away from "instance", "snapshts" one edit from "snapshots".
    expect(search(index, 'isntance store').missing).toEqual([]);
    expect(top('isntance store')).toBe('storage#instance-store');
    const typo = ask(index, 'ebs snapshts');
    expect(typo.confident).toBe(true);
    expect(typo.results[0]?.id).toBe('storage#snapshots-of-volumes');
    // An English word the notes never use is not a typo of one they do.
    expect(ask(index, 'rugby').confident).toBe(false);
  });

  it('reads txt-speak: wat, r, w/, w/o, abt, pls, n, gimme; the asker is no topic: myself', () => {
    expect(ask(index, 'wat r spot instances pls').results[0]?.id).toBe('compute#spot-instances');
    expect(search(index, 'w/o a key pair, abt ssh login').terms).toEqual(
      search(index, 'without a key pair, about ssh login').terms,
    );
    expect(search(index, 'gimme spot instances n key pairs').terms).toEqual(
      search(index, 'spot instances and key pairs').terms,
    );
    expect(search(index, 'do i set up key pairs myself').terms).toEqual(search(index, 'do i set up key pairs').terms);
    // Identifiers keep their parts: num_gpus is not "number gpus".
    expect(search(index, 'num_gpus').terms).toContain('num');
  });

  it('gives the sentence that best answers the question as the answer line', () => {
    const answer = ask(index, 'how long is the warning before a spot instance is interrupted');
    expect(answer.answerLine).toBe(
      'Spot Instances use spare capacity at a discount and can be interrupted with a two-minute warning, so they suit fault-tolerant batch jobs.',
    );
    const storage = ask(index, 'do ebs volumes persist after the instance stops');
    expect(storage.answerLine).toBe('Volumes persist after the instance stops.');
  });

  it('says which words of the question the best section lacks', () => {
    // The notes never name the figure asked for ("size" is in no section), nor "kubeflow".
    expect(ask(index, 'what is the max size of an ebs snapshot').missing).toEqual(['max size']);
    expect(ask(index, 'spot instances in kubeflow').missing).toContain('kubeflow');
    expect(ask(index, 'what happens to instance store data when the instance stops?').missing).toEqual([]);
  });

  it('returns the fields the renderers need, with a link to the section anchor', () => {
    const answer = ask(index, 'what happens to instance store data when the instance stops?');
    expect(answer.confident).toBe(true);
    expect(answer.results[0]).toMatchObject({
      id: 'storage#instance-store',
      title: 'Block storage',
      headingPath: ['Block storage', 'Instance store'],
      file: 'storage.md',
      anchor: 'instance-store',
      url: 'https://notes.example.com/storage#instance-store',
    });
    expect(excerptMarkdown(answer.results[0]!.excerpt)).toContain('**Instance** **store**');
    expect(answer.results[0]!.text).toBe(
      'Instance store disks are physically attached and lose data when the instance stops.',
    );
  });

  it('says the notes do not cover off-topic questions and gibberish', () => {
    for (const question of ['best pizza topping', 'asdkjh qwpeoi zxmcnv', 'who won the world cup in 1998']) {
      const answer = ask(index, question);
      expect(answer.confident, question).toBe(false);
      expect(answer.reason).toBe('not-covered');
    }
  });

  it('handles empty, huge, emoji, markup and mention input without throwing', () => {
    expect(ask(index, '   ')).toMatchObject({ confident: false, reason: 'empty-question', results: [] });
    expect(ask(index, '🤔🤔🤔')).toMatchObject({ confident: false, reason: 'empty-question' });
    const huge = ask(index, 'spot instances '.repeat(400) + 'x'.repeat(2000));
    expect(huge.results[0]?.id).toBe('compute#spot-instances');
    expect(ask(index, '<@123456789012345678> **what** are `spot instances`? @everyone').results[0]?.id).toBe(
      'compute#spot-instances',
    );
    expect(ask(index, '<script>alert(1)</script> [x](javascript:alert(1))').confident).toBe(false);
  });

  it('suggests sections while a question is typed: top pages before anything is typed', () => {
    expect(suggestSections(index, '  ', 10).map((s) => s.id)).toEqual(['compute', 'storage']);
    expect(suggestSections(index, 'spot', 2).map((s) => s.id)).toEqual([
      'compute#spot-instances',
      'compute#ec2-purchase-options',
    ]);
    expect(suggestSections(index, '<@123456789012345678> spot', 1)[0]?.id).toBe('compute#spot-instances');
  });

  it('limits the number of results', () => {
    expect(ask(index, 'instance', { limit: 2 }).results).toHaveLength(2);
  });
});

describe('bounded work per question', () => {
  const ids = (question: string, maxPostings: number) =>
    search(index, question, 10, { ...defaultTuning, maxPostings, maxPostingsPerSection: 100 }).hits.map(
      (h) => h.section.id,
    );

  it('searches a word past the budget in headings only', () => {
    // "snapshots" is in one section; "instance" in the bodies of five but the headings of two.
    expect(ids('snapshots instance', 100)).toContain('storage#elastic-block-store-ebs');
    const bounded = ids('snapshots instance', 3);
    expect(bounded).toEqual(
      expect.arrayContaining(['storage#snapshots-of-volumes', 'storage#instance-store', 'compute#spot-instances']),
    );
    expect(bounded).not.toContain('storage#elastic-block-store-ebs');
    expect(bounded).not.toContain('compute#key-pairs');
  });

  it('counts prefix and typo matches of unknown words against the budget', () => {
    const notes = Array.from({ length: 6 }, (_, i) => [
      `n${i}.md`,
      `# Note ${i}\n\nFor example, topic ${i}.${i ? '' : ' Vouchers.'}\n`,
    ]);
    const exampleIndex = buildIndex(libraryFrom(Object.fromEntries(notes)).sections);
    // "exam" is not in the notes; by prefix it would match "example" in every section.
    expect(search(exampleIndex, 'exam voucher', 10).hits).toHaveLength(6);
    expect(
      search(exampleIndex, 'exam voucher', 5, { ...defaultTuning, maxPostings: 2 }).hits.map((h) => h.section.id),
    ).toEqual(['n0']);
  });
});
