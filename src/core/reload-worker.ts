// The reload worker (live-notes.ts): parses the notes that changed and builds the new index on its
// own thread, so the bot keeps answering from the old index meanwhile. It lives as long as the bot,
// keeping the parse cache in memory between reloads.
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeLoader, type LoaderOptions } from './knowledge-loader.js';
import type { NotesConfig } from './library.js';
import { NotesFolderError } from './problems.js';

export interface ReloadRequest {
  id: number;
  /** Fingerprint of the notes in use: nothing is built when the notes on disk still match it. */
  fingerprint: string;
}

export type ReloadReply =
  | { id: number; log: [string, Record<string, unknown>] }
  | { id: number; result: import('./live-notes.js').BuiltNotes | { unchanged: true; fingerprint: string } }
  | { id: number; error: string; notesFolder?: boolean };

const { config, cacheDir, version } = workerData as { config: NotesConfig; cacheDir?: string; version?: string };
let current = 0;
const options: LoaderOptions = {
  cacheDir,
  version,
  log: (message, fields) => parentPort!.postMessage({ id: current, log: [message, fields] } satisfies ReloadReply),
};
const loader = new KnowledgeLoader(config, options);
/**
 * The cache is saved once reloads pause for this long: a burst of edits saves once, and the save
 * (serialising everything again) never delays the next reload's answer.
 */
const saveAfterMs = 500;
let pendingSave: NodeJS.Timeout | undefined;

parentPort!.on('message', (request: ReloadRequest) => {
  current = request.id;
  clearTimeout(pendingSave);
  void (async () => {
    try {
      const started = performance.now();
      const fingerprint = loader.fingerprint();
      if (fingerprint === request.fingerprint) {
        parentPort!.postMessage({ id: request.id, result: { unchanged: true, fingerprint } } satisfies ReloadReply);
        return;
      }
      const built = await loader.build(fingerprint, 'reload', started, true);
      const { saved, save, parsed, reused, ms } = built;
      const { library } = saved!;
      // The serialised notes (tens of MB for a large collection) are moved, not copied: the save
      // below serialises them again if it needs them.
      const whole = library.byteOffset === 0 && library.buffer.byteLength === library.byteLength;
      parentPort!.postMessage(
        {
          id: request.id,
          result: { saved: saved!, report: { fingerprint, parsed, reused, ms, files: built.library.files } },
        } satisfies ReloadReply,
        whole ? [library.buffer as ArrayBuffer] : [],
      );
      // Saved once the main thread has what it needs: the next start finds these notes ready.
      pendingSave = setTimeout(save, saveAfterMs);
    } catch (error) {
      const notesFolder = error instanceof NotesFolderError;
      parentPort!.postMessage({ id: request.id, error: (error as Error).message, notesFolder } satisfies ReloadReply);
    }
  })();
});
