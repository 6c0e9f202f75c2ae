import { SchemaTooNewError } from './migrations.js';

/**
 * Why the quiz database cannot be used, in words an operator can act on. Quiz features stop;
 * everything else keeps working. Nimbus never changes or deletes the file to "fix" it.
 */
export class QuizStorageError extends Error {
  override name = 'QuizStorageError';

  constructor(
    readonly file: string,
    /** What is wrong, e.g. "is not a SQLite database". */
    readonly problem: string,
    /** What to do about it. */
    readonly fix: string,
    readonly code?: string,
  ) {
    super(`Quiz storage is unavailable: ${file} ${problem}. ${fix}`);
  }
}

/** SQLite and file-system error codes that mean the database file itself is unusable, not one query. */
const fatalCodes =
  /^(SQLITE_(CORRUPT|NOTADB|READONLY|IOERR|CANTOPEN|FULL|PERM|AUTH)|EACCES|EPERM|EROFS|ENOTDIR|ENOENT|ENOSPC|EISDIR|EEXIST)/;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Whether an error means the quiz database is unusable (and not, say, a lock held a moment too long). */
export function isStorageFailure(error: unknown): boolean {
  return (
    error instanceof QuizStorageError || error instanceof SchemaTooNewError || fatalCodes.test(codeOf(error) ?? '')
  );
}

const moveAside = (file: string) =>
  `or move it aside (mv ${file} ${file}.bad) and restart: Nimbus then starts a new, empty one`;

/** Turns an error from opening or using the database into a QuizStorageError that says what to do. */
export function describeStorageProblem(file: string, error: unknown): QuizStorageError {
  if (error instanceof QuizStorageError) return error;
  const code = codeOf(error) ?? '';
  if (error instanceof SchemaTooNewError)
    return new QuizStorageError(
      file,
      'was written by a newer version of Nimbus',
      'Run that version, or point QUIZ_DB at another file.',
      'SCHEMA_TOO_NEW',
    );
  if (code === 'SQLITE_NOTADB')
    return new QuizStorageError(
      file,
      'is not a SQLite database (another kind of file, or its header is damaged)',
      `Restore it from a backup, ${moveAside(file)}.`,
      code,
    );
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new QuizStorageError(
      file,
      'is damaged (SQLite reports a malformed database: truncated or corrupt pages)',
      `Recover what is readable with: sqlite3 ${file} .recover | sqlite3 ${file}.recovered, then set QUIZ_DB to the recovered file; or restore a backup, ${moveAside(file)}.`,
      code,
    );
  }
  if (/^(SQLITE_(READONLY|PERM|AUTH)|EACCES|EPERM|EROFS)/.test(code)) {
    return new QuizStorageError(
      file,
      'cannot be written (read-only file, folder or file system)',
      'Give the user running Nimbus write access to the file and its folder (SQLite also writes -wal and -shm files beside it), or set QUIZ_DB to a writable path.',
      code,
    );
  }
  if (/^(SQLITE_CANTOPEN|ENOENT|ENOTDIR|EISDIR|EEXIST)/.test(code)) {
    return new QuizStorageError(
      file,
      'cannot be created or opened (its folder is missing, is a file, or the path is a folder)',
      'Create the folder, or set QUIZ_DB to a file path in a writable folder.',
      code,
    );
  }
  if (/^(SQLITE_FULL|ENOSPC)/.test(code))
    return new QuizStorageError(
      file,
      'cannot grow: the disk is full',
      'Free some disk space; Nimbus retries when restarted.',
      code,
    );
  if (code.startsWith('SQLITE_IOERR'))
    return new QuizStorageError(
      file,
      'cannot be read or written (an I/O error from the disk)',
      'Check the disk and the file system, then restart.',
      code,
    );
  const message = error instanceof Error ? error.message : String(error);
  return new QuizStorageError(
    file,
    `cannot be used (${message})`,
    'Check the file and its permissions, or set QUIZ_DB to another path.',
    code || undefined,
  );
}

/** What users see while the quiz storage is down. */
export const quizUnavailableMessage =
  "Quiz storage is unavailable right now, so quizzes, scores and feedback are off. `/ask` and `/topic` still work. The server admins can see why in the bot's log.";
