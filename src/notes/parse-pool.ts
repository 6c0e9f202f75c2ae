import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LibraryShape, NoteJob, NoteResult } from './load-note.js';
import { threadCpuMs } from './thread-cpu.js';

/** How long and how large one note may be to be parsed; past either, the note is skipped and reported. */
export interface ParseBudget {
  ms: number;
  bytes: number;
}

/** Thrown for a note over its budget: the loader skips the file and reports `message`. */
export class ParseBudgetError extends Error {}

interface Job {
  id: number;
  note: NoteJob;
  /** The slot whose worker must load it: 0 for a note only micromark reads (parse-worker.ts). */
  slot?: number;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  job?: Job;
}

/** A worker that never starts its first file in this long is taken as broken: parsing goes on in this thread. */
const bootLimitMs = 60_000;

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Markdown worth one more worker: each worker loads and warms up its own copy of the parser
 * (V8 compiles the hot code again in every thread, ~0.3–0.8 s of CPU), more than it saves on a
 * small folder. So 1 MB of notes is parsed by one worker, 9 MB by two.
 */
export const bytesPerWorker = 2 * 1024 * 1024;

/**
 * Loads notes on worker threads (one per core, at most `threads`): Markdown to sections, blocks,
 * links and flashcards there, so only the compact result crosses threads (a Markdown tree is many
 * times larger than the note and costly to copy). Each file is loaded within a time budget:
 * a parse still running at its deadline has its worker terminated (micromark can take minutes on
 * hostile input: 80 KB of `[`, a 4 MB nested list) and the file is reported, never waited for.
 * The calling thread waits synchronously (Atomics.wait) so the loader stays a plain function;
 * files queued with `prefetch` are parsed in parallel while it works on earlier ones.
 */
export class ParsePool {
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly startedAt: Float64Array;
  /** Per worker: its thread id and its CPU time when it started its file (thread-cpu.ts). */
  private readonly cpuAt: Float64Array;
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Job[] = [];
  private readonly results = new Map<number, NoteResult | Error>();
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  private broken = false;
  /** How many of the slots may run a worker: grows with the Markdown to parse (`expect`). */
  private active = 1;
  /** The library of the current load: every worker gets it before its first note. */
  private library: LibraryShape | undefined;
  /** The first job id of the current load: results of an earlier (aborted) load are dropped. */
  private firstOfLoad = 0;
  /** Notes a worker handed back to be loaded by the first one, which has micromark warmed up. */
  handedBack = 0;

