import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a released migration: add a new one.
 */
export const migrations: ((db: Database.Database) => void)[] = [
  // 1: rounds, answers and per-server scores.
  (db) =>
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
  // 2: spaced-repetition schedule, review-all rounds, /ask feedback.
  (db) =>
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
];

export class SchemaTooNewError extends Error {}

export function migrate(db: Database.Database, upTo = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new SchemaTooNewError(`The quiz database is at schema version ${current}, newer than this version of Nimbus knows (${migrations.length}). Upgrade Nimbus or use another QUIZ_DB file.`);
  }
  for (let version = current; version < upTo; version++) {
    db.transaction(() => {
      migrations[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
