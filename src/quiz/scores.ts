import type Database from 'better-sqlite3';

/** One user's results in one server (public rounds only). */
export interface UserStats {
  answered: number;
  correct: number;
  streak: number;
  bestStreak: number;
  /** correct / answered, 0 before the first answer. */
  accuracy: number;
}

interface LeaderboardEntry extends UserStats {
  userId: string;
  /** 1-based, no shared ranks: ties are broken as in leaderboardOrder. */
  rank: number;
}

export interface Leaderboard {
  top: LeaderboardEntry[];
  /** The requesting user's entry, also when outside the top; undefined before their first answer. */
  own?: LeaderboardEntry;
}

interface ScoreRow {
  user_id: string;
  answered: number;
  correct: number;
  streak: number;
  best_streak: number;
}

const toStats = (row: ScoreRow): UserStats => ({
  answered: row.answered,
  correct: row.correct,
  streak: row.streak,
  bestStreak: row.best_streak,
  accuracy: row.answered ? row.correct / row.answered : 0,
});

/** More correct answers first, then higher accuracy, then whoever reached their count first. */
const leaderboardOrder =
  'correct DESC, CAST(correct AS REAL) / answered DESC, last_correct_at ASC NULLS LAST, user_id ASC';

/** Counts one answer: a miss resets the current streak, the best streak stays. */
export function addAnswerToScore(
  db: Database.Database,
  guildId: string,
  userId: string,
  correct: boolean,
  now: number,
): void {
  db.prepare(
    `INSERT INTO scores (guild_id, user_id, answered, correct, streak, best_streak, last_correct_at)
     VALUES (@guild, @user, 1, @c, @c, @c, CASE WHEN @c = 1 THEN @now END)
     ON CONFLICT (guild_id, user_id) DO UPDATE SET
       answered = answered + 1,
       correct = correct + @c,
       streak = CASE WHEN @c = 1 THEN streak + 1 ELSE 0 END,
       best_streak = MAX(best_streak, CASE WHEN @c = 1 THEN streak + 1 ELSE 0 END),
       last_correct_at = CASE WHEN @c = 1 THEN @now ELSE last_correct_at END`,
  ).run({ guild: guildId, user: userId, c: correct ? 1 : 0, now });
}

export function readStats(db: Database.Database, guildId: string, userId: string): UserStats {
  const row = db
    .prepare('SELECT user_id, answered, correct, streak, best_streak FROM scores WHERE guild_id = ? AND user_id = ?')
    .get(guildId, userId) as ScoreRow | undefined;
  return row ? toStats(row) : { answered: 0, correct: 0, streak: 0, bestStreak: 0, accuracy: 0 };
}

export function readLeaderboard(db: Database.Database, guildId: string, userId: string, limit: number): Leaderboard {
  const rows = db
    .prepare(
      `WITH ranked AS (
         SELECT user_id, answered, correct, streak, best_streak, ROW_NUMBER() OVER (ORDER BY ${leaderboardOrder}) AS rank
         FROM scores WHERE guild_id = ? AND answered > 0
       )
       SELECT * FROM ranked WHERE rank <= ? OR user_id = ? ORDER BY rank`,
    )
    .all(guildId, limit, userId) as (ScoreRow & { rank: number })[];
  const entries = rows.map((r): LeaderboardEntry => ({ userId: r.user_id, rank: r.rank, ...toStats(r) }));
  return { top: entries.filter((e) => e.rank <= limit), own: entries.find((e) => e.userId === userId) };
}
