import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SchemaTooNewError } from './migrations.js';
import { describeStorageProblem, QuizStorageError } from './storage-problem.js';

const inMemory = (file: string) => file === ':memory:' || file === '';

/**
 * Checks an existing file read-only before anything writes to it: a corrupt or foreign file is
 * reported and left exactly as it is (opening it read-write would already change its header).
 */
function checkExisting(file: string): void {
  // A read-only look at a WAL database creates -wal and -shm files. For a bad file, remove the
  // ones this check created, so it is left as found. Never for a good one: another process may
  // be using them (removing a live -shm breaks SQLite's locking).
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let ok = false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('quick_check(1)', { simple: true });
    if (result !== 'ok') throw Object.assign(new Error(`quick_check: ${String(result)}`), { code: 'SQLITE_CORRUPT' });
    ok = true;
  } finally {
    db.close();
    if (!ok)
      for (const side of sideFiles)
        if (fs.existsSync(side) && (side.endsWith('-shm') || fs.statSync(side).size === 0))
          fs.rmSync(side, { force: true });
  }
}

/** Opening read-write succeeds on a read-only file; the first write would fail much later. */
function checkWritable(file: string): void {
  for (const target of [file, path.dirname(path.resolve(file))]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      throw describeStorageProblem(file, error);
    }
  }
}

/**
 * Opens (or creates, with its folder) the quiz database and brings its schema up to date.
 * Throws QuizStorageError (file, what is wrong, what to do) when the file cannot be used, and
 * SchemaTooNewError for a file written by a newer Nimbus.
 */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (!inMemory(file)) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      if (fs.existsSync(file)) {
        checkExisting(file);
        checkWritable(file);
      }
    }
    db = new Database(file);
    // A lock held by another process is waited for briefly only: the wait blocks the event loop.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof QuizStorageError || error instanceof SchemaTooNewError) throw error;
    throw describeStorageProblem(file, error);
  }
}
