import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LibraryShape, NoteJob, NoteResult } from './load-note.js';
import { threadCpuMs } from './thread-cpu.js';
import { OutOfTimeError, withinTime } from './within-time.js';

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
 * small folder. So the calling thread parses 1 MB of notes alone, and 9 MB with up to four
 * workers where there are cores for them (`workersFor`).
 */
export const bytesPerWorker = 2 * 1024 * 1024;

/**
 * Worker threads worth starting on `cores` cores. One thread parsing keeps V8's compiler threads
 * busy on a second core (they optimise the parser while it runs), so on 2 cores a worker only
 * competes with it: the SageMaker guide loaded in 2.7–2.9 s on the calling thread alone, 3.2–3.6 s
 * on one or two workers. Cores beyond those two each take a worker, which parses notes ahead of
 * the calling thread.
 */
export const workersFor = (cores: number): number => Math.max(0, Math.min(cores - 2, 4));

/** Most Markdown the calling thread parses in one timed run (`parseHere`). */
const hereBatchBytes = 256 * 1024;

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

const outOfTime = (budget: ParseBudget): ParseBudgetError =>
  new ParseBudgetError(
    `skipped: parsing took more than ${(budget.ms / 1000).toFixed(1)} s of CPU time (NOTES_PARSE_BUDGET_MS); simplify the file or raise the budget`,
  );

/**
 * Loads notes within a time budget, on the calling thread and on worker threads where there are
 * cores for them (`workersFor`): Markdown to sections, blocks, links and flashcards, so only the
 * compact result crosses threads (a Markdown tree is many times larger than the note and costly to
 * copy). A parse still running at its deadline is stopped (micromark can take minutes on hostile
 * input: 80 KB of `[`, a 4 MB nested list) and the file is reported, never waited for: a worker is
 * terminated, the calling thread's parse is stopped by `withinTime`. Files queued with `prefetch`
 * are parsed by the workers while the calling thread works on earlier ones; it waits
 * synchronously (Atomics.wait) for a note a worker has started, so the loader stays a plain
 * function, and parses a note no worker has taken yet itself.
 */
export class ParsePool {
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly startedAt: Float64Array;
  /** Per worker: its thread id and its CPU time when it started its file (thread-cpu.ts). */
  private readonly cpuAt: Float64Array;
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Job[] = [];
  private readonly results = new Map<number, NoteResult | Error>();
  /** Results of notes parsed on this thread, waiting to be taken (not counted in `dispatch`'s cap). */
  private readonly parsedHere = new Map<number, NoteResult | Error>();
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  private broken = false;
  /** How many of the slots may run a worker: grows with the Markdown to parse (`start`, `expect`). */
  private active = 0;
  /** The library of the current load: every worker gets it before its first note. */
  private library: LibraryShape | undefined;
  /** The first job id of the current load: results of an earlier (aborted) load are dropped. */
  private firstOfLoad = 0;
  /** Notes a worker handed back to be loaded by the first one, which has micromark warmed up. */
  handedBack = 0;

