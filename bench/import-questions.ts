/**
 * Turns a question file written blind (expected sections named by file path and heading text, see
 * `tests/fixtures/eval/README.md`) into the eval's format (expected section ids), so the people
 * who write questions never need to know how Nimbus names sections:
 *
 *   npx tsx bench/import-questions.ts --notes notes --split blind5 written.json >> …
 *
 * Prints the converted questions as JSON; a heading that names no section of its file stops the
 * import with the list of such headings.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadNotes } from '../src/notes/load.js';
import type { Section } from '../src/notes/types.js';

interface Written {
  question: string;
  expected: { file: string; heading: string | null }[];
  answer?: string;
  style?: string;
  outOfScope?: boolean;
  kind?: 'unrelated' | 'near-miss';
  split?: string;
}

// Headings as a writer copies them: no Markdown emphasis, no `{#custom-id}`, spaces folded.
const normalise = (heading: string): string =>
  heading
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export function importQuestions(written: Written[], sections: Section[], split?: string): { questions: object[]; unknown: string[] } {
  const byFile = new Map<string, Section[]>();
  for (const section of sections) byFile.set(section.file, [...(byFile.get(section.file) ?? []), section]);
  const unknown: string[] = [];
  const idOf = ({ file, heading }: Written['expected'][number]): string | undefined => {
    const candidates = byFile.get(file) ?? [];
    const wanted = heading === null ? undefined : normalise(heading);
    const found =
      candidates.find((s) => wanted !== undefined && normalise(s.headingPath.at(-1) ?? '') === wanted && s.level > 0) ??
      candidates.find((s) => s.level <= 1 && (wanted === undefined || normalise(s.headingPath.at(-1) ?? '') === wanted));
    if (!found) unknown.push(`${file} # ${heading}`);
    return found?.id;
  };
  const questions = written.map((q) => ({
    question: q.question,
    expected: q.expected.map(idOf).filter((id): id is string => id !== undefined),
    ...(q.answer ? { answer: q.answer } : {}),
    ...(q.style ? { style: q.style } : {}),
    ...(q.outOfScope ? { outOfScope: true, kind: q.kind } : {}),
    split: split ?? q.split ?? 'blind',
  }));
  return { questions, unknown };
}

if (process.argv[1]?.endsWith('import-questions.ts')) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { notes: { type: 'string' }, split: { type: 'string' } } });
  if (!values.notes || positionals.length !== 1) {
    console.error('usage: tsx bench/import-questions.ts --notes DIR [--split NAME] written.json');
    process.exit(2);
  }
  const { sections } = loadNotes({ root: values.notes });
  const { questions, unknown } = importQuestions(JSON.parse(fs.readFileSync(positionals[0]!, 'utf8')), sections, values.split);
  if (unknown.length) {
    console.error(`headings that name no section:\n${unknown.join('\n')}`);
    process.exit(1);
  }
  console.log(JSON.stringify(questions, null, 2));
}
