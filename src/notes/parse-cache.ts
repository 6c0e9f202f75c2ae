import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { NoteContext, NoteLoader, NoteLoadResult } from './load.js';
import type { NoteFile } from './walk.js';

/** A file's parse result, with the links between notes it resolved (route → file, or null). */
interface Entry {
  routes: [string, string | null][];
  payload: Uint8Array;
}

/** Files past this size are parsed every time (they are refused as notes anyway). */
const maxCachedBytes = 20 * 1024 * 1024;

/**
 * Remembers each note file's parse result by the hash of its content and of everything else its
 * result depends on: the Nimbus version (`salt`), its path and sidebar position, and every field of
 * its NoteContext (link settings, _meta.json title, breadcrumb, and whatever is added there later). Links to other notes are resolved through `fileOfRoute` while
 * parsing; the answers are kept and checked on the next load, so a note whose link targets moved
 * is parsed again. Results are kept serialised: every load hands out fresh objects.
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
      return { cache: new ParseCache(salt), problem: missing ? 'no parse cache yet' : `parse cache unreadable (${(error as Error).message})` };
    }
    if (saved?.salt !== salt || !(saved.entries instanceof Map)) return { cache: new ParseCache(salt), problem: 'parse cache is from another version of Nimbus' };
    return { cache: new ParseCache(salt, saved.entries) };
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

  /** The `parseCache` hook of loadNotes. */
  readonly load = (entry: NoteFile, context: NoteContext, parse: NoteLoader): NoteLoadResult => {
    let bytes: Buffer;
    try {
      if (fs.statSync(entry.absolute).size > maxCachedBytes) return parse(entry, context);
      bytes = fs.readFileSync(entry.absolute);
    } catch {
      return parse(entry, context);
    }
    const key = createHash('sha256')
      .update(JSON.stringify([this.salt, entry.file, entry.order, { ...context, fileOfRoute: undefined }]))
      .update(bytes)
      .digest('base64');
    const known = this.entries.get(key);
    if (known && known.routes.every(([route, file]) => (context.fileOfRoute.get(route) ?? null) === file)) {
      this.hits++;
      this.used.set(key, known);
      return v8.deserialize(known.payload) as NoteLoadResult;
    }
    this.misses++;
    const routes: [string, string | null][] = [];
    const recording = {
      get: (route: string): string | undefined => {
        const file = context.fileOfRoute.get(route);
        routes.push([route, file ?? null]);
        return file;
      },
    };
    const result = parse(entry, { ...context, fileOfRoute: recording });
    const fresh: Entry = { routes, payload: v8.serialize(result) };
    this.entries.set(key, fresh);
    this.used.set(key, fresh);
    return result;
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
