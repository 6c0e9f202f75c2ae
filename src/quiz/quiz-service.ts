import { randomBytes } from 'node:crypto';
import type { Note, QuizQuestion, Section } from '../notes/types.js';
import { pickForReview, schedule } from './leitner.js';
import type { LeaderboardEntry, QuizStore, StoredRound, UserStats } from './quiz-store.js';

export const letters = ['A', 'B', 'C', 'D', 'E'] as const;

export interface RoundView {
  id: string;
  questionId: string;
  question: string;
  choices: { letter: string; text: string }[];
  closesAt: number;
  topic?: string;
  noteTitle: string;
  noteRoute: string;
  section?: { url: string | null; headingPath: string[]; file: string };
  private: boolean;
  reviewAll: boolean;
  askerId: string;
  channelId: string;
  messageId?: string;
}

export type AnswerResult =
  | { status: 'recorded'; correct: boolean; correctLetter: string; correctText: string; explanation: string; round: RoundView }
  | { status: 'duplicate'; previousLetter: string }
  | { status: 'closed' }
  | { status: 'not-yours' }
  | { status: 'unknown-round' };

export interface RevealSummary {
  round: RoundView;
  correctLetter: string;
  counts: Record<string, number>;
  correctUserIds: string[];
  totalAnswers: number;
  explanation: string;
}

export type RevealOutcome =
  | { status: 'revealed'; summary: RevealSummary }
  | { status: 'not-asker' }
  | { status: 'already-revealed' }
  | { status: 'unknown-round' };

export interface QuizTopic {
  /** A note route, or a folder such as "aws/cloud-practitioner" covering every note below it. */
  id: string;
  name: string;
  questions: number;
}

export interface QuizServiceOptions {
  store: QuizStore;
  notes: Note[];
  sectionsById: (id: string) => Section | undefined;
  quizSeconds: number;
  now?: () => number;
  random?: () => number;
}

export interface StartOptions {
  guildId: string;
  channelId: string;
  askerId: string;
  topic?: string;
  private?: boolean;
  reviewAll?: boolean;
}

/** Fisher–Yates with an injectable random source, so tests can fix the order. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The quiz use case, transport-free: starts rounds from the notes' questions, takes answers,
 * reveals, and reads scores. Discord and the terminal render what it returns.
 */
export class QuizService {
  private readonly store: QuizStore;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly byId = new Map<string, { question: QuizQuestion; note: Note }>();
  private readonly topicList: QuizTopic[];

  constructor(private readonly options: QuizServiceOptions) {
    this.store = options.store;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    for (const note of options.notes) for (const question of note.quiz) this.byId.set(question.id, { question, note });
    this.topicList = this.buildTopics();
  }

