import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LibraryShape, NoteJob, NoteResult } from './load-note.js';
import { threadCpuMs, threadId } from './thread-cpu.js';

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
  /** Sent and not answered yet, in the order sent (the worker loads them in that order). */
  jobs: (Job & { sentAt: number; ticket: number })[];
}

/**
 * Loads a note in the calling thread (markdown-it only; load.ts passes it to `begin`); undefined
 * when the fast path cannot read it exactly, and a worker must (micromark).
 */
export type LoadHere = (note: NoteJob) => NoteResult | undefined;

/** A note's text sent to the first worker to read its Markdown tree ahead (parse-worker.ts). */
export interface ReadAhead {
  ahead: string;
  source: string;
  /** The load it was read for (`loadCount`); once that load has begun, it is not read ahead. */
  load: number;
}

/** Text read ahead per load, at most: the trees wait in the worker's memory until their note's turn. */
const readAheadMaxChars = 4 * 1024 * 1024;

/** A worker that never starts its first file in this long is taken as broken: parsing goes on in this thread. */
const bootLimitMs = 60_000;

/**
 * Notes sent to a worker ahead of the one it loads: while the calling thread loads a note of its
 * own, the worker goes on to its next one instead of waiting to be sent it. Those it has not
 * started, the calling thread may take back (`claims`), so none waits behind a busy worker.
 */
const inFlight = 8;

/** States of a job sent to a worker (`claims`). */
export const unclaimed = 0;
export const claimedByWorker = 1;
const claimedHere = 2;

/**
 * Results loaded ahead and not taken yet, at most (a whole library of them would double the memory
 * a load needs); enough that neither this thread nor a worker waits for the other to take one.
 */
const maxWaiting = 32;

/**
 * The largest note the calling thread loads itself. Nothing can stop it mid-parse, so it takes
 * only notes whose worst case is short: markdown-it's slowest inputs (runs of `![a`, `*_` or
 * `` `a ``) take a few hundred ms at this size, far below the budget's default.
 */
export const hereMaxChars = 32 * 1024;

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Markdown worth one more worker: each worker loads and warms up its own copy of the parser
 * (V8 compiles the hot code again in every thread, ~0.3–0.8 s of CPU), more than it saves on a
 * small folder. So 1 MB of notes is parsed by one worker, 9 MB by two.
 */
export const bytesPerWorker = 2 * 1024 * 1024;

/**
 * Loads notes on worker threads (one per core, at most `threads`) and on the calling thread
 * while it waits for them (`begin`): Markdown to sections, blocks,
 * links and flashcards there, so only the compact result crosses threads (a Markdown tree is many
 * times larger than the note and costly to copy). Each file is loaded within a time budget:
 * a parse still running at its deadline has its worker terminated (micromark can take minutes on
 * hostile input: 80 KB of `[`, a 4 MB nested list) and the file is reported, never waited for.
 * The calling thread waits synchronously (Atomics.wait) so the loader stays a plain function;
 * files queued with `prefetch` are parsed in parallel while it works on earlier ones, and while
 * it waits it loads queued notes itself (only small ones the fast path reads: `hereMaxChars`).
 */
