import type { QuizQuestion } from '../notes/types.js';

/** Where one user stands with one question in the Leitner system. */
export interface ReviewState {
  /** 1 = just missed … topBox = known well. */
  box: number;
  dueAt: number;
  lastAnsweredAt: number;
}

export type ReviewMode = 'due' | 'all';

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * How long a question rests in each box (index 0 = box 1). A miss comes back within the
 * same session; each hit roughly doubles the gap, up to about five weeks.
 */
export const boxIntervals: readonly number[] = [10 * minute, 1 * day, 3 * day, 7 * day, 16 * day, 35 * day];
export const topBox = boxIntervals.length;

const intervalOf = (box: number): number => boxIntervals[Math.min(topBox, Math.max(1, box)) - 1]!;

/** The state after an answer: a hit moves the question up one box, a miss back to box 1. */
export function schedule(previous: ReviewState | undefined, correct: boolean, now: number): ReviewState {
  const box = correct ? Math.min(topBox, (previous?.box ?? 1) + 1) : 1;
  return { box, dueAt: now + intervalOf(box), lastAnsweredAt: now };
}

/**
 * Every question of the pool, in the order a personal review should ask them.
 *
 * `due`: questions due now (most overdue first), then new ones (never answered, in notes
 * order), then the rest by how soon they are due.
 *
 * `all` (the week before an exam): due dates are ignored. Questions not yet asked in the
 * current pass (`walked`, see reviewPass) come first, least known first: missed ones, then new
 * ones, then higher boxes; within a box the longest unseen first.
 */
export function reviewQueue(
  questions: readonly QuizQuestion[],
  states: ReadonlyMap<string, ReviewState>,
  now: number,
  mode: ReviewMode,
  walked: ReadonlySet<string> = new Set(),
): QuizQuestion[] {
  const order = new Map(questions.map((q, i) => [q.id, i]));
  const byPosition = (a: QuizQuestion, b: QuizQuestion) => order.get(a.id)! - order.get(b.id)!;
  if (mode === 'due') {
    const fresh = questions.filter((q) => !states.has(q.id));
    const seen = questions
      .filter((q) => states.has(q.id))
      .sort((a, b) => states.get(a.id)!.dueAt - states.get(b.id)!.dueAt || byPosition(a, b));
    const due = seen.filter((q) => states.get(q.id)!.dueAt <= now);
    const later = seen.filter((q) => states.get(q.id)!.dueAt > now);
    return [...due, ...fresh, ...later];
  }
  // A new question ranks between a missed one (box 1) and one answered right once (box 2).
  const knowledge = (q: QuizQuestion): number => states.get(q.id)?.box ?? 1.5;
  const lastSeen = (q: QuizQuestion): number => states.get(q.id)?.lastAnsweredAt ?? -Infinity;
  return [...questions].sort(
    (a, b) =>
      Number(walked.has(a.id)) - Number(walked.has(b.id)) ||
      knowledge(a) - knowledge(b) ||
      lastSeen(a) - lastSeen(b) ||
      byPosition(a, b),
  );
}

/** The first question of reviewQueue, or undefined for an empty pool. */
export function pickForReview(
  questions: readonly QuizQuestion[],
  states: ReadonlyMap<string, ReviewState>,
  now: number,
  mode: ReviewMode,
  walked?: ReadonlySet<string>,
): QuizQuestion | undefined {
  return reviewQueue(questions, states, now, mode, walked)[0];
}

/**
 * The questions of the pool already asked in the current review-all pass, from the user's
 * review-all answers in time order. A pass ends once every question of the pool was asked,
 * and the next one starts empty.
 */
export function reviewPass(questions: readonly QuizQuestion[], history: readonly string[]): Set<string> {
  const pool = new Set(questions.map((q) => q.id));
  let walked = new Set<string>();
  for (const id of history) {
    if (!pool.has(id)) continue;
    walked.add(id);
    if (walked.size === pool.size) walked = new Set();
  }
  return walked;
}
