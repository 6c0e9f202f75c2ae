import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReviewState } from './leitner.js';
import { migrate } from './schema.js';

export interface StoredRound {
  id: string;
  guildId: string;
  channelId: string;
  messageId: string | null;
  questionId: string;
  askerId: string;
  topic: string | null;
  private: boolean;
  reviewAll: boolean;
  /** Choice texts in the order shown (A, B, …). */
  choices: string[];
  answerIndex: number;
  openedAt: number;
  closesAt: number;
  revealedAt: number | null;
}

export type RecordAnswerResult =
  | { status: 'recorded'; correct: boolean }
  | { status: 'duplicate'; previousChoice: number }
  | { status: 'closed' }
  | { status: 'unknown-round' };

export interface UserStats {
  answered: number;
  correct: number;
  streak: number;
  bestStreak: number;
}

export interface LeaderboardEntry extends UserStats {
  userId: string;
  rank: number;
  accuracy: number;
}

interface RoundRow {
  id: string; guild_id: string; channel_id: string; message_id: string | null; question_id: string; asker_id: string; topic: string | null;
  private: number; review_all: number; choices: string; answer_index: number; opened_at: number; closes_at: number; revealed_at: number | null;
}

const toRound = (r: RoundRow): StoredRound => ({
  id: r.id, guildId: r.guild_id, channelId: r.channel_id, messageId: r.message_id, questionId: r.question_id, askerId: r.asker_id,
  topic: r.topic, private: r.private === 1, reviewAll: r.review_all === 1, choices: JSON.parse(r.choices) as string[],
  answerIndex: r.answer_index, openedAt: r.opened_at, closesAt: r.closes_at, revealedAt: r.revealed_at,
});

/** Rank order: more correct answers first, then higher accuracy, then fewer attempts. */
const leaderboardOrder = 'correct DESC, CAST(correct AS REAL) / answered DESC, answered ASC, user_id ASC';

/**
 * Quiz data in SQLite: rounds, answers, scores, review schedule and /ask feedback. Every
 * answer is one transaction, written when it arrives, so a restart loses nothing.
 */
export class QuizStore {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  createRound(round: Omit<StoredRound, 'messageId' | 'revealedAt'>): void {
    this.db
      .prepare(`INSERT INTO rounds (id, guild_id, channel_id, question_id, asker_id, topic, private, review_all, choices, answer_index, opened_at, closes_at)
                VALUES (@id, @guildId, @channelId, @questionId, @askerId, @topic, @private, @reviewAll, @choices, @answerIndex, @openedAt, @closesAt)`)
      .run({ ...round, private: round.private ? 1 : 0, reviewAll: round.reviewAll ? 1 : 0, choices: JSON.stringify(round.choices) });
  }

  attachMessage(roundId: string, channelId: string, messageId: string): void {
    this.db.prepare('UPDATE rounds SET channel_id = ?, message_id = ? WHERE id = ?').run(channelId, messageId, roundId);
  }

  getRound(id: string): StoredRound | undefined {
    const row = this.db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined;
    return row && toRound(row);
  }

  /** Question ids of the latest rounds in a server, to avoid asking the same thing twice in a row. */
  recentQuestionIds(guildId: string, limit: number): string[] {
    return (this.db.prepare('SELECT question_id FROM rounds WHERE guild_id = ? AND private = 0 ORDER BY opened_at DESC LIMIT ?').all(guildId, limit) as { question_id: string }[]).map((r) => r.question_id);
  }