export class ParsePool {
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly startedAt: Float64Array;
  /** Per worker: its thread id and its CPU time when it started its file (thread-cpu.ts). */
  private readonly cpuAt: Float64Array;
  /** Per worker: the id of the job it is loading (valid while `startedAt` is set; -1: reading ahead). */
  private readonly runningId: Float64Array;
  /** Loads begun (`begin`), and per worker the notes sent to read ahead it has taken (both shared). */
  private readonly loadCount = new Int32Array(new SharedArrayBuffer(4));
  /**
   * Per sending of a job to a worker (by its ticket, modulo the length): whether the worker has
   * started it or this thread has taken it back (parse-worker.ts): whoever claims it first loads it.
   */
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * 65536));
  private tickets = 0;
  private readonly readAheadTaken: Int32Array;
  /** Notes sent to read ahead in all, and the files of the coming load's, in the order sent. */
  private readAheadSent = 0;
  private readonly readAheadFiles: string[] = [];
  private readAheadChars = 0;
  /** Files whose tree the first worker may have read ahead: loaded there (`Job.slot` 0). */
  private readAheadOn0 = new Set<string>();
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Job[] = [];
  private readonly results = new Map<number, NoteResult | Error>();
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  private broken = false;
  /** Set when a worker's thread ended mid-parse (`expire`): workers are tried again at the next load. */
  private brokenUntilNextLoad = false;
  /** How many of the slots may run a worker: grows with the Markdown to parse (`expect`). */
  private active = 1;
  /** The library of the current load: every worker gets it before its first note. */
  private library: LibraryShape | undefined;
  /** The first job id of the current load: results of an earlier (aborted) load are dropped. */
  private firstOfLoad = 0;
  /** Notes another worker or this thread handed back to be loaded by the first one, which has micromark warmed up. */
  handedBack = 0;
  /** Loads a note in this thread while it waits for the workers (`begin`); absent: workers only. */
  private here: LoadHere | undefined;
  /** This thread's id for its CPU clock (thread-cpu.ts), read once. */
  private hereTid: number | undefined;
  /** Notes this thread loaded itself, and notes whose worker stopped while loading them. */
  loadedHere = 0;
  crashed = 0;

  constructor(
    private readonly budget: ParseBudget,
    threads = Math.min(os.availableParallelism(), 4),
    /** The worker's module (tests: one that stops mid-parse); default parse-worker. */
    private readonly workerUrl?: URL,
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(1, threads)).fill(undefined);
    this.startedAt = new Float64Array(new SharedArrayBuffer(8 * this.slots.length));
    this.cpuAt = new Float64Array(new SharedArrayBuffer(16 * this.slots.length));
    this.runningId = new Float64Array(new SharedArrayBuffer(8 * this.slots.length));
    this.readAheadTaken = new Int32Array(new SharedArrayBuffer(4 * this.slots.length));
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

  /**
   * Sets the library the notes of this load belong to (before `prefetch` and `load`); `here`
   * loads notes in this thread while it waits, so it works instead of idling.
   */
  begin(library: LibraryShape, here?: LoadHere): void {
    this.library = library;
    this.here = here;
    if (this.brokenUntilNextLoad) this.broken = this.brokenUntilNextLoad = false;
    // From now on the worker reads nothing ahead; what it has read (the one it reads now too) it loads.
    Atomics.add(this.loadCount, 0, 1);
    const unread = this.readAheadSent - Atomics.load(this.readAheadTaken, 0) - 1;
    this.readAheadOn0 = new Set(this.readAheadFiles.slice(0, Math.max(0, this.readAheadFiles.length - unread)));
    this.readAheadFiles.length = 0;
    this.readAheadChars = 0;
    this.firstOfLoad = this.nextId;
    this.queue.length = 0;
    this.ids.clear();
    this.results.clear();
    for (const slot of this.slots) slot?.port.postMessage({ library });
  }

  /**
   * Sends a note just read to the first worker, which reads its Markdown tree while this thread
   * reads the other notes (before `begin`; only notes the calling thread could load, for the same
   * bound on a parse nothing watches yet: over its budget, the worker is stopped at the next wait).
   */
  readAhead(file: string, source: string): void {
    const slot = this.slots[0];
    if (!slot || this.broken || source.length > hereMaxChars || /\.mdx$/i.test(file)) return;
    if (this.readAheadChars + source.length > readAheadMaxChars) return;
    this.readAheadChars += source.length;
    this.readAheadFiles.push(file);
    this.readAheadSent++;
    slot.port.postMessage({ ahead: file, source, load: Atomics.load(this.loadCount, 0) } satisfies ReadAhead);
  }

  /** Queues notes to load in the background; `load` later takes their results. */
  prefetch(notes: NoteJob[]): void {
    this.expect(notes.reduce((sum, note) => sum + note.source.length, 0));
    for (const note of notes) {
      if (Buffer.byteLength(note.source) > this.budget.bytes) continue;
      const id = this.nextId++;
      this.ids.set(this.keyOf(note.file, note.source), id);
      this.queue.push(this.jobOf(id, note));
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
    const key = this.keyOf(note.file, note.source);
    let id = this.ids.get(key);
    // Workers stopped: only a note already done (or reported) is taken from them.
    if (this.broken && (id === undefined || !this.results.has(id))) return undefined;
    if (id === undefined || (!this.results.has(id) && !this.pending(id))) {
      id = this.nextId++;
      // Wanted now: ahead of the prefetched ones.
      this.queue.unshift(this.jobOf(id, note));
    }
    this.ids.delete(key);
    const result = this.wait(id);
    if (result instanceof Error) throw result;
    return result;
  }

  private jobOf(id: number, note: NoteJob): Job {
    return this.readAheadOn0.has(note.file) ? { id, note, slot: 0 } : { id, note };
  }

  private pending(id: number): boolean {
    return this.queue.some((j) => j.id === id) || this.slots.some((s) => s?.jobs.some((j) => j.id === id));
  }

  /**
   * Waits for note `id`, working meanwhile: the workers are kept busy, and this thread loads the
   * queued notes it can (the wanted one first, else the next in order) instead of idling. Whoever
   * loads a note, its result is the same and is taken in the caller's order.
   */
  private wait(id: number): NoteResult | Error | undefined {
    for (;;) {
      const seen = Atomics.load(this.done, 0);
      this.collect();
      const result = this.results.get(id);
      if (result) {
        this.results.delete(id);
        return result;
      }
      if (this.broken) return undefined;
      this.watchWorkers();
      this.dispatch(id);
      // Stopped just now: the wanted note may be the one reported.
      if (this.broken) continue;
      const job = this.takeHere(id);
      if (job) {
        this.loadHere(job);
        continue;
      }
      // Woken by a finished file, else every 20 ms to look at the clocks.
      Atomics.wait(this.done, 0, seen, 20);
    }
  }

  /** Stops a worker past its file's budget, past its boot deadline, or whose thread has gone. */
  private watchWorkers(): void {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (!slot?.jobs.length) continue;
      const started = this.startedAt[i]!;
      if (this.threadGone(i)) this.expire(i, 'crashed');
      else if (started > 0 && this.overBudget(i, started)) this.expire(i, 'budget');
      else if (!this.cpuAt[2 * i] && now() >= slot.jobs[0]!.sentAt + bootLimitMs) this.expire(i, 'boot');
    }
  }

  /**
   * A note this thread can load: the wanted one if it can (queued, or sent to a worker that has
   * another one to load first), else the first queued one it can, else the last one sent to a
   * worker and not started there (so that no note waits behind a busy worker at the end of a load).
   */
  private takeHere(wanted: number): Job | undefined {
    if (!this.here) return undefined;
    const fits = (job: Job): boolean =>
      job.slot === undefined && job.note.source.length <= hereMaxChars && !/\.mdx$/i.test(job.note.file);
    let at = this.queue.findIndex((j) => j.id === wanted && fits(j));
    if (at >= 0) return this.queue.splice(at, 1)[0];
    // Not a worker's next note: that one it starts at once, warm (a reload's one changed note).
    const sent = this.slots.find((s) => s?.jobs.some((j, i) => i > 0 && j.id === wanted));
    const wantedSent = sent?.jobs.find((j) => j.id === wanted);
    if (wantedSent && fits(wantedSent) && this.claim(sent!, wantedSent)) return wantedSent;
    if (this.results.size >= maxWaiting) return undefined;
    at = this.queue.findIndex(fits);
    if (at >= 0) return this.queue.splice(at, 1)[0];
    // Nothing queued: the last note sent to a worker that it has not started yet.
    for (const slot of this.slots) {
      if (!slot) continue;
      for (let i = slot.jobs.length - 1; i > 0; i--)
        if (fits(slot.jobs[i]!) && this.claim(slot, slot.jobs[i]!)) return slot.jobs[i];
    }
    return undefined;
  }

  /** Takes a note sent to a worker back for this thread, unless the worker has started it (`claims`). */
  private claim(slot: Slot, job: Slot['jobs'][number]): boolean {
    if (Atomics.compareExchange(this.claims, job.ticket % this.claims.length, unclaimed, claimedHere) !== unclaimed)
      return false;
    slot.jobs.splice(slot.jobs.indexOf(job), 1);
    return true;
  }

  /**
   * Loads a note in this thread. Its budget is checked afterwards (nothing can stop this thread
   * mid-parse; `hereMaxChars` bounds how long it can take): a note over it is skipped, as on a worker.
   */
  private loadHere(job: Job): void {
    this.hereTid ??= threadId();
    const cpu = threadCpuMs(this.hereTid);
    const wall = now();
    let result: NoteResult | Error | undefined;
    try {
      result = this.here!(job.note);
    } catch (error) {
      result = new Error((error as Error).message);
    }
    // Only micromark reads it exactly: for the first worker, which has micromark warmed up.
    if (!result) {
      this.handedBack++;
      this.queue.unshift({ ...job, slot: 0 });
      return;
    }
    this.loadedHere++;
    const spent = threadCpuMs(this.hereTid) - cpu;
    if ((Number.isNaN(spent) ? now() - wall : spent) >= this.budget.ms) result = this.overBudgetError();
    this.results.set(job.id, result);
  }

  private overBudgetError(): ParseBudgetError {
    return new ParseBudgetError(
      `skipped: parsing took more than ${(this.budget.ms / 1000).toFixed(1)} s of CPU time (NOTES_PARSE_BUDGET_MS); simplify the file or raise the budget`,
    );
  }

  /** Whether worker `i`'s thread has ended (crashed or killed) after it started loading files. */
  private threadGone(i: number): boolean {
    const tid = this.cpuAt[2 * i]!;
    return tid > 0 && Number.isNaN(threadCpuMs(tid));
  }

  /**
   * Whether worker `i` has spent its budget on the file it started at `started`: its thread's CPU
   * time where Linux tells it (a busy machine slows ordinary notes, not hostile ones), else wall time.
   */
  private overBudget(i: number, started: number): boolean {
    const cpu = threadCpuMs(this.cpuAt[2 * i]!) - this.cpuAt[2 * i + 1]!;
    return Number.isNaN(cpu) ? now() - started >= this.budget.ms : cpu >= this.budget.ms;
  }

  /**
   * Stops worker `index`: its file is past its budget, or its thread ended while loading it (both
   * reported for that file; the worker's other notes go back to the queue, and a new worker starts
   * when one is needed), or it never started (workers cannot run here: parsing goes on in this thread).
   */
  private expire(index: number, why: 'budget' | 'crashed' | 'boot'): void {
    const slot = this.slots[index]!;
    this.collect();
    void slot.worker.terminate();
    slot.port.close();
    this.slots[index] = undefined;
    const runningId = this.startedAt[index] ? this.runningId[index] : undefined;
    this.startedAt[index] = 0;
    this.cpuAt[2 * index] = 0;
    if (why === 'boot') {
      this.broken = true;
      for (const s of this.slots) if (s) this.queue.unshift(...s.jobs);
      this.close();
      return;
    }
    const running = slot.jobs.find((j) => j.id === runningId);
    this.queue.unshift(...slot.jobs.filter((j) => j !== running && j.id >= this.firstOfLoad));
    if (running && running.id >= this.firstOfLoad)
      this.results.set(
        running.id,
        why === 'budget'
          ? this.overBudgetError()
          : new ParseBudgetError('skipped: the parse worker stopped while loading this file (its thread ended)'),
      );
    if (why !== 'crashed') return;
    // Node starts no new worker after one ended by itself until this thread's event loop has run,
    // so the rest of this load is parsed in this thread, as when workers cannot start; the next
    // load starts workers again.
    this.crashed++;
    this.broken = true;
    this.brokenUntilNextLoad = true;
    this.close();
  }

  private collect(): void {
    for (const slot of this.slots) {
      if (!slot) continue;
      for (let message = receiveMessageOnPort(slot.port); message; message = receiveMessageOnPort(slot.port)) {
        const reply = message.message as { id: number; result?: NoteResult; error?: string; micromark?: true };
        const at = slot.jobs.findIndex((j) => j.id === reply.id);
        const job = at < 0 ? undefined : slot.jobs.splice(at, 1)[0];
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
    if (at < 0 && this.results.size >= maxWaiting) return;
    for (let i = 0; i < this.active && this.queue.length > 0; i++) {
      const slot = (this.slots[i] ??= this.startWorker(i));
      while (slot.jobs.length < inFlight) {
        const next = this.queue.findIndex((j) => j.slot === undefined || j.slot === i);
        if (next < 0) break;
        const [job] = this.queue.splice(next, 1) as [Job];
        // Each sending has its own claim: a stopped worker's claims cannot touch a job sent again.
        const ticket = this.tickets++;
        slot.jobs.push({ ...job, sentAt: now(), ticket });
        Atomics.store(this.claims, ticket % this.claims.length, unclaimed);
        slot.port.postMessage({ id: job.id, note: job.note, ticket });
      }
    }
  }

  private startWorker(index: number): Slot {
    const { port1, port2 } = new MessageChannel();
    const source = import.meta.url.endsWith('.ts');
    const url = this.workerUrl ?? new URL(source ? './parse-worker.ts' : './parse-worker.js', import.meta.url);
    const workerData = {
      port: port2,
      done: this.done,
      startedAt: this.startedAt,
      cpuAt: this.cpuAt,
      runningId: this.runningId,
      slot: index,
      loadCount: this.loadCount,
      claims: this.claims,
      readAhead: this.readAheadTaken,
    };
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
    return { worker, port: port1, jobs: [] };
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
