// The reload worker (live-notes.ts): parses the notes that changed and builds the new index on its
// own thread, so the bot keeps answering from the old index meanwhile. It lives as long as the bot,
// keeping the parse cache, its notes and the index's parts in memory between reloads
// (reload-handler.ts does the work).
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeLoader, type LoaderOptions } from './knowledge-loader.js';
import type { NotesConfig } from './library.js';
import { NotesFolderError } from './problems.js';
import { ReloadHandler, type ReloadReply, type ReloadRequest } from './reload-handler.js';

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
const post = (reply: ReloadReply, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(reply, transfer);
const options: LoaderOptions = {
  cacheDir,
  version,
  reloads: true,
  log: (message, fields) => post({ id: current, log: [message, fields] }),
};
const handler = new ReloadHandler(new KnowledgeLoader(config, options), post);
/** Requests are handled one at a time, in order (a reload can arrive while preparing). */
let queue = Promise.resolve();

parentPort!.on('message', (request: ReloadRequest) => {
  handler.postponeSave();
  queue = queue.then(() => {
    current = request.id;
    return handler.handle(request).catch((error: unknown) => {
      const notesFolder = error instanceof NotesFolderError;
      post({ id: request.id, error: (error as Error).message, notesFolder });
    });
  });
});