  /**
   * Records one answer, its score and its review schedule together. Public rounds count for
   * the server's scores; every round updates the user's personal review schedule.
   */
  recordAnswer(roundId: string, userId: string, choiceIndex: number, now: number, nextReview: (previous: ReviewState | undefined, correct: boolean) => ReviewState): RecordAnswerResult {
    return this.db.transaction((): RecordAnswerResult => {
      const round = this.getRound(roundId);
      if (!round) return { status: 'unknown-round' };
      if (round.revealedAt !== null) return { status: 'closed' };
      const correct = choiceIndex === round.answerIndex;
      const inserted = this.db
        .prepare('INSERT INTO answers (round_id, user_id, choice_index, correct, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(roundId, userId, choiceIndex, correct ? 1 : 0, now);
      if (inserted.changes === 0) {
        const previous = this.db.prepare('SELECT choice_index FROM answers WHERE round_id = ? AND user_id = ?').get(roundId, userId) as { choice_index: number };
        return { status: 'duplicate', previousChoice: previous.choice_index };
      }
      if (!round.private) {
        this.db
          .prepare(`INSERT INTO scores (guild_id, user_id, answered, correct, streak, best_streak) VALUES (@guild, @user, 1, @c, @c, @c)
                    ON CONFLICT (guild_id, user_id) DO UPDATE SET
                      answered = answered + 1,
                      correct = correct + @c,
                      streak = CASE WHEN @c = 1 THEN streak + 1 ELSE 0 END,
                      best_streak = MAX(best_streak, CASE WHEN @c = 1 THEN streak + 1 ELSE 0 END)`)
          .run({ guild: round.guildId, user: userId, c: correct ? 1 : 0 });
      }
      const state = nextReview(this.reviewState(userId, round.questionId), correct);
      this.db
        .prepare(`INSERT INTO reviews (user_id, question_id, box, due_at, last_answered_at) VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (user_id, question_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at, last_answered_at = excluded.last_answered_at`)
        .run(userId, round.questionId, state.box, state.dueAt, state.lastAnsweredAt);
      return { status: 'recorded', correct };
    })();
  }

  /** Marks a round revealed; false when it already was (so only one reveal wins). */
  markRevealed(roundId: string, now: number): boolean {
    return this.db.prepare('UPDATE rounds SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL').run(now, roundId).changes === 1;
  }

  answers(roundId: string): { userId: string; choiceIndex: number; correct: boolean; answeredAt: number }[] {
    return (this.db.prepare('SELECT user_id, choice_index, correct, answered_at FROM answers WHERE round_id = ? ORDER BY answered_at, rowid').all(roundId) as { user_id: string; choice_index: number; correct: number; answered_at: number }[])
      .map((a) => ({ userId: a.user_id, choiceIndex: a.choice_index, correct: a.correct === 1, answeredAt: a.answered_at }));
  }

  /** Public rounds nobody has revealed yet (left open when the bot stopped). */
  openRounds(): StoredRound[] {
    return (this.db.prepare('SELECT * FROM rounds WHERE revealed_at IS NULL AND private = 0 ORDER BY closes_at').all() as RoundRow[]).map(toRound);
  }

  stats(guildId: string, userId: string): UserStats {
    const row = this.db.prepare('SELECT answered, correct, streak, best_streak FROM scores WHERE guild_id = ? AND user_id = ?').get(guildId, userId) as
      | { answered: number; correct: number; streak: number; best_streak: number }
      | undefined;
    return row ? { answered: row.answered, correct: row.correct, streak: row.streak, bestStreak: row.best_streak } : { answered: 0, correct: 0, streak: 0, bestStreak: 0 };
  }

  leaderboard(guildId: string, userId: string, limit = 10): { top: LeaderboardEntry[]; own?: LeaderboardEntry } {
    const rows = this.db
      .prepare(`SELECT user_id, answered, correct, streak, best_streak, ROW_NUMBER() OVER (ORDER BY ${leaderboardOrder}) AS rank
                FROM scores WHERE guild_id = ? AND answered > 0`)
      .all(guildId) as { user_id: string; answered: number; correct: number; streak: number; best_streak: number; rank: number }[];
    const entries = rows.map((r) => ({ userId: r.user_id, rank: r.rank, answered: r.answered, correct: r.correct, streak: r.streak, bestStreak: r.best_streak, accuracy: r.correct / r.answered }));
    return { top: entries.slice(0, limit), own: entries.find((e) => e.userId === userId) };
  }

  reviewState(userId: string, questionId: string): ReviewState | undefined {
    const row = this.db.prepare('SELECT box, due_at, last_answered_at FROM reviews WHERE user_id = ? AND question_id = ?').get(userId, questionId) as
      | { box: number; due_at: number; last_answered_at: number }
      | undefined;
    return row && { questionId, box: row.box, dueAt: row.due_at, lastAnsweredAt: row.last_answered_at };
  }

  reviewStates(userId: string): Map<string, ReviewState> {
    const rows = this.db.prepare('SELECT question_id, box, due_at, last_answered_at FROM reviews WHERE user_id = ?').all(userId) as { question_id: string; box: number; due_at: number; last_answered_at: number }[];
    return new Map(rows.map((r) => [r.question_id, { questionId: r.question_id, box: r.box, dueAt: r.due_at, lastAnsweredAt: r.last_answered_at }]));
  }

  /** 👍/👎 on an /ask answer; a user's later vote on the same answer replaces the earlier one. */
  recordFeedback(feedback: { guildId: string; userId: string; question: string; sectionId: string; vote: 'up' | 'down' }, now = Date.now()): void {
    this.db
      .prepare(`INSERT INTO feedback (guild_id, user_id, question, section_id, vote, voted_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (guild_id, user_id, question, section_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`)
      .run(feedback.guildId, feedback.userId, feedback.question, feedback.sectionId, feedback.vote, now);
  }

  feedback(): { guildId: string; userId: string; question: string; sectionId: string; vote: string }[] {
    return (this.db.prepare('SELECT guild_id, user_id, question, section_id, vote FROM feedback ORDER BY voted_at').all() as { guild_id: string; user_id: string; question: string; section_id: string; vote: string }[])
      .map((f) => ({ guildId: f.guild_id, userId: f.user_id, question: f.question, sectionId: f.section_id, vote: f.vote }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export const openQuizStore = (file: string): QuizStore => new QuizStore(file);
