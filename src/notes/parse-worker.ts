// A parse pool worker (parse-pool.ts): loads notes (Markdown to sections) for a thread that waits on it.
// It says in shared memory when it starts a file, so the waiting thread can stop it at the deadline.
import { workerData, type MessagePort } from 'node:worker_threads';
import { libraryContext, loadNoteJob, type LibraryShape, type NoteJob } from './load-note.js';
import { claimedByWorker, unclaimed, type ReadAhead } from './parse-pool.js';
import { fastParse } from './markdown-fast.js';
import { threadCpuMs, threadId } from './thread-cpu.js';

const { port, done, startedAt, cpuAt, runningId, slot, loadCount, readAhead, claims } = workerData as {
  port: MessagePort;
  done: Int32Array;
  startedAt: Float64Array;
  cpuAt: Float64Array;
  runningId: Float64Array;
  slot: number;
  /** How many loads have begun (the pool's `begin`): notes read for an earlier load are not read ahead. */
  loadCount: Int32Array;
  /** Per worker: how many notes sent to read ahead it has taken (read or passed over). */
  readAhead: Int32Array;
  /** Per job: claimed by the worker that loads it or taken back by the waiting thread (parse-pool.ts). */
  claims: Int32Array;
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

/**
 * Markdown trees read ahead, by file, while the waiting thread still reads the notes (the library
 * a note needs is known only once every note is read; its tree needs only its text).
 */
const trees = new Map<string, { source: string; tree: ReturnType<typeof fastParse> }>();
/** The load the trees were read for: a new one drops them. */
let treesOf = -1;

function load(id: number, note: NoteJob): Reply {
  if (!library) throw new Error('no library to load the note in');
  if (/\.mdx$/i.test(note.file)) {
    micromarkWarm = true;
    return { id, result: loadNoteJob(note, library) };
  }
  const ahead = trees.get(note.file);
  trees.delete(note.file);
  const tree = ahead?.source === note.source ? ahead.tree : micromarkWarm ? undefined : fastParse(note.source);
  if (tree) return { id, result: loadNoteJob(note, library, { tree }) };
  return micromarkWarm ? { id, result: loadNoteJob(note, library) } : { id, micromark: true };
}

/** Reads a note's tree ahead, unless its load has begun already (it is then loaded as any other). */
function readAheadOf(file: string, source: string, load: number): void {
  if (load !== treesOf) {
    trees.clear();
    treesOf = load;
  }
  if (Atomics.load(loadCount, 0) === load) {
    runningId[slot] = -1;
    startedAt[slot] = performance.timeOrigin + performance.now();
    let tree: ReturnType<typeof fastParse>;
    try {
      tree = fastParse(source);
    } catch {
      tree = undefined; // Loaded again in its turn, where the error is reported.
    }
    trees.set(file, { source, tree });
    startedAt[slot] = 0;
  }
  Atomics.add(readAhead, slot, 1);
}

port.on('message', (message: { library: LibraryShape } | { id: number; note: NoteJob; ticket: number } | ReadAhead) => {
  if ('library' in message) {
    library = libraryContext(message.library);
    return;
  }
  if ('ahead' in message) {
    cpuAt[2 * slot] = tid;
    cpuAt[2 * slot + 1] = threadCpuMs(tid);
    readAheadOf(message.ahead, message.source, message.load);
    return;
  }
  const { id, note, ticket } = message;
  // Taken back by the waiting thread, which loads it itself.
  if (Atomics.compareExchange(claims, ticket % claims.length, unclaimed, claimedByWorker) !== unclaimed) return;
  // The thread id goes with the CPU time, so the waiting thread reads this thread's CPU clock.
  cpuAt[2 * slot] = tid;
  cpuAt[2 * slot + 1] = threadCpuMs(tid);
  runningId[slot] = id;
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
