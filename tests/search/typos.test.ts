import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/quiz/shuffle.js';
import { isEnglishWord } from '../../src/search/dictionary.js';
import { isEverydaySpelling } from '../../src/search/everyday.js';
import { stem } from '../../src/search/text.js';
import { correctTypedWords, TypoIndex } from '../../src/search/typos.js';

describe('typo index', () => {
  // Seeded, so a failure names a case that can be replayed.
  const next = seededRandom(7);
  const letters = 'abcdeilmnorst';
  const word = (length: number): string =>
    Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join('');
  const vocabulary = new Set<string>([
    'instanc',
    'instal',
    'stanc',
    'distanc',
    'bucket',
    'buckets',
    'aa',
    'a',
    'aaaa',
    'abab',
    'baba',
  ]);
  while (vocabulary.size < 3000) vocabulary.add(word(2 + Math.floor(next() * 10)));
  const tree = SearchableMap.from([...vocabulary].map((w): [string, number] => [w, 1]));
  const typos = new TypoIndex(vocabulary);
  const sorted = (m: Map<string, number>) => new Map([...m].sort(([a], [b]) => a.localeCompare(b)));

  it('finds exactly the words MiniSearch finds, with the same distances', () => {
    const edit = (w: string): string => {
      const at = Math.floor(next() * (w.length + 1));
      const choice = next();
      const letter = letters[Math.floor(next() * letters.length)]!;
      if (choice < 0.33) return w.slice(0, at) + letter + w.slice(at);
      if (choice < 0.66) return w.slice(0, at) + w.slice(at + 1);
      return w.slice(0, at) + letter + w.slice(at + 1);
    };
    const words = [...vocabulary];
    const queries = ['instanse', 'bukcet', 'aaa', 'ab', 'zzzzzz', 'distance', 'baab'];
    for (let i = 0; i < 400; i++) {
      const base = next() < 0.8 ? words[Math.floor(next() * words.length)]! : word(3 + Math.floor(next() * 9));
      queries.push(next() < 0.5 ? edit(base) : edit(edit(base)));
    }
    let matches = 0;
    for (const query of queries) {
      for (const maxDistance of [1, 2]) {
        const expected = new Map([...tree.fuzzyGet(query, maxDistance)].map(([w, [, d]]): [string, number] => [w, d]));
        matches += expected.size;
        expect(sorted(typos.near(query, maxDistance)), `${query} ±${maxDistance}`).toEqual(sorted(expected));
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});

describe('correctTypedWords', () => {
  const known = new Set(['encod', 'region', 'sustain', 'label', 'instanc', 'tabl']);
  const fix = (q: string) => correctTypedWords(q, (t) => known.has(t), stem, isEnglishWord);

  it('spells right a typo of an English word whose stem the notes use, swaps first', () => {
    expect(fix('target encodnig overfits')).toBe('target encoding overfits');
    expect(fix('why dont some regoins show up')).toBe('why dont some regions show up');
    expect(fix('sustainabilty pillar')).toBe('sustainability pillar');
    expect(fix('loan lables come late')).toBe('loan labels come late');
    expect(fix('a gpu instanse')).toBe('a gpu instance');
  });

  it('never changes the first letter: a letter before a word makes another name', () => {
    const fixing = (q: string) => correctTypedWords(q, (t) => ['serv', 'label'].includes(t), stem, isEnglishWord);
    // "kserve" is "serve" with a letter before it: KServe, not a slip.
    expect(fixing('kserve vs ray serve')).toBe('kserve vs ray serve');
    expect(fixing('xlabel on the plot')).toBe('xlabel on the plot');
    // A slip after the first letter is still corrected.
    expect(fixing('ray sreve deployments')).toBe('ray serve deployments');
  });

  it('takes a letter typed once where the word doubles it (or twice where it has one) before other edits', () => {
    // "suport" is also "sport" with a letter left out; the doubled letter is the likelier slip.
    const fixing = (q: string) =>
      correctTypedWords(q, (t) => ['support', 'sport', 'address', 'dress'].includes(t), stem, isEnglishWord);
    expect(fixing('developer suport ends')).toBe('developer support ends');
    expect(fixing('ip adresses')).toBe('ip addresses');
  });

  it('spells right a part of a name joined by a hyphen or an underscore, not one after a dot or run into digits', () => {
    const fixing = (q: string) => correctTypedWords(q, (t) => ['valu', 'model'].includes(t), stem, isEnglishWord);
    expect(fixing('what a p-vaule means')).toBe('what a p-value means');
    expect(fixing('prepare_modle in ray train')).toBe('prepare_model in ray train');
    expect(fixing('app.modle and vaule7')).toBe('app.modle and vaule7');
  });

  it('takes a rare English word for a swap or doubling slip of an everyday word the notes use', () => {
    const known = (t: string) => ['bill', 'file'].includes(t);
    const rareFix = (q: string) => correctTypedWords(q, known, stem, isEnglishWord, isEverydaySpelling);
    // "biling" is in the word list; "billing" (one more l) is everyday, "filing" is another edit.
    expect(isEnglishWord('biling')).toBe(true);
    expect(rareFix('aws biling conductor')).toBe('aws billing conductor');
    // Without knowing everyday English, an English word is never a typo.
    expect(correctTypedWords('aws biling conductor', known, stem, isEnglishWord)).toBe('aws biling conductor');
    // An everyday word stays as typed ("filling" is one letter from "filing").
    expect(rareFix('filling a form')).toBe('filling a form');
  });

  it('undoes a doubled letter in a name whose stem the notes use for another word', () => {
    // The stemmer reads "autoscaling" as "autosc" but "autoscaler" and "autoscalling" as "autoscal".
    expect([stem('autoscaling'), stem('autoscaler'), stem('autoscalling')]).toEqual(['autosc', 'autoscal', 'autoscal']);
    const notesSay = (t: string) => ['autosc', 'autoscal', 'install', 'instal'].includes(t);
    const fixing = (q: string) => correctTypedWords(q, notesSay, stem, isEnglishWord);
    expect(fixing('sagemaker endpoint autoscalling')).toBe('sagemaker endpoint autoscaling');
    // Spelt right, a name keeps its spelling: no letter is doubled to reach another stem.
    expect(fixing('sagemaker endpoint autoscaling')).toBe('sagemaker endpoint autoscaling');
    expect(fixing('ray autoscaler logs')).toBe('ray autoscaler logs');
    // "autoscaller" undoubled is "autoscaler", the same stem: left as typed. English words are left too.
    expect(fixing('ray autoscaller logs')).toBe('ray autoscaller logs');
    expect(fixing('installing ray')).toBe('installing ray');
  });

  it('leaves English words, words the notes use, short words and names with no close keyboard slip', () => {
    expect(fix('tables and labels')).toBe('tables and labels');
    expect(fix('postgres on rds')).toBe('postgres on rds');
    expect(fix('regn')).toBe('regn');
    expect(fix('kubeflow pipelines')).toBe('kubeflow pipelines');
  });
});
