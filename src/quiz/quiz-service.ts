import { randomBytes } from 'node:crypto';
import type { Note, QuizQuestion } from '../notes/types.js';
import type { Leaderboard, QuizStore, StoredAnswer, StoredRound, UserStats } from './quiz-store.js';
import { choiceIndex, letters, roundView, type Letter, type RoundView, type SectionLink } from './round-view.js';
import { pickForReview, reviewPass } from './scheduler.js';
import { shuffled, type RandomSource } from './shuffle.js';
import { buildTopics, type QuizTopic, type TopicIndex } from './topics.js';

export type { RoundView } from './round-view.js';
export type { QuizTopic } from './topics.js';

export interface QuizServiceOptions {
  store: QuizStore;
  /** The notes (titles name the topics). */
  notes: readonly Note[];
  /** The question bank (see bank.ts); the notes' front matter questions when absent. */
  questions?: readonly QuizQuestion[];
  sectionsById?: (id: string) => SectionLink | undefined;
  /** How long a public round stays open before it reveals itself. */
  quizSeconds: number;
  now?: () => number;
  random?: RandomSource;
}

export interface StartOptions {
  guildId: string;
  channelId: string;
  askerId: string;
  /** A topic id or title (see topics()); every question when empty. */
  topic?: string;
  /** Personal review: the asker's schedule picks the question and only they may answer. */
  private?: boolean;
  /** Personal review of every question of the topic, least known first. Implies private. */
  reviewAll?: boolean;
}

/** Where a button was clicked: a round answers only to clicks from its own server and channel. */
export interface ClickPlace {
  guildId: string;
  channelId: string;
  /** The message whose button was clicked; a public round also checks it is its own message. */
  messageId?: string;
}

export type AnswerResult =
  | {
      status: 'recorded';
      correct: boolean;
      choiceLetter: Letter;
      correctLetter: Letter;
      correctText: string;
      explanation: string;
      round: RoundView;
    }
  | { status: 'duplicate'; previousLetter: Letter; previousText: string }
  | { status: 'closed' }
  | { status: 'not-yours' }
  /** The click came from another server, channel or message (a forged custom_id): nothing is recorded. */
  | { status: 'elsewhere' }
  /** Also for a letter the round does not have: nothing is recorded. */
  | { status: 'unknown-round' };

/** How to start the question after this one: same topic, same kind of round. */
interface NextQuestion {
  topic?: string;
  private: boolean;
  reviewAll: boolean;
  /** Questions in that topic now (0 if the notes lost them). */
  questions: number;
}

export interface RevealSummary {
  round: RoundView;
  correctLetter: Letter;
  correctText: string;
  /** Answers per letter, every letter of the round present. */
  counts: Record<string, number>;
  /** In the order they answered. */
  correctUserIds: string[];
  totalAnswers: number;
  explanation: string;
  next: NextQuestion;
}

export type RevealOutcome =
  | { status: 'revealed'; summary: RevealSummary }
  | { status: 'not-asker' }
  | { status: 'already-revealed' }
  | { status: 'elsewhere' }
  | { status: 'unknown-round' };

/** Personal review progress, across servers. */
export interface ReviewStats {
  answered: number;
  correct: number;
  /** Questions of the notes due for review now. */
  due: number;
}

/** A question the buttons can show: 2 to 5 choices (A–E), the answer among them. */
const usable = (q: QuizQuestion): boolean =>
  q.choices.length >= 2 && q.choices.length <= letters.length && q.choices.includes(q.answer);

/** A forged or replayed custom_id names a round of another server, channel or message. */
const isElsewhere = (round: StoredRound, place: ClickPlace): boolean =>
  round.guildId !== place.guildId ||
  round.channelId !== place.channelId ||
  (!round.private && round.messageId !== null && place.messageId !== undefined && round.messageId !== place.messageId);

/** How many of a server's latest public questions not to ask again right away. */
const recentWindow = 10;

/**
 * The quiz use case, transport-free: starts rounds from the notes' questions, takes answers,
 * reveals, and reads scores. The Discord and terminal renderers show what it returns.
 */
export class QuizService {
  private readonly store: QuizStore;
  private readonly now: () => number;
  private readonly random: RandomSource;
  private readonly questions: QuizQuestion[];
  private readonly byId: Map<string, QuizQuestion>;
  private readonly notesByRoute: Map<string, Note>;
  private readonly topicIndex: TopicIndex;

  constructor(private readonly options: QuizServiceOptions) {
    this.store = options.store;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.questions = (options.questions ?? options.notes.flatMap((n) => n.quiz)).filter(usable);
    this.byId = new Map(this.questions.map((q) => [q.id, q]));
    this.notesByRoute = new Map(options.notes.map((n) => [n.route, n]));
    this.topicIndex = buildTopics(options.notes, this.questions);
  }

  /** Topics for autocomplete: areas and notes that have questions. */
  topics(): QuizTopic[] {
    return this.topicIndex.list;
  }

  /** The topics a typed name matches, best first (as `topic` in start() finds one). */
  matchTopics(name: string, limit: number): QuizTopic[] {
    return this.topicIndex.match(name, limit);
  }

