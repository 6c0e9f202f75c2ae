import type Database from 'better-sqlite3';
import type { QuizQuestion } from '../notes/types.js';
import { openDatabase } from './database.js';
import { listFeedback, recordFeedback, type Feedback } from './feedback.js';
import { schedule, type ReviewState } from './scheduler.js';
import { addAnswerToScore, readLeaderboard, readStats, type Leaderboard, type UserStats } from './scores.js';

export type { Feedback } from './feedback.js';
export type { Leaderboard, UserStats } from './scores.js';

export interface NewRound {
  /** Short and unique: it goes into Discord custom ids. */
  id: string;
  guildId: string;
  channelId: string;
  askerId: string;
  topic: string | null;
  private: boolean;
  reviewAll: boolean;
  question: QuizQuestion;
  /** Choice texts in the order shown (A, B, …), shuffled once for this round. */
  choices: string[];
  answerIndex: number;
  openedAt: number;
  closesAt: number;
}

export interface StoredRound extends Omit<NewRound, 'question'> {
  questionId: string;
  /** The question as asked; undefined only for rounds stored before schema version 3. */
  question?: QuizQuestion;
  messageId: string | null;
  revealedAt: number | null;
  /** When the channel message showed the answer; null while a reveal is still to deliver. */
  revealShownAt?: number | null;
}

export interface StoredAnswer {
  userId: string;
  choiceIndex: number;
  correct: boolean;
  answeredAt: number;
}

export type RecordAnswerResult =
  | { status: 'recorded'; correct: boolean; round: StoredRound }
  | { status: 'duplicate'; previousChoice: number; round: StoredRound }
  | { status: 'closed' }
  | { status: 'not-yours' }
  | { status: 'invalid-choice' }
  | { status: 'unknown-round' };

export type RevealRoundResult =
  | { status: 'revealed'; round: StoredRound; answers: StoredAnswer[] }
  | { status: 'already-revealed' }
  | { status: 'not-asker' }
  | { status: 'unknown-round' };

/** Personal review totals of one user, across servers. */
export interface ReviewTotals {
  answered: number;
  correct: number;
}

interface RoundRow {
  id: string;
  guild_id: string;
  channel_id: string;
  message_id: string | null;
  question_id: string;
  question_json: string | null;
  asker_id: string;
  topic: string | null;
  private: number;
  review_all: number;
  choices: string;
  answer_index: number;
  opened_at: number;
  closes_at: number;
  revealed_at: number | null;
  reveal_shown_at: number | null;
}

interface ReviewRow {
  question_id: string;
  box: number;
  due_at: number;
  last_answered_at: number;
}

const toRound = (r: RoundRow): StoredRound => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  messageId: r.message_id,
  questionId: r.question_id,
  question: r.question_json ? (JSON.parse(r.question_json) as QuizQuestion) : undefined,
  askerId: r.asker_id,
  topic: r.topic,
  private: r.private === 1,
  reviewAll: r.review_all === 1,
  choices: JSON.parse(r.choices) as string[],
  answerIndex: r.answer_index,
  openedAt: r.opened_at,
  closesAt: r.closes_at,
  revealedAt: r.revealed_at,
  revealShownAt: r.reveal_shown_at,
});

const toReview = (r: ReviewRow): ReviewState => ({ box: r.box, dueAt: r.due_at, lastAnsweredAt: r.last_answered_at });

/**
 * Quiz data in SQLite: rounds, answers, scores, review schedules and /ask feedback. Each
 * answer is written in one transaction when it arrives, so a restart loses nothing.
 */
export class QuizStore {
  readonly db: Database.Database;

  /** `busyTimeoutMs`: how long one query waits for another process's lock (it blocks the thread meanwhile). */
  constructor(file: string, options: { busyTimeoutMs?: number } = {}) {
    this.db = openDatabase(file, options);
  }

