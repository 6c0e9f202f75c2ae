import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { NoteContext, NoteLoader, ReadNote } from './load.js';
import type { LoadedNote } from './validate.js';

/** A note's parse result and the problems parsing it found, serialised. */
type Entry = Uint8Array;

/**
 * Remembers each note file's parse result by the hash of its content and of everything else its
 * result depends on: the Nimbus version (`salt`), its path and sidebar position, and every plain
 * field of its NoteContext (link settings, layout, sidebar title, and the key of the set of notes
 * and routes that links resolve against: adding, removing or moving a note parses all again).
 * Results are kept serialised: every load hands out fresh objects.
 */
export class ParseCache {
  private entries: Map<string, Entry>;
  /** Entries used by the latest load, the ones worth saving. */
  private used = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly salt: string,
    entries: Map<string, Entry> = new Map(),
  ) {
    this.entries = entries;
  }

  /** Reads a saved cache; a missing, damaged or foreign file gives an empty cache and says why. */
  static read(file: string, salt: string): { cache: ParseCache; problem?: string } {
    let saved: { salt?: string; entries?: Map<string, Entry> };
    try {
      saved = v8.deserialize(fs.readFileSync(file)) as typeof saved;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return {
        cache: new ParseCache(salt),
        problem: missing ? 'no parse cache yet' : `parse cache unreadable (${(error as Error).message})`,
      };
    }
    if (saved?.salt !== salt || !(saved.entries instanceof Map))
      return { cache: new ParseCache(salt), problem: 'parse cache is from another version of Nimbus' };
    return { cache: new ParseCache(salt, saved.entries) };
  }

  /** How many results it holds. */
  get size(): number {
    return this.entries.size;
  }

  /** Starts counting a new load; entries the load does not use are dropped at the next save. */
  begin(): void {
    if (this.used.size > 0) this.entries = this.used;
    this.used = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /** Writes the entries of the latest load (atomically: a crash never leaves half a file). */
  write(file: string): void {
    writeAtomically(file, v8.serialize({ salt: this.salt, entries: this.used }));
  }

  private keyOf(read: ReadNote, context: NoteContext): string {
    const { resolver, routeOfFile, ...plain } = context;
    return createHash('sha256')
      .update(JSON.stringify([this.salt, read.entry.file, read.entry.order, plain]))
      .update(read.source)
      .digest('base64');
  }

  /** The `isCached` hook of loadNotes. */
  readonly has = (read: ReadNote, context: NoteContext): boolean => this.entries.has(this.keyOf(read, context));

  /** The `parseCache` hook of loadNotes. */
  readonly load = (read: ReadNote, context: NoteContext, parse: NoteLoader): LoadedNote => {
    const key = this.keyOf(read, context);
    const known = this.entries.get(key);
    if (known) {
      this.hits++;
      this.used.set(key, known);
      const { loaded, problems } = v8.deserialize(known) as { loaded: LoadedNote; problems: ReadNote['problems'] };
      read.problems.push(...problems);
      return loaded;
    }
    this.misses++;
    const before = read.problems.length;
    const loaded = parse(read, context);
    const fresh = v8.serialize({ loaded, problems: read.problems.slice(before) });
    this.entries.set(key, fresh);
    this.used.set(key, fresh);
    return loaded;
  };
}

export function writeAtomically(file: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
