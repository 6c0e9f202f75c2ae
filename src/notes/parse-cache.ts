import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { NoteContext, NoteLoader, ReadNote } from './load.js';
import { recordingContext, type NoteQuestions } from './note-questions.js';
import type { LoadedNote } from './validate.js';

/**
 * A note's parse result and the problems parsing it found, serialised, with what it learnt from the
 * other notes: every link it resolved and every route it looked up, with the answers. The result
 * holds for another set of notes when the same questions get the same answers there (`validFor`:
 * the set of notes it was last checked against, so an unchanged set costs no check).
 */
interface Entry extends NoteQuestions {
  bytes: Uint8Array;
  validFor: string;
}

/**
 * Remembers each note file's parse result by the hash of its content and of everything else its
 * result depends on: the Nimbus version (`salt`), its path, and every plain field of its
 * NoteContext (link settings, layout, sidebar title) but the key of the set of notes. Links to
 * other notes are the only way other notes enter a parse result; they are checked explicitly
 * (Entry), so adding, removing or moving a note parses only that note and the notes whose links
 * now point elsewhere. The sidebar position is set after (load.ts), not part of the key.
 * Results are kept serialised: every load hands out fresh objects, unless `reuseObjects` (the
 * reload worker, which owns its notes): a result still valid is then handed out as the same object.
 */
export class ParseCache {
  private entries: Map<string, Entry>;
  /** Entries used by the latest load, the ones worth saving. */
  private used = new Map<string, Entry>();
  /** With reuseObjects: the objects handed out for each entry. */
  private readonly live = new Map<string, { entry: Entry; loaded: LoadedNote; problems: ReadNote['problems'] }>();
  private liveUsed = new Map<string, { entry: Entry; loaded: LoadedNote; problems: ReadNote['problems'] }>();
  /** Each file's last text and its hash, so that an unchanged text is not hashed again. */
  private sourceHashes = new Map<string, { source: string; hash: string }>();
  hits = 0;
  misses = 0;
  reuseObjects = false;

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
    if (this.liveUsed.size > 0) {
      this.live.clear();
      for (const [key, value] of this.liveUsed) this.live.set(key, value);
    }
    this.liveUsed = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /** Writes the entries of the latest load (atomically: a crash never leaves half a file). */
  write(file: string): void {
    writeAtomically(file, v8.serialize({ salt: this.salt, entries: this.used }));
  }

  private sourceHash(read: ReadNote): string {
    const known = this.sourceHashes.get(read.entry.file);
    if (known?.source === read.source) return known.hash;
    const hash = createHash('sha256').update(read.source).digest('base64');
    this.sourceHashes.set(read.entry.file, { source: read.source, hash });
    return hash;
  }

  private keyOf(read: ReadNote, context: NoteContext): string {
    const { resolver, routeOfFile, libraryKey, questions, ...plain } = context;
    return createHash('sha256')
      .update(JSON.stringify([this.salt, read.entry.file, plain, this.sourceHash(read)]))
      .digest('base64');
  }

  /** The entry for this note if its links and routes still get the answers they got when it was parsed. */
  private valid(key: string, context: NoteContext): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.validFor === context.libraryKey) return entry;
    for (const [from, url, answer] of entry.resolved)
      if (JSON.stringify(context.resolver.resolve(from, url)) !== answer) return undefined;
    for (const [file, route] of entry.routes) if (context.routeOfFile(file) !== route) return undefined;
    entry.validFor = context.libraryKey;
    return entry;
  }

  /** The `isCached` hook of loadNotes. */
  readonly has = (read: ReadNote, context: NoteContext): boolean => !!this.valid(this.keyOf(read, context), context);

  /** The `parseCache` hook of loadNotes. */
  readonly load = (read: ReadNote, context: NoteContext, parse: NoteLoader): LoadedNote => {
    const key = this.keyOf(read, context);
    const known = this.valid(key, context);
    if (known) {
      this.hits++;
      this.used.set(key, known);
      const alive = this.reuseObjects ? this.live.get(key) : undefined;
      if (alive?.entry === known) {
        this.liveUsed.set(key, alive);
        read.problems.push(...alive.problems);
        return alive.loaded;
      }
      const { loaded, problems } = v8.deserialize(known.bytes) as {
        loaded: LoadedNote;
        problems: ReadNote['problems'];
      };
      read.problems.push(...problems);
      if (this.reuseObjects) this.liveUsed.set(key, { entry: known, loaded, problems });
      return loaded;
    }
    this.misses++;
    const before = read.problems.length;
    const questions: NoteQuestions = { resolved: [], routes: [] };
    const recording = recordingContext(context, questions);
    const loaded = parse(read, recording);
    const problems = read.problems.slice(before);
    const fresh: Entry = {
      bytes: v8.serialize({ loaded, problems }),
      resolved: questions.resolved,
      routes: questions.routes,
      validFor: context.libraryKey,
    };
    this.entries.set(key, fresh);
    this.used.set(key, fresh);
    if (this.reuseObjects) this.liveUsed.set(key, { entry: fresh, loaded, problems });
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
