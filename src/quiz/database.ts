import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

const inMemory = (file: string) => file === ':memory:' || file === '';

/**
 * Opens (or creates, with its folder) the quiz database and brings its schema up to date.
 * Throws SchemaTooNewError for a file written by a newer Nimbus.
 */
export function openDatabase(file: string): Database.Database {
  if (!inMemory(file)) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // Wait for another connection's write instead of failing at once.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
