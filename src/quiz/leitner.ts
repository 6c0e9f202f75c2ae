import type { QuizQuestion } from '../notes/types.js';

/** Where a user stands with one question in the Leitner system. */
export interface ReviewState {
  questionId: string;
  /** 1 = just missed … 6 = known well. */
  box: number;
  dueAt: number;
  lastAnsweredAt: number;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * Time until a question in each box is due again. A miss comes back within the session
 * (10 minutes); each hit roughly doubles the gap, up to about five weeks.
 */
export const boxIntervals: Record<number, number> = { 1: 10 * minute, 2: 1 * day, 3: 3 * day, 4: 7 * day, 5: 16 * day, 6: 35 * day };
export const topBox = 6;

export function schedule(previous: ReviewState | undefined, questionId: string, correct: boolean, now: number): ReviewState {
  const box = correct ? Math.min(topBox, (previous?.box ?? 1) + 1) : 1;
  return { questionId, box, dueAt: now + boxIntervals[box]!, lastAnsweredAt: now };
}

/**
 * The next question for a personal review. `due`: the most overdue question, else one never
 * answered, else the one due soonest. `all` (before an exam): every question regardless of
 * dates, least known first: missed ones, then new ones, then by box, oldest answer first.
 */
export function pickForReview(questions: QuizQuestion[], states: Map<string, ReviewState>, now: number, mode: 'due' | 'all', random: () => number = Math.random): QuizQuestion | undefined {
  if (questions.length === 0) return undefined;
  const fresh = questions.filter((q) => !states.has(q.id));
  if (mode === 'all') {
    const rank = (q: QuizQuestion): [number, number] => {
      const s = states.get(q.id);
      if (!s) return [1.5, 0];
      return [s.box, s.lastAnsweredAt];
    };
    return [...questions].sort((a, b) => {
      const [boxA, atA] = rank(a);
      const [boxB, atB] = rank(b);
      return boxA - boxB || atA - atB;
    })[0];
  }
  const seen = questions.filter((q) => states.has(q.id)).sort((a, b) => states.get(a.id)!.dueAt - states.get(b.id)!.dueAt);
  const overdue = seen.find((q) => states.get(q.id)!.dueAt <= now);
  if (overdue) return overdue;
  if (fresh.length) return fresh[Math.floor(random() * fresh.length)];
  return seen[0];
}
