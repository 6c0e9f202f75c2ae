import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations, SchemaTooNewError, schemaVersion } from '../../src/quiz/migrations.js';
import { openQuizStore } from '../../src/quiz/quiz-store.js';
import { tempDbPath } from './support/fixtures.js';

let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

/** A database file as an older Nimbus left it: schema up to `version`. */
function oldDatabase(version: number): Database.Database {
  fs.mkdirSync(path.dirname(tmp.file), { recursive: true });
  const db = new Database(tmp.file);
  migrate(db, { upTo: version });
  expect(schemaVersion(db)).toBe(version);
  return db;
}

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );

describe('schema migrations', () => {
  it('builds an empty database up to the latest version', () => {
    const store = openQuizStore(tmp.file);
    expect(schemaVersion(store.db)).toBe(migrations.length);
    expect(tables(store.db)).toEqual(['answers', 'feedback', 'reviews', 'rounds', 'scores']);
    store.close();
  });

  it('migrates a version 1 database with data, losing nothing', () => {
    const old = oldDatabase(1);
    old
      .prepare(
        `INSERT INTO rounds (id, guild_id, channel_id, message_id, question_id, asker_id, choices, answer_index, opened_at, closes_at) VALUES ('r1', 'g', 'c', 'm', 'n?q=1', 'asker', '["right","wrong","other"]', 0, 0, 30000)`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO rounds (id, guild_id, channel_id, question_id, asker_id, choices, answer_index, opened_at, closes_at, revealed_at) VALUES ('r0', 'g', 'c', 'n?q=2', 'asker', '["x","y","z"]', 2, 0, 30000, 40000)`,
      )
      .run();
    old.prepare(`INSERT INTO answers VALUES ('r1', 'u1', 0, 1, 5), ('r1', 'u2', 1, 0, 6), ('r0', 'u1', 2, 1, 7)`).run();
    old.prepare(`INSERT INTO scores VALUES ('g', 'u1', 4, 3, 2, 3), ('g', 'u2', 1, 0, 0, 0)`).run();
    old.close();

    const store = openQuizStore(tmp.file);
    expect(schemaVersion(store.db)).toBe(migrations.length);
    expect(store.getRound('r1')).toMatchObject({
      id: 'r1',
      messageId: 'm',
      reviewAll: false,
      private: false,
      question: undefined,
      choices: ['right', 'wrong', 'other'],
      revealedAt: null,
    });
    expect(store.answers('r1')).toEqual([
      { userId: 'u1', choiceIndex: 0, correct: true, answeredAt: 5 },
      { userId: 'u2', choiceIndex: 1, correct: false, answeredAt: 6 },
    ]);
    expect(store.stats('g', 'u1')).toEqual({ answered: 4, correct: 3, streak: 2, bestStreak: 3, accuracy: 0.75 });
    expect(store.openRounds().map((r) => r.id)).toEqual(['r1']);
    // The tie-break column was filled from the answers already there.
    expect(store.db.prepare("SELECT last_correct_at FROM scores WHERE user_id = 'u1'").get()).toEqual({
      last_correct_at: 7,
    });
    // Old rounds still take answers, and the duplicate check still holds.
    expect(store.recordAnswer('r1', 'u1', 1, 10)).toMatchObject({ status: 'duplicate', previousChoice: 0 });
    expect(store.recordAnswer('r1', 'u3', 0, 10)).toMatchObject({ status: 'recorded', correct: true });
    store.close();
  });

  it('migrates version 2 feedback to one vote per user, question and section, keeping the latest', () => {
    const old = oldDatabase(2);
    const vote = old.prepare('INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?)');
    vote.run('g1', 'u', 'what is s3', 'aws/s3#intro', 'up', 10);
    vote.run('g2', 'u', 'what is s3', 'aws/s3#intro', 'down', 20);
    vote.run('g1', 'v', 'what is s3', 'aws/s3#intro', 'up', 15);
    old.prepare("INSERT INTO reviews VALUES ('u', 'n?q=1', 3, 999, 5)").run();
    old.close();

    const store = openQuizStore(tmp.file);
    expect(store.feedback()).toEqual([
      { guildId: 'g1', userId: 'v', question: 'what is s3', sectionId: 'aws/s3#intro', vote: 'up' },
      { guildId: 'g2', userId: 'u', question: 'what is s3', sectionId: 'aws/s3#intro', vote: 'down' },
    ]);
    expect(store.reviewStates('u')).toEqual(new Map([['n?q=1', { box: 3, dueAt: 999, lastAnsweredAt: 5 }]]));
    store.close();
  });

  it('applies each migration in a transaction: a failing one leaves the previous version intact', () => {
    const db = oldDatabase(1);
    const broken = [
      ...migrations.slice(0, 1),
      {
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, { list: broken })).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses a database written by a newer version, and leaves it as it was', () => {
    const future = oldDatabase(migrations.length);
    future.pragma(`user_version = ${migrations.length + 1}`);
    future.close();
    expect(() => openQuizStore(tmp.file)).toThrow(SchemaTooNewError);
    expect(() => openQuizStore(tmp.file)).toThrow(
      new RegExp(`schema version ${migrations.length + 1}.*only up to ${migrations.length}`),
    );
    const check = new Database(tmp.file);
    expect(schemaVersion(check)).toBe(migrations.length + 1);
    check.close();
  });

  it('does nothing to a database that is already current', () => {
    openQuizStore(tmp.file).close();
    const before = fs.readFileSync(tmp.file);
    const store = openQuizStore(tmp.file);
    expect(schemaVersion(store.db)).toBe(migrations.length);
    store.close();
    expect(fs.readFileSync(tmp.file).equals(before)).toBe(true);
  });
});