  private buildTopics(): QuizTopic[] {
    const topics = new Map<string, QuizTopic>();
    for (const note of this.options.notes) {
      if (note.quiz.length === 0) continue;
      const parts = note.route.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const id = parts.slice(0, depth).join('/');
        const name = note.breadcrumb.slice(0, depth).join(' › ') || id;
        const topic = topics.get(id) ?? { id, name, questions: 0 };
        topic.questions += note.quiz.length;
        topics.set(id, topic);
      }
      if (note.route) topics.set(note.route, { id: note.route, name: note.title, questions: note.quiz.length });
    }
    return [...topics.values()];
  }

  topics(): QuizTopic[] {
    return this.topicList;
  }

  /** Questions of a topic given by id, or by name in any case; all questions without one. */
  questionsFor(topic: string | undefined): QuizQuestion[] | undefined {
    const all = [...this.byId.values()].map((e) => e.question);
    if (!topic) return all;
    const wanted = topic.trim().toLowerCase().replace(/^\/+|\/+$/g, '');
    const match = this.topicList.find((t) => t.id.toLowerCase() === wanted) ?? this.topicList.find((t) => t.name.toLowerCase() === wanted);
    if (!match) return undefined;
    return all.filter((q) => q.noteRoute === match.id || q.noteRoute.startsWith(`${match.id}/`));
  }

  private view(round: StoredRound): RoundView | undefined {
    const entry = this.byId.get(round.questionId);
    if (!entry) return undefined;
    const { question, note } = entry;
    const section = this.options.sectionsById(question.section ? `${note.route}#${question.section}` : note.route);
    return {
      id: round.id,
      questionId: round.questionId,
      question: question.question,
      choices: round.choices.map((text, i) => ({ letter: letters[i]!, text })),
      closesAt: round.closesAt,
      topic: round.topic ?? undefined,
      noteTitle: note.title,
      noteRoute: note.route,
      section: section && { url: section.url, headingPath: section.headingPath, file: `${section.file}:${section.line}` },
      private: round.private,
      reviewAll: round.reviewAll,
      askerId: round.askerId,
      channelId: round.channelId,
      messageId: round.messageId ?? undefined,
    };
  }

  getRound(id: string): RoundView | undefined {
    const round = this.store.getRound(id);
    return round && this.view(round);
  }

  /** A new round, or undefined when the topic has no questions. */
  start(options: StartOptions): RoundView | undefined {
    const pool = this.questionsFor(options.topic);
    if (!pool || pool.length === 0) return undefined;
    const now = this.now();
    let question: QuizQuestion | undefined;
    if (options.private) {
      question = pickForReview(pool, this.store.reviewStates(options.askerId), now, options.reviewAll ? 'all' : 'due', this.random);
    } else {
      const recent = new Set(this.store.recentQuestionIds(options.guildId, Math.min(10, pool.length - 1)));
      const candidates = pool.filter((q) => !recent.has(q.id));
      const from = candidates.length ? candidates : pool;
      question = from[Math.floor(this.random() * from.length)];
    }
    if (!question) return undefined;
    const choices = shuffled(question.choices, this.random);
    const id = randomBytes(6).toString('base64url');
    this.store.createRound({
      id,
      guildId: options.guildId,
      channelId: options.channelId,
      questionId: question.id,
      askerId: options.askerId,
      topic: options.topic ?? null,
      private: options.private ?? false,
      reviewAll: options.reviewAll ?? false,
      choices,
      answerIndex: choices.indexOf(question.answer),
      openedAt: now,
      closesAt: now + this.options.quizSeconds * 1000,
    });
    return this.getRound(id);
  }

  attachMessage(roundId: string, channelId: string, messageId: string): void {
    this.store.attachMessage(roundId, channelId, messageId);
  }

  /** One user's answer, by letter (A–E) or 0-based index. */
  answer(roundId: string, userId: string, choice: string | number): AnswerResult {
    const round = this.store.getRound(roundId);
    const view = round && this.view(round);
    if (!round || !view) return { status: 'unknown-round' };
    if (round.private && round.askerId !== userId) return { status: 'not-yours' };
    const index = typeof choice === 'number' ? choice : letters.indexOf(choice.toUpperCase() as (typeof letters)[number]);
    if (index < 0 || index >= round.choices.length) return { status: 'unknown-round' };
    const now = this.now();
    const result = this.store.recordAnswer(roundId, userId, index, now, (previous, correct) => schedule(previous, round.questionId, correct, now));
    if (result.status === 'duplicate') return { status: 'duplicate', previousLetter: letters[result.previousChoice]! };
    if (result.status !== 'recorded') return result;
    // A personal review question is over once its one player has answered.
    if (round.private) this.store.markRevealed(roundId, now);
    const { question } = this.byId.get(round.questionId)!;
    return { status: 'recorded', correct: result.correct, correctLetter: letters[round.answerIndex]!, correctText: round.choices[round.answerIndex]!, explanation: question.explanation, round: view };
  }

  /**
   * Reveals a round. Only the asker may reveal early; the timer (byUserId undefined) always may.
   * Exactly one caller gets "revealed"; the rest hear it already was.
   */
  reveal(roundId: string, byUserId: string | undefined, _options: { timer?: boolean } = {}): RevealOutcome {
    const round = this.store.getRound(roundId);
    const view = round && this.view(round);
    if (!round || !view) return { status: 'unknown-round' };
    if (round.revealedAt !== null) return { status: 'already-revealed' };
    if (byUserId !== undefined && byUserId !== round.askerId) return { status: 'not-asker' };
    if (!this.store.markRevealed(roundId, this.now())) return { status: 'already-revealed' };
    const answers = this.store.answers(roundId);
    const counts: Record<string, number> = Object.fromEntries(view.choices.map((c) => [c.letter, 0]));
    for (const a of answers) counts[letters[a.choiceIndex]!]! += 1;
    const { question } = this.byId.get(round.questionId)!;
    return {
      status: 'revealed',
      summary: {
        round: view,
        correctLetter: letters[round.answerIndex]!,
        counts,
        correctUserIds: answers.filter((a) => a.correct).map((a) => a.userId),
        totalAnswers: answers.length,
        explanation: question.explanation,
      },
    };
  }

  /** Public rounds left open when the bot stopped, soonest to close first. */
  recoverOpenRounds(): RoundView[] {
    return this.store.openRounds().map((r) => this.view(r)).filter((v): v is RoundView => v !== undefined);
  }

  stats(guildId: string, userId: string): UserStats {
    return this.store.stats(guildId, userId);
  }

  leaderboard(guildId: string, userId: string, limit = 10): { top: LeaderboardEntry[]; own?: LeaderboardEntry } {
    return this.store.leaderboard(guildId, userId, limit);
  }
}

export const createQuizService = (options: QuizServiceOptions): QuizService => new QuizService(options);