  createRound(round: NewRound): void {
    if (!Number.isInteger(round.answerIndex) || round.answerIndex < 0 || round.answerIndex >= round.choices.length) {
      throw new RangeError(
        `round ${round.id}: answer index ${round.answerIndex} is not one of its ${round.choices.length} choices`,
      );
    }
    this.db
      .prepare(
        `INSERT INTO rounds (id, guild_id, channel_id, question_id, question_json, asker_id, topic, private, review_all, choices, answer_index, opened_at, closes_at)
         VALUES (@id, @guildId, @channelId, @questionId, @questionJson, @askerId, @topic, @private, @reviewAll, @choices, @answerIndex, @openedAt, @closesAt)`,
      )
      .run({
        id: round.id,
        guildId: round.guildId,
        channelId: round.channelId,
        questionId: round.question.id,
        questionJson: JSON.stringify(round.question),
        askerId: round.askerId,
        topic: round.topic,
        private: round.private ? 1 : 0,
        reviewAll: round.reviewAll ? 1 : 0,
        choices: JSON.stringify(round.choices),
        answerIndex: round.answerIndex,
        openedAt: round.openedAt,
        closesAt: round.closesAt,
      });
  }

  /** Where the round was posted, so it can be edited after a restart. */
  attachMessage(roundId: string, channelId: string, messageId: string): void {
    this.db.prepare('UPDATE rounds SET channel_id = ?, message_id = ? WHERE id = ?').run(channelId, messageId, roundId);
  }

  getRound(id: string): StoredRound | undefined {
    const row = this.db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined;
    return row && toRound(row);
  }

  /** Question ids of a server's latest public rounds, newest first. */
  recentQuestionIds(guildId: string, limit: number): string[] {
    const rows = this.db
      .prepare(
        'SELECT question_id FROM rounds WHERE guild_id = ? AND private = 0 ORDER BY opened_at DESC, rowid DESC LIMIT ?',
      )
      .all(guildId, limit) as { question_id: string }[];
    return rows.map((r) => r.question_id);
  }

  /**
   * Records one answer together with its score and review schedule. One answer per user and
   * round: the primary key decides, so concurrent clicks count once.
   *
   * Every answer moves the user's review schedule. Only public rounds count towards the
   * server's scores and leaderboard: private review is practice, and counting it would let
   * anyone farm the leaderboard alone. Private answers show in reviewTotals instead.
   */
  recordAnswer(roundId: string, userId: string, choiceIndex: number, now: number): RecordAnswerResult {
    // IMMEDIATE takes the write lock before reading, so another process cannot slip in between.
    return this.db
      .transaction((): RecordAnswerResult => {
        const round = this.getRound(roundId);
        if (!round) return { status: 'unknown-round' };
        if (round.revealedAt !== null) return { status: 'closed' };
        // The deadline closes a public round even if its reveal is late or failing.
        if (!round.private && now >= round.closesAt) return { status: 'closed' };
        if (round.private && userId !== round.askerId) return { status: 'not-yours' };
        if (!Number.isInteger(choiceIndex) || choiceIndex < 0 || choiceIndex >= round.choices.length)
          return { status: 'invalid-choice' };
        const correct = choiceIndex === round.answerIndex;
        const inserted = this.db
          .prepare(
            'INSERT INTO answers (round_id, user_id, choice_index, correct, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          )
          .run(roundId, userId, choiceIndex, correct ? 1 : 0, now);
        if (inserted.changes === 0) {
          const previous = this.db
            .prepare('SELECT choice_index FROM answers WHERE round_id = ? AND user_id = ?')
            .get(roundId, userId) as { choice_index: number };
          return { status: 'duplicate', previousChoice: previous.choice_index, round };
        }
        if (!round.private) addAnswerToScore(this.db, round.guildId, userId, correct, now);
        const state = schedule(this.reviewState(userId, round.questionId), correct, now);
        this.db
          .prepare(
            `INSERT INTO reviews (user_id, question_id, box, due_at, last_answered_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (user_id, question_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at, last_answered_at = excluded.last_answered_at`,
          )
          .run(userId, round.questionId, state.box, state.dueAt, state.lastAnsweredAt);
        // A private round has one player: it is over once they answered.
        if (round.private) {
          this.db.prepare('UPDATE rounds SET revealed_at = ? WHERE id = ?').run(now, roundId);
          round.revealedAt = now;
        }
        return { status: 'recorded', correct, round };
      })
      .immediate();
  }

  /**
   * Closes a round and returns its answers. Only the asker may reveal, unless `force` (the
   * timer, a restart); of two concurrent reveals exactly one gets "revealed".
   */
  revealRound(
    roundId: string,
    byUserId: string | undefined,
    now: number,
    options: { force?: boolean } = {},
  ): RevealRoundResult {
    return this.db
      .transaction((): RevealRoundResult => {
        const round = this.getRound(roundId);
        if (!round) return { status: 'unknown-round' };
        if (round.revealedAt !== null) return { status: 'already-revealed' };
        if (!options.force && byUserId !== round.askerId) return { status: 'not-asker' };
        this.db.prepare('UPDATE rounds SET revealed_at = ? WHERE id = ?').run(now, roundId);
        return { status: 'revealed', round: { ...round, revealedAt: now }, answers: this.answers(roundId) };
      })
      .immediate();
  }

  /** A round's answers in the order they arrived. */
  answers(roundId: string): StoredAnswer[] {
    const rows = this.db
      .prepare(
        'SELECT user_id, choice_index, correct, answered_at FROM answers WHERE round_id = ? ORDER BY answered_at, rowid',
      )
      .all(roundId) as {
      user_id: string;
      choice_index: number;
      correct: number;
      answered_at: number;
    }[];
    return rows.map((a) => ({
      userId: a.user_id,
      choiceIndex: a.choice_index,
      correct: a.correct === 1,
      answeredAt: a.answered_at,
    }));
  }

  /**
   * Public rounds not revealed yet, e.g. left open when the bot stopped; soonest to close
   * first. Private rounds are left out: they close when their player answers, and have no
   * channel message to update.
   */
  openRounds(): StoredRound[] {
    const rows = this.db
      .prepare('SELECT * FROM rounds WHERE revealed_at IS NULL AND private = 0 ORDER BY closes_at, rowid')
      .all() as RoundRow[];
    return rows.map(toRound);
  }

  /** The round's message now shows the answer: its reveal is delivered. */
  markRevealShown(roundId: string, now: number): void {
    this.db.prepare('UPDATE rounds SET reveal_shown_at = ? WHERE id = ? AND reveal_shown_at IS NULL').run(now, roundId);
  }

  /** Public rounds closed in the database whose message does not show the answer yet, oldest first. */
  undeliveredReveals(): StoredRound[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM rounds WHERE revealed_at IS NOT NULL AND reveal_shown_at IS NULL AND private = 0 ORDER BY revealed_at, rowid',
      )
      .all() as RoundRow[];
    return rows.map(toRound);
  }