  constructor(
    private readonly budget: ParseBudget,
    threads = workersFor(os.availableParallelism()),
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(0, threads)).fill(undefined);
    this.startedAt = new Float64Array(new SharedArrayBuffer(8 * this.slots.length));
    this.cpuAt = new Float64Array(new SharedArrayBuffer(16 * this.slots.length));
  }

  private keyOf(file: string, source: string): string {
    return `${file}\0${source.length}`;
  }

  /**
   * Starts the workers now (at least one, where there are cores for it), so that they load their
   * code while this thread reads the notes: every note is to be parsed.
   */
  start(): void {
    if (this.broken) return;
    this.active = Math.max(this.active, Math.min(1, this.slots.length));
    for (let i = 0; i < this.active; i++) this.slots[i] ??= this.startWorker(i);
  }

  /**
   * Allows a worker per `bytesPerWorker` of Markdown about to be parsed beyond the first, which
   * this thread parses (never fewer than before): a reload's few files are parsed here.
   */
  expect(bytes: number): void {
    this.active = Math.max(this.active, Math.min(this.slots.length, Math.floor(bytes / bytesPerWorker)));
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
    this.parsedHere.clear();
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
   * One note loaded within the budget, by a worker that has it, else on the calling thread
   * (`loadHere`, with the notes queued after it); throws ParseBudgetError when over the budget.
   */
  load(note: NoteJob, loadHere: (note: NoteJob) => NoteResult): NoteResult {
    const bytes = Buffer.byteLength(note.source);
    if (bytes > this.budget.bytes)
      throw new ParseBudgetError(
        `skipped: ${Math.ceil(bytes / 1024)} KB is over the ${Math.floor(this.budget.bytes / 1024)} KB a note may have (NOTES_MAX_FILE_KB)`,
      );
    const key = this.keyOf(note.file, note.source);
    let id = this.ids.get(key);
    if (id === undefined || (!this.results.has(id) && !this.parsedHere.has(id) && !this.pending(id))) {
      id = this.nextId++;
      this.queue.unshift({ id, note });
    }
    this.ids.delete(key);
    const result = this.wait(id, loadHere);
    if (result instanceof Error) throw result;
    return result;
  }

  private pending(id: number): boolean {
    return this.queue.some((j) => j.id === id) || this.slots.some((s) => s?.job?.id === id);
  }

  private wait(id: number, loadHere: (note: NoteJob) => NoteResult): NoteResult | Error {
    for (;;) {
      const seen = Atomics.load(this.done, 0);
      this.collect();
      this.dispatch();
      const result = this.results.get(id) ?? this.parsedHere.get(id);
      if (result) {
        this.results.delete(id);
        this.parsedHere.delete(id);
        return result;
      }
      // No worker has taken it (none runs, or all are busy): this thread parses it.
      if (this.queue.some((j) => j.id === id)) {
        this.parseHere(id, loadHere);
        continue;
      }
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
   * Loads queued note `id` on this thread, with the notes queued after it up to `hereBatchBytes`,
   * in one timed run (`withinTime`'s watchdog thread costs more than a small note's parse). When
   * the time is up, the note running and the later ones go back to the queue, so the running one
   * starts the next run and is judged by a run of its own time.
   */
  private parseHere(id: number, loadHere: (note: NoteJob) => NoteResult): void {
    const from = this.queue.findIndex((j) => j.id === id);
    let to = from + 1;
    let bytes = this.queue[from]!.note.source.length;
    while (to < this.queue.length && bytes + this.queue[to]!.note.source.length <= hereBatchBytes)
      bytes += this.queue[to++]!.note.source.length;
    const batch = this.queue.splice(from, to - from);
    const attempt = (job: Job): NoteResult | Error => {
      try {
        return loadHere(job.note);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    };
    let running = 0;
    const cpu = process.cpuUsage();
    try {
      withinTime(this.budget.ms, () => {
        for (; running < batch.length; running++) this.parsedHere.set(batch[running]!.id, attempt(batch[running]!));
      });
    } catch (error) {
      if (!(error instanceof OutOfTimeError)) throw error;
      if (running > 0) {
        this.queue.unshift(...batch.slice(running));
        return;
      }
      this.queue.unshift(...batch.slice(1));
      this.parsedHere.set(
        id,
        this.secondRun(() => attempt(batch[0]!), cpuMsSince(cpu)),
      );
    }
  }

  /**
   * A note that ran out of its wall time on this thread, given once more (four times over) when
   * the process used less CPU than the budget meanwhile: a busy machine slows ordinary notes, not
   * hostile ones.
   */
  private secondRun(load: () => NoteResult | Error, spentCpuMs: number): NoteResult | Error {
    if (spentCpuMs >= this.budget.ms) return outOfTime(this.budget);
    try {
      return withinTime(4 * this.budget.ms, load);
    } catch (error) {
      if (!(error instanceof OutOfTimeError)) throw error;
      return outOfTime(this.budget);
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
    this.results.set(job.id, outOfTime(this.budget));
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
   * of them would double the memory a load needs); the calling thread parses a wanted file still
   * queued itself.
   */
  private dispatch(): void {
    if (this.broken || this.results.size >= 4 * this.slots.length) return;
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
