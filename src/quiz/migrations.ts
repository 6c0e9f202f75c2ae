import type Database from 'better-sqlite3';

export interface Migration {
  name: string;
  up: (db: Database.Database) => void;
}

/**
 * Schema migrations in order; `PRAGMA user_version` counts how many have run. Never edit a
 * released migration: append a new one.
 */
export const migrations: readonly Migration[] = [
  {
    name: 'rounds, answers and per-server scores',
    up: (db) =>
      db.exec(`
        CREATE TABLE rounds (
          id TEXT PRIMARY KEY,
          guild_id TEXT NOT NULL,
          channel_id TEXT NOT NULL,
          message_id TEXT,
          question_id TEXT NOT NULL,
          asker_id TEXT NOT NULL,
          topic TEXT,
          private INTEGER NOT NULL DEFAULT 0,
          choices TEXT NOT NULL,
          answer_index INTEGER NOT NULL,
          opened_at INTEGER NOT NULL,
          closes_at INTEGER NOT NULL,
          revealed_at INTEGER
        );
        CREATE TABLE answers (
          round_id TEXT NOT NULL REFERENCES rounds(id),
          user_id TEXT NOT NULL,
          choice_index INTEGER NOT NULL,
          correct INTEGER NOT NULL,
          answered_at INTEGER NOT NULL,
          PRIMARY KEY (round_id, user_id)
        );
        CREATE TABLE scores (
          guild_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          answered INTEGER NOT NULL DEFAULT 0,
          correct INTEGER NOT NULL DEFAULT 0,
          streak INTEGER NOT NULL DEFAULT 0,
          best_streak INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (guild_id, user_id)
        );
      `),
  },
  {
    name: 'spaced-repetition schedule, review-all rounds, /ask feedback',
    up: (db) =>
      db.exec(`
        ALTER TABLE rounds ADD COLUMN review_all INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX rounds_open ON rounds (revealed_at) WHERE revealed_at IS NULL;
        CREATE INDEX rounds_recent ON rounds (guild_id, opened_at);
        CREATE TABLE reviews (
          user_id TEXT NOT NULL,
          question_id TEXT NOT NULL,
          box INTEGER NOT NULL,
          due_at INTEGER NOT NULL,
          last_answered_at INTEGER NOT NULL,
          PRIMARY KEY (user_id, question_id)
        );
        CREATE TABLE feedback (
          guild_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          question TEXT NOT NULL,
          section_id TEXT NOT NULL,
          vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
          voted_at INTEGER NOT NULL,
          PRIMARY KEY (guild_id, user_id, question, section_id)
        );
      `),
  },
  {
    name: 'question snapshot per round, leaderboard tie-break, one feedback vote per user',
    up: (db) =>
      db.exec(`
        -- The question as asked, so an open round still reveals after the notes change.
        ALTER TABLE rounds ADD COLUMN question_json TEXT;
        -- When the correct count last went up: equal scores rank whoever got there first.
        ALTER TABLE scores ADD COLUMN last_correct_at INTEGER;
        UPDATE scores SET last_correct_at = (
          SELECT MAX(a.answered_at) FROM answers a JOIN rounds r ON r.id = a.round_id
          WHERE r.guild_id = scores.guild_id AND r.private = 0 AND a.user_id = scores.user_id AND a.correct = 1
        );
        CREATE INDEX answers_by_user ON answers (user_id);
        CREATE INDEX rounds_review_all ON rounds (asker_id) WHERE review_all = 1;
        -- A vote judges an answer, wherever it was asked: keep each user's latest one.
        CREATE TABLE feedback_v3 (
          guild_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          question TEXT NOT NULL,
          section_id TEXT NOT NULL,
          vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
          voted_at INTEGER NOT NULL,
          PRIMARY KEY (user_id, question, section_id)
        );
        INSERT INTO feedback_v3 (guild_id, user_id, question, section_id, vote, voted_at)
          SELECT guild_id, user_id, question, section_id, vote, voted_at FROM feedback WHERE true ORDER BY voted_at, rowid
          ON CONFLICT (user_id, question, section_id) DO UPDATE SET guild_id = excluded.guild_id, vote = excluded.vote, voted_at = excluded.voted_at;
        DROP TABLE feedback;
        ALTER TABLE feedback_v3 RENAME TO feedback;
      `),
  },
  {
    name: 'reveal delivery: when the channel message showed the answer',
    up: (db) =>
      db.exec(`
        -- revealed_at closes a round; reveal_shown_at is set once its message shows the answer,
        -- so a reveal that failed to post is retried (also after a restart).
        ALTER TABLE rounds ADD COLUMN reveal_shown_at INTEGER;
        UPDATE rounds SET reveal_shown_at = revealed_at WHERE revealed_at IS NOT NULL;
        CREATE INDEX rounds_unshown ON rounds (revealed_at) WHERE reveal_shown_at IS NULL AND revealed_at IS NOT NULL;
      `),
  },
];

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export const schemaVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings the database up to `upTo` (default: the latest), one transaction per migration, so
 * a failing migration leaves the database at the previous version.
 */
export function migrate(db: Database.Database, options: { upTo?: number; list?: readonly Migration[] } = {}): void {
  const list = options.list ?? migrations;
  const upTo = options.upTo ?? list.length;
  const current = schemaVersion(db);
  if (current > list.length) {
    throw new SchemaTooNewError(
      `The quiz database ${db.name} is at schema version ${current}, but this version of Nimbus knows only up to ${list.length}. Upgrade Nimbus, or point QUIZ_DB at another file.`,
    );
  }
  for (let version = current; version < upTo; version++) {
    const migration = list[version]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