  /** Questions of a topic (id or title, any case); every question without one; undefined for an unknown topic. */
  questionsFor(topic: string | undefined): QuizQuestion[] | undefined {
    if (!topic?.trim()) return this.questions;
    const found = this.topicIndex.find(topic);
    return found && this.topicIndex.questionsOf(found);
  }

  /** A round, or undefined when unknown or (with `place`) clicked from somewhere else. */
  getRound(id: string, place?: ClickPlace): RoundView | undefined {
    const round = this.store.getRound(id);
    return round && !(place && isElsewhere(round, place)) ? this.view(round) : undefined;
  }

  /** A new round, or undefined when the topic is unknown or has no questions. */
  start(options: StartOptions): RoundView | undefined {
    const topic = options.topic?.trim() ? this.topicIndex.find(options.topic) : undefined;
    if (options.topic?.trim() && !topic) return undefined;
    const pool = topic ? this.topicIndex.questionsOf(topic) : this.questions;
    const isPrivate = Boolean(options.private || options.reviewAll);
    const now = this.now();
    const question = isPrivate
      ? this.pickPersonal(pool, options.askerId, Boolean(options.reviewAll), now)
      : this.pickPublic(pool, options.guildId);
    if (!question) return undefined;
    // "I knew it" / "I didn't" keep their order.
    const choices = question.reveal ? [...question.choices] : shuffled(question.choices, this.random);
    const round = {
      id: this.newRoundId(),
      guildId: options.guildId,
      channelId: options.channelId,
      askerId: options.askerId,
      topic: topic?.id ?? null,
      private: isPrivate,
      reviewAll: Boolean(options.reviewAll),
      question,
      choices,
      answerIndex: choices.indexOf(question.answer),
      openedAt: now,
      closesAt: now + this.options.quizSeconds * 1000,
    };
    this.store.createRound(round);
    return this.view({ ...round, questionId: question.id, messageId: null, revealedAt: null });
  }

  attachMessage(roundId: string, channelId: string, messageId: string): void {
    this.store.attachMessage(roundId, channelId, messageId);
  }

  /** One user's answer, by letter (A–E, any case) or 0-based index. */
  answer(roundId: string, userId: string, choice: string | number, place?: ClickPlace): AnswerResult {
    const stored = this.store.getRound(roundId);
    const question = stored && this.questionOf(stored);
    if (!question) return { status: 'unknown-round' };
    if (place && isElsewhere(stored, place)) return { status: 'elsewhere' };
    // Past the deadline the answer is refused on a read alone, so a click is refused at once even
    // while another process holds the write lock (the reveal may be late); the store checks again.
    if (!stored.private && (stored.revealedAt !== null || this.now() >= stored.closesAt)) return { status: 'closed' };
    const picked = choiceIndex(choice);
    const result = this.store.recordAnswer(roundId, userId, picked, this.now());
    switch (result.status) {
      case 'recorded': {
        const { round } = result;
        return {
          status: 'recorded',
          correct: result.correct,
          choiceLetter: letters[picked]!,
          correctLetter: letters[round.answerIndex]!,
          correctText: round.choices[round.answerIndex]!,
          explanation: question.explanation,
          round: this.view(round)!,
        };
      }
      case 'duplicate':
        return {
          status: 'duplicate',
          previousLetter: letters[result.previousChoice]!,
          previousText: result.round.choices[result.previousChoice]!,
        };
      case 'closed':
      case 'not-yours':
        return { status: result.status };
      case 'invalid-choice':
      case 'unknown-round':
        return { status: 'unknown-round' };
    }
  }

  /**
   * Reveals a round: by its asker, or by the timer (`{ timer: true }`, also after a
   * restart). Anyone else is refused. Exactly one caller gets "revealed".
   */
  reveal(
    roundId: string,
    byUserId: string | undefined,
    options: { timer?: boolean; place?: ClickPlace } = {},
  ): RevealOutcome {
    const stored = this.store.getRound(roundId);
    const question = stored && this.questionOf(stored);
    if (!question) return { status: 'unknown-round' };
    if (options.place && isElsewhere(stored, options.place)) return { status: 'elsewhere' };
    const result = this.store.revealRound(roundId, byUserId, this.now(), { force: options.timer === true });
    if (result.status !== 'revealed') return { status: result.status };
    return { status: 'revealed', summary: this.summarise(result.round, question, result.answers) };
  }

  /**
   * The timer's transition (deadline, retry, restart): closes the round if still open. The
   * summary to show while its reveal is owed; undefined once shown, or for a private round.
   */
  closeForReveal(roundId: string): RevealSummary | undefined {
    const outcome = this.reveal(roundId, undefined, { timer: true });
    if (outcome.status === 'revealed') return outcome.summary;
    return this.revealPending(roundId) ? this.revealedSummary(roundId) : undefined;
  }