  /** Public rounds of a channel still taking answers at `now`. */
  openRoundsIn(channelId: string, now: number): StoredRound[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM rounds WHERE revealed_at IS NULL AND private = 0 AND channel_id = ? AND closes_at > ? ORDER BY closes_at',
      )
      .all(channelId, now) as RoundRow[];
    return rows.map(toRound);
  }

  stats(guildId: string, userId: string): UserStats {
    return readStats(this.db, guildId, userId);
  }

  leaderboard(guildId: string, userId: string, limit = 10): Leaderboard {
    return readLeaderboard(this.db, guildId, userId, limit);
  }

  reviewState(userId: string, questionId: string): ReviewState | undefined {
    const row = this.db
      .prepare('SELECT question_id, box, due_at, last_answered_at FROM reviews WHERE user_id = ? AND question_id = ?')
      .get(userId, questionId) as ReviewRow | undefined;
    return row && toReview(row);
  }

  /** The user's review schedule, by question id. */
  reviewStates(userId: string): Map<string, ReviewState> {
    const rows = this.db
      .prepare('SELECT question_id, box, due_at, last_answered_at FROM reviews WHERE user_id = ?')
      .all(userId) as ReviewRow[];
    return new Map(rows.map((r) => [r.question_id, toReview(r)]));
  }

  /** Question ids the user answered in review-all rounds, oldest first (see reviewPass). */
  reviewAllHistory(userId: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT r.question_id FROM rounds r JOIN answers a ON a.round_id = r.id AND a.user_id = r.asker_id
         WHERE r.asker_id = ? AND r.review_all = 1 ORDER BY a.answered_at, a.rowid`,
      )
      .all(userId) as { question_id: string }[];
    return rows.map((r) => r.question_id);
  }

  reviewTotals(userId: string): ReviewTotals {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS answered, COALESCE(SUM(a.correct), 0) AS correct FROM answers a JOIN rounds r ON r.id = a.round_id WHERE a.user_id = ? AND r.private = 1',
      )
      .get(userId) as ReviewTotals;
    return { answered: row.answered, correct: row.correct };
  }

  recordFeedback(feedback: Feedback, now = Date.now()): void {
    recordFeedback(this.db, feedback, now);
  }

  feedback(): Feedback[] {
    return listFeedback(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export const openQuizStore = (file: string, options: { busyTimeoutMs?: number } = {}): QuizStore =>
  new QuizStore(file, options);
