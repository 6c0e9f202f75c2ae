import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { normal } from '../../src/quiz/generate/draft.js';
import { expectIdsFollowSource } from './support/card-edits.js';
import { namedFormula } from '../../src/quiz/generate/formula.js';
import { generateQuestions, generatorKinds, round13cKinds } from '../../src/quiz/generate/index.js';
import { configKeys } from '../../src/quiz/generate/setting.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-round13c');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round13cKinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);
const text = JSON.stringify(generated);

describe('formula cards (round 13c)', () => {
  it('ask a formula stated on a bold line, LaTeX shown as plain text', () => {
    expect(asked).toContainEqual([
      'formula-reveal',
      "In “Number Systems › Complements”, what is the (r-1)'s complement of an n-digit number X?",
      '(rⁿ - 1) - X',
    ]);
  });

  it('read a bold name followed by display math', () => {
    expect(asked).toContainEqual([
      'formula-reveal',
      'In “Number Systems › Complements”, what is the area of a circle A?',
      'λ r²',
    ]);
  });

  it('skip worked examples, questions, steps, formulas that stay LaTeX and bold inside a sentence', () => {
    // The example section has a well-formed formula line too: its section rules it out.
    expect(generated.filter((q) => q.section === 'example-decimal')).toEqual([]);
    expect(text).not.toContain('546700');
    expect(text).not.toContain('worked number');
    expect(text).not.toContain('為什麼');
    expect(text).not.toContain('步驟');
    expect(text).not.toContain("r's complement of an n-digit number");
    expect(text).not.toContain('emphasis');
    expect(generated.filter((q) => q.kind === 'formula-reveal')).toHaveLength(2);
  });

  it('need prose words naming the formula and variables in it, not a computed figure', () => {
    expect(namedFormula('$X = (r^n-1) - X$')).toBeUndefined();
    expect(namedFormula("$9's$ complement of $546700$ is $(10^6-1) - 546700 = 453299$")).toBeUndefined();
    expect(namedFormula('Mean of the sample $\\mu = 42$')).toBeUndefined();
    expect(namedFormula('Mean of the sample $\\mu = \\frac{s}{n}$')).toEqual({
      name: 'Mean of the sample μ',
      formula: '(s/n)',
    });
  });
});

describe('setting cards (round 13c)', () => {
  it('ask which key of the config block beside the sentence takes the value, naming its parent', () => {
    expect(asked).toContainEqual([
      'setting-reveal',
      '在「部落格流量分析 › 設定追蹤碼」中，追蹤碼要貼到哪個設定？',
      'tracking_id（google_analytics 底下）',
    ]);
    expect(asked).toContainEqual([
      'setting-reveal',
      'In “部落格流量分析 › Deploy keys”, which setting holds your deploy token?',
      'apiToken (under deploy)',
    ]);
  });

  it('skip keys the block lacks, pronouns, and values named after the key', () => {
    expect(text).not.toContain('site_title');
    expect(text).not.toContain('only_pageview（');
    expect(text).not.toContain('zone');
    expect(text).not.toContain('region value');
    expect(generated.filter((q) => q.kind === 'setting-reveal')).toHaveLength(2);
  });

  it('read keys and their parents from YAML indents and TOML tables, not comments', () => {
    expect(configKeys({ lang: 'yaml', code: '# a: 1\nouter:\n  inner: 2\nnext: 3' })).toEqual([
      { key: 'outer', parent: undefined },
      { key: 'inner', parent: 'outer' },
      { key: 'next', parent: undefined },
    ]);
    expect(configKeys({ lang: 'toml', code: '[deploy]\nregion = "eu"' })).toEqual([
      { key: 'region', parent: 'deploy' },
    ]);
    expect(configKeys({ lang: 'js', code: 'region: 1' })).toEqual([]);
  });
});

describe('round 13c cards', () => {
  it('are self-graded, explained by their source line, linked to their section, never giving the answer away', () => {
    const notes = loadNotes({ root: fixture }).notes;
    expect(generated.length).toBe(4);
    for (const q of generated) {
      expect(q.choices).toEqual(['I knew it', "I didn't"]);
      expect(normal(q.question)).not.toContain(normal(q.reveal!.replace(/\s*(?:（[^）]*）|\(under [^)]*\))$/u, '')));
      expect(q.explanation.length).toBeGreaterThan(10);
      const note = notes.find((n) => n.route === q.noteRoute)!;
      const section = note.sections.find((s) => s.anchor === q.section);
      expect(section, q.id).toBeDefined();
    }
    expect(generated.find((q) => q.kind === 'setting-reveal')!.explanation).toBe(
      '回到主題設定檔中，找到下列這段，將追蹤碼貼到tracking_id',
    );
  });

  it('keep their ids across an unrelated edit, and retire a card whose source changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'digital-systems.md',
      cards,
      unrelated: ['The next part is long.', 'The next part is longer.'],
      source: ['$X = (r^n-1) - X$**', '$X = r^n - 1 - X$**'],
      retired: (q) => q.reveal === '(rⁿ - 1) - X',
      replacement: (q) => q.reveal === 'rⁿ - 1 - X',
    });
  });

  it('are on by default since round 13c (formula 1/1, setting 1/1)', () => {
    expect(round13cKinds.filter((kind) => generatorKinds.includes(kind))).toEqual(['formula', 'setting']);
    const byDefault = generateQuestions(loadNotes({ root: fixture }).notes);
    expect(byDefault.filter((q) => q.kind?.startsWith('formula'))).not.toEqual([]);
    expect(byDefault.filter((q) => q.kind?.startsWith('setting'))).not.toEqual([]);
  });
});
