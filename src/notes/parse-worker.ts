// A parse pool worker (parse-pool.ts): loads notes (Markdown to sections) for a thread that waits on it.
// It says in shared memory when it starts a file, so the waiting thread can stop it at the deadline.
import { workerData, type MessagePort } from 'node:worker_threads';
import { libraryContext, loadNoteJob, type LibraryShape, type NoteJob } from './load-note.js';
import { fastParse } from './markdown-fast.js';
import { threadCpuMs, threadId } from './thread-cpu.js';

const { port, done, startedAt, cpuAt, slot } = workerData as {
  port: MessagePort;
  done: Int32Array;
  startedAt: Float64Array;
  cpuAt: Float64Array;
  slot: number;
};
const tid = threadId();
let library: ReturnType<typeof libraryContext> | undefined;
/**
 * Whether this thread has warmed up micromark (compiled and optimised its code, a few hundred ms
 * of CPU): the first worker takes the Markdown notes only micromark reads exactly, the others hand
 * them back until an MDX note (always micromark) has warmed theirs up too.
 */
let micromarkWarm = slot === 0;

type Reply = { id: number; result?: unknown; error?: string; micromark?: true };

function load(id: number, note: NoteJob): Reply {
  if (!library) throw new Error('no library to load the note in');
  if (/\.mdx$/i.test(note.file)) {
    micromarkWarm = true;
    return { id, result: loadNoteJob(note, library) };
  }
  if (micromarkWarm) return { id, result: loadNoteJob(note, library) };
  const tree = fastParse(note.source);
  return tree ? { id, result: loadNoteJob(note, library, { tree }) } : { id, micromark: true };
}

port.on('message', (message: { library: LibraryShape } | { id: number; note: NoteJob }) => {
  if ('library' in message) {
    library = libraryContext(message.library);
    return;
  }
  const { id, note } = message;
  // The thread id goes with the CPU time, so the waiting thread reads this thread's CPU clock.
  cpuAt[2 * slot] = tid;
  cpuAt[2 * slot + 1] = threadCpuMs(tid);
  startedAt[slot] = performance.timeOrigin + performance.now();
  let reply: Reply;
  try {
    reply = load(id, note);
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  startedAt[slot] = 0;
  try {
    port.postMessage(reply);
  } catch (error) {
    port.postMessage({ id, error: `cannot hand the note over: ${(error as Error).message}` });
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