  constructor(
    private readonly budget: ParseBudget,
    threads = Math.min(os.availableParallelism(), 4),
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(1, threads)).fill(undefined);
    this.startedAt = new Float64Array(new SharedArrayBuffer(8 * this.slots.length));
    this.cpuAt = new Float64Array(new SharedArrayBuffer(16 * this.slots.length));
  }

  private keyOf(file: string, source: string): string {
    return `${file}\0${source.length}`;
  }

  /** Starts the workers now, so that they load their code while this thread reads the notes. */
  start(): void {
    if (this.broken) return;
    for (let i = 0; i < this.active; i++) this.slots[i] ??= this.startWorker(i);
  }

  /** Allows one worker per `bytesPerWorker` of Markdown about to be parsed (never fewer than before). */
  expect(bytes: number): void {
    this.active = Math.max(this.active, Math.min(this.slots.length, Math.ceil(bytes / bytesPerWorker)));
  }

  /** Workers this pool runs now (at most one per slot). */
  get workers(): number {
    return this.slots.filter(Boolean).length;
  }

  /** Sets the library the notes of this load belong to (before `prefetch` and `load`). */
  begin(library: LibraryShape): void {
    this.library = library;
    this.firstOfLoad = this.nextId;
    this.queue.length = 0;
    this.ids.clear();
    this.results.clear();
    for (const slot of this.slots) slot?.port.postMessage({ library });
  }

  /** Queues notes to load in the background; `load` later takes their results. */
  prefetch(notes: NoteJob[]): void {
    this.expect(notes.reduce((sum, note) => sum + note.source.length, 0));
    for (const note of notes) {
      if (Buffer.byteLength(note.source) > this.budget.bytes) continue;
      const id = this.nextId++;
      this.ids.set(this.keyOf(note.file, note.source), id);
      this.queue.push({ id, note });
    }
    this.dispatch();
  }

  /**
   * One note loaded within the budget; throws ParseBudgetError when over it. Undefined when
   * workers cannot run here: the caller loads the note in its own thread.
   */
  load(note: NoteJob): NoteResult | undefined {
    const bytes = Buffer.byteLength(note.source);
    if (bytes > this.budget.bytes)
      throw new ParseBudgetError(
        `skipped: ${Math.ceil(bytes / 1024)} KB is over the ${Math.floor(this.budget.bytes / 1024)} KB a note may have (NOTES_MAX_FILE_KB)`,
      );
    if (this.broken) return undefined;
    const key = this.keyOf(note.file, note.source);
    let id = this.ids.get(key);
    if (id === undefined || (!this.results.has(id) && !this.pending(id))) {
      id = this.nextId++;
      // Wanted now: ahead of the prefetched ones.
      this.queue.unshift({ id, note });
    }
    this.ids.delete(key);
    const result = this.wait(id);
    if (result instanceof Error) throw result;
    return result;
  }

  private pending(id: number): boolean {
    return this.queue.some((j) => j.id === id) || this.slots.some((s) => s?.job?.id === id);
  }

  private wait(id: number): NoteResult | Error | undefined {
    for (;;) {
      const seen = Atomics.load(this.done, 0);
      this.collect();
      const result = this.results.get(id);
      if (result) {
        this.results.delete(id);
        return result;
      }
      this.dispatch(id);
      if (this.broken) return undefined;
      for (let i = 0; i < this.slots.length; i++) {
        const slot = this.slots[i];
        if (!slot?.job) continue;
        const started = this.startedAt[i]!;
        const sentAt = (slot.job as Job & { sentAt: number }).sentAt;
        if (started > 0 ? this.overBudget(i, started) : now() >= sentAt + bootLimitMs) this.expire(i, started > 0);
      }
      // Woken by a finished file, else every 20 ms to look at the clocks.
      Atomics.wait(this.done, 0, seen, 20);
    }
  }

  /**
   * Whether worker `i` has spent its budget on the file it started at `started`: its thread's CPU
   * time where Linux tells it (a busy machine slows ordinary notes, not hostile ones), else wall time.
   */
  private overBudget(i: number, started: number): boolean {
    const cpu = threadCpuMs(this.cpuAt[2 * i]!) - this.cpuAt[2 * i + 1]!;
    return Number.isNaN(cpu) ? now() - started >= this.budget.ms : cpu >= this.budget.ms;
  }

  /** Stops a worker whose file is past its deadline; a worker that never started means workers cannot run here. */
  private expire(index: number, started: boolean): void {
    const slot = this.slots[index]!;
    const job = slot.job!;
    void slot.worker.terminate();
    slot.port.close();
    this.slots[index] = undefined;
    this.startedAt[index] = 0;
    if (!started) {
      this.broken = true;
      for (const s of this.slots) if (s?.job) this.queue.unshift(s.job);
      this.close();
      return;
    }
    if (job.id < this.firstOfLoad) return;
    this.results.set(
      job.id,
      new ParseBudgetError(
        `skipped: parsing took more than ${(this.budget.ms / 1000).toFixed(1)} s of CPU time (NOTES_PARSE_BUDGET_MS); simplify the file or raise the budget`,
      ),
    );
  }

  private collect(): void {
    for (const slot of this.slots) {
      if (!slot) continue;
      for (let message = receiveMessageOnPort(slot.port); message; message = receiveMessageOnPort(slot.port)) {
        const reply = message.message as { id: number; result?: NoteResult; error?: string; micromark?: true };
        const job = slot.job?.id === reply.id ? slot.job : undefined;
        if (job) slot.job = undefined;
        // Handed back: a note only micromark reads goes to the worker that has micromark warmed up.
        if (reply.micromark && job) {
          this.handedBack++;
          if (job.id >= this.firstOfLoad) this.queue.unshift({ id: job.id, note: job.note, slot: 0 });
          continue;
        }
        if (reply.id >= this.firstOfLoad)
          this.results.set(reply.id, reply.result ?? new Error(reply.error ?? 'parse failed'));
      }
    }
  }

  /**
   * Sends queued files to idle workers. Results waiting to be taken are capped (a whole library
   * of them would double the memory a load needs), unless the file wanted now is still queued.
   */
  private dispatch(wanted?: number): void {
    if (this.broken) return;
    const at = wanted === undefined ? -1 : this.queue.findIndex((j) => j.id === wanted);
    if (at > 0) this.queue.unshift(...this.queue.splice(at, 1));
    if (at < 0 && this.results.size >= 4 * this.slots.length) return;
    for (let i = 0; i < this.active && this.queue.length > 0; i++) {
      const slot = (this.slots[i] ??= this.startWorker(i));
      if (slot.job) continue;
      const next = this.queue.findIndex((j) => j.slot === undefined || j.slot === i);
      if (next < 0) continue;
      const [job] = this.queue.splice(next, 1) as [Job];
      slot.job = Object.assign(job, { sentAt: now() });
      slot.port.postMessage(job);
    }
  }

  private startWorker(index: number): Slot {
    const { port1, port2 } = new MessageChannel();
    const source = import.meta.url.endsWith('.ts');
    const url = new URL(source ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
    const workerData = { port: port2, done: this.done, startedAt: this.startedAt, cpuAt: this.cpuAt, slot: index };
    // From the TypeScript sources (tsx, tests): the worker registers tsx before loading them.
    const tsx = source ? import.meta.resolve('tsx/esm/api') : undefined;
    const worker = tsx
      ? new Worker(
          `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData, transferList: [port2] },
        )
      : new Worker(url, { workerData, transferList: [port2] });
    worker.unref();
    port1.unref();
    // A worker that fails to load is noticed by its boot deadline; this keeps the error from crashing the process.
    worker.on('error', () => {});
    if (this.library) port1.postMessage({ library: this.library });
    return { worker, port: port1 };
  }

  /** Stops the workers (they are unref'd: an idle pool never keeps the process alive). */
  close(): void {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (!slot) continue;
      void slot.worker.terminate();
      slot.port.close();
      this.slots[i] = undefined;
    }
  }
}
