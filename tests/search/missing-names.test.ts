import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { ruledOut } from '../../src/search/missing.js';
import { writtenAsName } from '../../src/search/names.js';
import { defaultTuning, search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// "Missing: …" for names the notes use elsewhere (another product's), for a word the notes never
// use that is most of a short question, and not for a word of the section mistyped.
const filler = ['Storage', 'Networking', 'Monitoring', 'Billing', 'Identity', 'Databases'];
const library = libraryFrom({
  'ray.md': `---
title: Ray
---
# Ray

## Placement group strategies compared

A placement group reserves bundles of resources across nodes. The PACK strategy keeps bundles on
few nodes; SPREAD puts them on different nodes; STRICT_SPREAD demands one bundle per node.

## Tuning jobs with a warm start

A warm start reuses the results of earlier tuning jobs, so the search starts from what they learned.

## Serving large language models

Ray Serve runs an LLM behind an endpoint and scales its replicas with the traffic it receives.

## Connecting to the head node

Open an SSH session to the head node on port 22 with the cluster's key pair.
`,
  'aws.md': `---
title: AWS
---
# AWS

## Launching instances

Launch EC2 instances from an AMI. Each EC2 instance has a type, and EC2 bills by the second.

## Amazon SNS topics

Amazon SNS pushes each message to every subscriber of a topic. A subscription can send messages
it cannot deliver to a dead letter queue.

## Other clouds

Other clouds such as Google offer similar services, and the exam never asks about Google.

${filler.map((t) => `## ${t}\n\n${t} is covered in its own notes; this page only names it.\n`).join('\n')}`,
});
const index = buildIndex(library.sections);

describe('Missing line: names the notes use elsewhere', () => {
  it('tells names from ordinary words by how the notes write them', () => {
    const stem = index.terms.stem;
    expect(writtenAsName(index, stem('ec2'))).toBe(true);
    expect(writtenAsName(index, stem('google'))).toBe(true);
    expect(writtenAsName(index, stem('bundles'))).toBe(false);
  });

  it('names a qualifier of what the heading names when the section lacks it', () => {
    const ec2 = search(index, 'ec2 placement groups for tightly coupled jobs', 3);
    expect(ec2.hits[0]?.section.id).toBe('ray#placement-group-strategies-compared');
    expect(ec2.missing).toContain('ec2');
    // Not when the name qualifies nothing the heading names, nor when the section holds it.
    expect(search(index, 'ray placement groups for tightly coupled jobs', 3).missing).toEqual([]);
    expect(search(index, 'how are ec2 instances billed', 3).missing).not.toContain('ec2');
  });

  it('names a name used in few sections wherever the section lacks it', () => {
    const question = 'dead letter topics in google pub sub';
    const few = search(index, question, 3, { ...defaultTuning, nameDocShare: 0.2 });
    expect(few.hits[0]?.section.id).toBe('aws#amazon-sns-topics');
    expect(few.missing).toContain('google');
    // "google" is in 1 of 13 sections: not "few" at a share of 0.05.
    expect(search(index, question, 3, { ...defaultTuning, nameDocShare: 0.05 }).missing).not.toContain('google');
  });
});

describe('Missing line: words the notes never use', () => {
  it('names an everyday word the notes never use when it is most of a short question', () => {
    const outcome = search(index, 'temperature of an llm', 3);
    expect(outcome.hits[0]?.section.id).toBe('ray#serving-large-language-models');
    expect(outcome.missing).toContain('temperature');
    expect(search(index, 'temperature of an llm', 3, { ...defaultTuning, missingWordShare: 1 }).missing).toEqual([]);
  });

  it('names no two-letter word the notes never use: too short to tell a name from shorthand', () => {
    const outcome = search(index, 'does ray serve scale the llm replicas of an endpoint with traffic in qz', 3);
    expect(outcome.hits[0]?.section.id).toBe('ray#serving-large-language-models');
    expect(outcome.missing).toEqual([]);
    expect(
      search(index, 'does ray serve scale the llm replicas of an endpoint with traffic in qzx', 3).missing,
    ).toEqual(['qzx']);
  });

  it('takes a word one slip from a word of the section for that word, not for a missing one', () => {
    // "tining" is an English word, not an everyday one, and no swap or doubling slip of one, so it
    // is not corrected ("tunning" now is: a doubling slip of the everyday "tuning").
    const tining = search(index, 'warm start tining jobs', 3);
    expect(tining.hits[0]?.section.id).toBe('ray#tuning-jobs-with-a-warm-start');
    expect(tining.missing).toEqual([]);
    // Where the section holds no word it may be a slip of, it is missing.
    const elsewhere = search(index, 'tining the ssh port of the head node', 3);
    expect(elsewhere.hits[0]?.section.id).toBe('ray#connecting-to-the-head-node');
    expect(elsewhere.missing).toContain('tining');
  });
});

describe('words the question rules out', () => {
  it('reads up to three words after "without" or "instead of"', () => {
    const terms = index.terms;
    expect([...ruledOut('extra pip packages without building a new docker image', terms)]).toEqual(
      ['build', 'new', 'docker'].map((w) => terms.stem(w)),
    );
    expect([...ruledOut('use spot instead of on demand', terms)]).toEqual(['demand'].map((w) => terms.stem(w)));
    expect(ruledOut('dead letter queue for sns topics', terms).size).toBe(0);
  });

  it('neither declines for nor names a name the question does without', () => {
    expect(index.names.has(index.terms.stem('google'))).toBe(true);
    // Asked on Google: the SNS section does not answer it.
    expect(search(index, 'dead letter queue for sns topics on google', 3).confident).toBe(false);
    const without = search(index, 'dead letter queue for sns topics without google', 3);
    expect(without.confident).toBe(true);
    expect(without.hits[0]?.section.id).toBe('aws#amazon-sns-topics');
    expect(without.missing).not.toContain('google');
  });
});
