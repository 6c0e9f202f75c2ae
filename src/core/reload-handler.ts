// What the reload worker (reload-worker.ts) does with each request, apart from the thread it runs
// on: parses the notes that changed, builds the new index and hands over only the notes that
// changed (notes-handover.ts).
import v8 from 'node:v8';
import type { SavedIndex } from '../search/index.js';
import type { KnowledgeLoader } from './knowledge-loader.js';
import { HandedNotes, type LibraryChanges } from './notes-handover.js';

export interface ReloadRequest {
  id: number;
  /**
   * Fingerprint of the notes in use: nothing is built when the notes on disk still match it.
   * "prepare" (at start, once idle) reads the notes and indexes them as a reload would, so that the
   * first reload costs what later ones do; nothing is sent back but that it is done.
   */
  fingerprint: string;
  prepare?: boolean;
}

/** A built reload: the notes whole (`library`, serialised) or as changes to those in use. */
export type BuiltReply = {
  index: SavedIndex;
  /** `sent`: notes handed over whole (the others the receiver holds already). */
  report: { fingerprint: string; parsed: number; reused: number; sent: number; ms: number; files: number };
} & ({ library: Uint8Array } | { changes: LibraryChanges });

/**
 * `changed`: the notes on disk are not those in use (they changed after start-up read them, or
 * while the preparation read them): the receiver reloads.
 */
export type PreparedReply = { prepared: true; ms: number; changed: boolean };

export type ReloadReply =
  | { id: number; log: [string, Record<string, unknown>] }
  | { id: number; result: BuiltReply | { unchanged: true; fingerprint: string } | PreparedReply }
  | { id: number; error: string; notesFolder?: boolean };

type Post = (reply: ReloadReply, transfer?: ArrayBuffer[]) => void;

/**
 * The cache is saved once reloads pause for this long: a burst of edits saves once, and the save
 * (serialising everything again) never delays the next reload's answer.
 */
const saveAfterMs = 500;

export class ReloadHandler {
  private readonly handed = new HandedNotes();
  private pendingSave: NodeJS.Timeout | undefined;

  constructor(
    private readonly loader: KnowledgeLoader,
    private readonly post: Post,
  ) {}

  /** A request arrived: a save waiting for a pause waits for this one too. */
  postponeSave(): void {
    clearTimeout(this.pendingSave);
  }

  async handle(request: ReloadRequest): Promise<void> {
    const started = performance.now();
    const fingerprint = this.loader.fingerprint();
    if (fingerprint === request.fingerprint && !request.prepare) {
      this.post({ id: request.id, result: { unchanged: true, fingerprint } });
      return;
    }
    const built = await this.loader.build(fingerprint, 'reload', started, true);
    const { library, savedIndex, save, parsed, reused, ms } = built;
    if (request.prepare) {
      // The notes read are those in use only if nothing changed from before the read to after it:
      // a note edited while it was read is not the receiver's, and handing it over as kept would
      // lose the edit.
      const same = fingerprint === request.fingerprint && this.loader.fingerprint() === fingerprint;
      if (same) this.handed.handed(fingerprint, library);
      await this.loader.warmParser();
      this.post({ id: request.id, result: { prepared: true, ms, changed: !same } });
      return;
    }
    const changes = this.handed.changes(request.fingerprint, library);
    const sent = changes ? changes.notes.filter((n) => !('kept' in n)).length : library.notes.length;
    const report = { fingerprint, parsed, reused, sent, ms, files: library.files };
    // The index's tables are copied (the save below writes them after); whole notes are moved.
    if (changes) {
      this.post({ id: request.id, result: { index: savedIndex!, report, changes } });
    } else {
      const bytes = v8.serialize(library);
      const whole = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
      this.post(
        { id: request.id, result: { index: savedIndex!, report, library: bytes } },
        whole ? [bytes.buffer as ArrayBuffer] : [],
      );
    }
    // Assumed held from now on: a receiver that refuses these notes says so with its next request's
    // fingerprint, and gets whole notes then.
    this.handed.handed(fingerprint, library);
    // Saved once the main thread has what it needs: the next start finds these notes ready.
    this.pendingSave = setTimeout(save, saveAfterMs);
  }
}