  /** The reveal of a round already closed, for showing it again (a delivery that failed). */
  private revealedSummary(roundId: string): RevealSummary | undefined {
    const stored = this.store.getRound(roundId);
    const question = stored && this.questionOf(stored);
    if (!question || stored.revealedAt === null) return undefined;
    return this.summarise(stored, question, this.store.answers(roundId));
  }

  /** A round whose question never reached the channel: closed, nothing to show. */
  abandon(roundId: string): void {
    this.store.revealRound(roundId, undefined, this.now(), { force: true });
    this.store.markRevealShown(roundId, this.now());
  }

  /** The round's message shows the answer now. */
  markRevealShown(roundId: string): void {
    this.store.markRevealShown(roundId, this.now());
  }

  /** Whether the round's reveal still has to be shown in its channel. */
  private revealPending(roundId: string): boolean {
    const round = this.store.getRound(roundId);
    return Boolean(round && !round.private && round.revealedAt !== null && !round.revealShownAt);
  }

  /** Rounds closed but not shown as closed (a reveal that failed, or a crash in between): to deliver again. */
  undeliveredReveals(): StoredRound[] {
    return this.store.undeliveredReveals();
  }

  private summarise(round: StoredRound, question: QuizQuestion, answers: StoredAnswer[]): RevealSummary {
    const view = this.view(round)!;
    const counts: Record<string, number> = Object.fromEntries(view.choices.map((c) => [c.letter, 0]));
    for (const a of answers) counts[letters[a.choiceIndex]!]! += 1;
    const nextPool = round.topic ? this.questionsFor(round.topic) : this.questions;
    return {
      round: view,
      correctLetter: letters[round.answerIndex]!,
      correctText: round.choices[round.answerIndex]!,
      counts,
      correctUserIds: answers.filter((a) => a.correct).map((a) => a.userId),
      totalAnswers: answers.length,
      explanation: question.explanation,
      next: {
        topic: round.topic ?? undefined,
        private: round.private,
        reviewAll: round.reviewAll,
        questions: nextPool?.length ?? 0,
      },
    };
  }

  /**
   * Public rounds left open (e.g. by a restart), soonest to close first, for the caller to
   * reveal now or when their time is up. A round whose question can no longer be shown is
   * closed here instead; its answers stay counted.
   */
  recoverOpenRounds(now = this.now()): RoundView[] {
    const views: RoundView[] = [];
    for (const round of this.store.openRounds()) {
      const view = this.view(round);
      if (view) views.push(view);
      else this.store.revealRound(round.id, undefined, now, { force: true });
    }
    return views;
  }

  /** Public rounds of a channel still taking answers. */
  openRoundsIn(channelId: string): RoundView[] {
    return this.store.openRoundsIn(channelId, this.now()).flatMap((r) => this.view(r) ?? []);
  }

  /** Server results (public rounds) plus the user's personal review progress. */
  stats(guildId: string, userId: string): UserStats & { review: ReviewStats } {
    const now = this.now();
    const states = this.store.reviewStates(userId);
    const due = this.questions.filter((q) => (states.get(q.id)?.dueAt ?? Infinity) <= now).length;
    return { ...this.store.stats(guildId, userId), review: { ...this.store.reviewTotals(userId), due } };
  }

  leaderboard(guildId: string, userId: string, limit = 10): Leaderboard {
    return this.store.leaderboard(guildId, userId, limit);
  }

  /** Random, avoiding the server's latest questions while the topic has others. */
  private pickPublic(all: QuizQuestion[], guildId: string): QuizQuestion | undefined {
    // A self-graded card is on your honour: fine for your own review, not for the leaderboard.
    const pool = all.filter((q) => !q.reveal);
    const recent = new Set(this.store.recentQuestionIds(guildId, Math.min(recentWindow, pool.length - 1)));
    const candidates = pool.filter((q) => !recent.has(q.id));
    const from = candidates.length ? candidates : pool;
    return from[Math.floor(this.random() * from.length)];
  }

  private pickPersonal(
    pool: QuizQuestion[],
    userId: string,
    reviewAll: boolean,
    now: number,
  ): QuizQuestion | undefined {
    const states = this.store.reviewStates(userId);
    if (!reviewAll) return pickForReview(pool, states, now, 'due');
    return pickForReview(pool, states, now, 'all', reviewPass(pool, this.store.reviewAllHistory(userId)));
  }

  /** 8 characters of base64url (48 random bits). */
  private newRoundId(): string {
    for (;;) {
      const id = randomBytes(6).toString('base64url');
      if (!this.store.getRound(id)) return id;
    }
  }

  /** The question as asked; rounds from before the snapshot column fall back to the notes. */
  private questionOf(round: StoredRound): QuizQuestion | undefined {
    return round.question ?? this.byId.get(round.questionId);
  }

  private view(round: StoredRound): RoundView | undefined {
    const question = this.questionOf(round);
    return (
      question &&
      roundView(round, question, {
        noteTitle: (route) => this.notesByRoute.get(route)?.title,
        noteFile: (route) => this.notesByRoute.get(route)?.file,
        sectionsById: this.options.sectionsById,
      })
    );
  }
}

export const createQuizService = (options: QuizServiceOptions): QuizService => new QuizService(options);
