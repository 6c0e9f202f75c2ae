// The reload worker (live-notes.ts): parses the notes that changed and builds the new index on its
// own thread, so the bot keeps answering from the old index meanwhile. It lives as long as the bot,
// keeping the parse cache, its notes and the index's parts in memory between reloads, and hands
// over only the notes that changed (notes-handover.ts).
import os from 'node:os';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { SavedIndex } from '../search/index.js';
import { KnowledgeLoader, type LoaderOptions } from './knowledge-loader.js';
import type { NotesConfig } from './library.js';
import { HandedNotes, type LibraryChanges } from './notes-handover.js';
import { NotesFolderError } from './problems.js';

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

export type ReloadReply =
  | { id: number; log: [string, Record<string, unknown>] }
  | { id: number; result: BuiltReply | { unchanged: true; fingerprint: string } | { prepared: true; ms: number } }
  | { id: number; error: string; notesFolder?: boolean };

// Below the bot's own thread, so that questions are answered first while a reload or the preparation
// runs (on Linux a thread's priority is its own, and the parse threads it starts inherit it).
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here: the worker runs at normal priority.
  }
}

const { config, cacheDir, version } = workerData as { config: NotesConfig; cacheDir?: string; version?: string };
let current = 0;
const options: LoaderOptions = {
  cacheDir,
  version,
  reloads: true,
  log: (message, fields) => parentPort!.postMessage({ id: current, log: [message, fields] } satisfies ReloadReply),
};
const loader = new KnowledgeLoader(config, options);
const handed = new HandedNotes();
/**
 * The cache is saved once reloads pause for this long: a burst of edits saves once, and the save
 * (serialising everything again) never delays the next reload's answer.
 */
const saveAfterMs = 500;
let pendingSave: NodeJS.Timeout | undefined;
/** Requests are handled one at a time, in order (a reload can arrive while preparing). */
let queue = Promise.resolve();

async function handle(request: ReloadRequest): Promise<void> {
  current = request.id;
  const started = performance.now();
  const fingerprint = loader.fingerprint();
  if (fingerprint === request.fingerprint && !request.prepare) {
    parentPort!.postMessage({ id: request.id, result: { unchanged: true, fingerprint } } satisfies ReloadReply);
    return;
  }
  const built = await loader.build(fingerprint, 'reload', started, true);
  const { library, savedIndex, save, parsed, reused, ms } = built;
  if (request.prepare) {
    // The notes in use are those on disk: later reloads send only what changes from these.
    if (fingerprint === request.fingerprint) handed.handed(fingerprint, library);
    loader.warmParser();
    parentPort!.postMessage({ id: request.id, result: { prepared: true, ms } } satisfies ReloadReply);
    return;
  }
  const changes = handed.changes(request.fingerprint, library);
  const sent = changes ? changes.notes.filter((n) => !('kept' in n)).length : library.notes.length;
  const report = { fingerprint, parsed, reused, sent, ms, files: library.files };
  // The index's tables are copied (the save below writes them after); whole notes are moved.
  if (changes) {
    parentPort!.postMessage({ id: request.id, result: { index: savedIndex!, report, changes } } satisfies ReloadReply);
  } else {
    const bytes = v8.serialize(library);
    const whole = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
    parentPort!.postMessage(
      { id: request.id, result: { index: savedIndex!, report, library: bytes } } satisfies ReloadReply,
      whole ? [bytes.buffer as ArrayBuffer] : [],
    );
  }
  // Assumed held from now on: a receiver that refuses these notes says so with its next request's
  // fingerprint, and gets whole notes then.
  handed.handed(fingerprint, library);
  // Saved once the main thread has what it needs: the next start finds these notes ready.
  pendingSave = setTimeout(save, saveAfterMs);
}

parentPort!.on('message', (request: ReloadRequest) => {
  clearTimeout(pendingSave);
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => {
      const notesFolder = error instanceof NotesFolderError;
      parentPort!.postMessage({ id: request.id, error: (error as Error).message, notesFolder } satisfies ReloadReply);
    }),
  );
});
