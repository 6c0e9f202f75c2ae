import { setImmediate as nextTurn } from 'node:timers/promises';
import { codeNamesInNotes } from '../search/identifiers.js';
import type { SearchIndex } from '../search/index.js';
import { ask } from './ask.js';

/** Characters of a section read to make its warm-up question: a 100,000-word section costs as little as a short one. */
const questionSource = 300;

/** The i-th warm-up question: a section's heading and opening words, every other one misspelt. */
function warmUpQuestion(index: SearchIndex, i: number): string {
  const { sections } = index;
  const section = sections[i % sections.length]!;
  const words = `${section.heading} ${section.text.slice(0, questionSource)}`.split(/\s+/).filter(Boolean).slice(0, 12);
  if (i % 2 === 1 && words.length > 0) {
    const longest = words.reduce((best, word, k) => (word.length > words[best]!.length ? k : best), 0);
    const word = words[longest]!;
    words[longest] = word.slice(0, word.length >> 1) + word.slice((word.length >> 1) + 1);
  }
  return words.join(' ');
}

/**
 * Answers questions made from the notes' own headings and opening words, so that V8 has optimised
 * the answer path before the first user asks. A fresh process answers its first ~1,000 questions
 * with a dozen pauses of 1–10 ms while that happens (bench, our notes: p99 0.68–1.08 ms without
 * this, 0.58–0.64 ms with it). Every other question misspells a word, so the typo path is
 * optimised too. The notes' code names are read first (a question naming a setting needs them).
 * Only caches are filled: answers stay the same.
 */
export function warmUp(index: SearchIndex, questions = 1000): void {
  if (index.sections.length === 0) return;
  codeNamesInNotes(index);
  for (let i = 0; i < questions; i++) ask(index, warmUpQuestion(index, i));
}

/**
 * warmUp in slices of at most `sliceMs` that give the event loop back in between, so the bot
 * connects and answers first while it runs (answers are the same warmed or not). Stops early
 * when `stop()` says so (a reload swapped in other notes, shutdown).
 */
export async function warmUpInSlices(
  index: SearchIndex,
  {
    questions = 1000,
    sliceMs = 8,
    stop = () => false,
  }: { questions?: number; sliceMs?: number; stop?: () => boolean } = {},
): Promise<number> {
  if (index.sections.length === 0) return 0;
  codeNamesInNotes(index);
  await nextTurn();
  let i = 0;
  while (i < questions && !stop()) {
    const sliceEnd = performance.now() + sliceMs;
    do ask(index, warmUpQuestion(index, i++));
    while (i < questions && performance.now() < sliceEnd);
    await nextTurn();
  }
  return i;
}
