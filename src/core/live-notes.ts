import { Worker } from 'node:worker_threads';
import { restoreIndex } from '../search/index.js';
import { restoreKnowledge, type CacheLog } from './knowledge-loader.js';
import type { Knowledge, NotesConfig } from './library.js';
import { applyChanges } from './notes-handover.js';
import { formatProblem, NotesFolderError } from './problems.js';
import type { BuiltReply, PreparedReply, ReloadReply, ReloadRequest } from './reload-handler.js';

type WorkerResult = Extract<ReloadReply, { result: unknown }>['result'];

type ReloadOutcome = 'swapped' | 'unchanged' | 'kept-old' | 'failed';

export interface ReloadRecord {
  at: Date;
  trigger: string;
  outcome: ReloadOutcome;
  ms: number;
  parsed?: number;
  reused?: number;
  /** Notes the worker handed over whole; the others were kept from the notes in use. */
  sent?: number;
  /** Why the old notes were kept, in one line. */
  reason?: string;
  /** The problems that made the reload fail, as file:line: message. */
  problems: string[];
}

export interface NotesStatus {
  /** When the notes in use were loaded, and from which commit when they come from Git. */
  loadedAt: Date;
  commit?: string;
  notes: number;
  sections: number;
  quizQuestions: number;
  problems: string[];
  lastReload?: ReloadRecord;
}

export interface LiveNotesOptions {
  config: NotesConfig;
  cacheDir: string | undefined;
  log: CacheLog;
  /** Nimbus's version for the caches (tests); default: the running code's hash. */
  version?: string;
  /** Brings the notes folder up to date before each reload (Git sync); returns the commit. */
  fetch?: () => Promise<string | undefined>;
}

const problemKey = (p: { file: string; message: string }): string => `${p.file}\0${p.message}`;

/**
 * The notes in use and their reloads. `current` is swapped in one assignment, so a reader always
 * sees one whole version; a reader that keeps its reference finishes on it. Reloads run one at a
 * time in a worker thread (reload-worker.ts) and are judged before the swap: a reload that empties
 * the notes or adds problems keeps the old notes and says why (log and status).
 */
export class LiveNotes {
  private worker: Worker | undefined;
  private requestId = 0;
  private running: Promise<ReloadRecord> | undefined;
  private queued: { trigger: string; commit?: string; promise: Promise<ReloadRecord> } | undefined;
  private readonly listeners: ((knowledge: Knowledge) => void)[] = [];
  private fingerprint: string;
  private status: NotesStatus;

  constructor(
    private knowledge: Knowledge,
    fingerprint: string,
    private readonly options: LiveNotesOptions,
    commit?: string,
  ) {
    this.fingerprint = fingerprint;
    this.status = this.statusOf(knowledge, new Date(), commit);
  }

  get current(): Knowledge {
    return this.knowledge;
  }

  /** Called with the new notes after every swap (the bot rebuilds its quiz questions). */
  onSwap(listener: (knowledge: Knowledge) => void): void {
    this.listeners.push(listener);
  }

  getStatus(): NotesStatus {
    return this.status;
  }

  private statusOf(knowledge: Knowledge, loadedAt: Date, commit: string | undefined): NotesStatus {
    const { library } = knowledge;
    return {
      loadedAt,
      commit,
      notes: library.notes.length,
      sections: library.sections.length,
      quizQuestions: library.quiz.length,
      problems: library.problems.map(formatProblem),
      lastReload: this.status?.lastReload,
    };
  }

  /**
   * Reloads the notes from disk. Requests made while one runs are merged into one more reload after
   * it, so a burst of file events costs at most two.
   */
  reload(trigger: string, commit?: string): Promise<ReloadRecord> {
    if (!this.running) return this.start(trigger, commit);
    if (this.queued) {
      this.queued.trigger = trigger;
      if (commit) this.queued.commit = commit;
      return this.queued.promise;
    }
    const queued = { trigger, commit, promise: undefined as unknown as Promise<ReloadRecord> };
    queued.promise = this.running.then(() => {
      this.queued = undefined;
      return this.start(queued.trigger, queued.commit);
    });
    this.queued = queued;
    return queued.promise;
  }

  private start(trigger: string, commit?: string): Promise<ReloadRecord> {
    const run = this.run(trigger, commit).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async run(trigger: string, commit?: string): Promise<ReloadRecord> {
    const started = performance.now();
    const record = (outcome: ReloadOutcome, extra: Partial<ReloadRecord> = {}): ReloadRecord => {
      const done: ReloadRecord = {
        at: new Date(),
        trigger,
        outcome,
        ms: Math.round(performance.now() - started),
        problems: [],
        ...extra,
      };
      this.status = { ...this.status, lastReload: done };
      const level =
        outcome === 'swapped' || outcome === 'unchanged' ? 'notes reloaded' : 'notes reload refused, old notes kept';
      this.options.log(level, {
        trigger,
        outcome,
        ms: done.ms,
        parsed: done.parsed,
        reused: done.reused,
        sent: done.sent,
        reason: done.reason,
        problems: done.problems.slice(0, 10),
      });
      return done;
    };
    if (this.options.fetch) {
      try {
        commit = (await this.options.fetch()) ?? commit;
      } catch (error) {
        return record('failed', {
          reason: `could not fetch the notes, the ones in use stay: ${(error as Error).message}`,
        });
      }
    }
    let reply: BuiltReply | { unchanged: true; fingerprint: string };
    try {
      reply = (await this.ask({ fingerprint: this.fingerprint })) as typeof reply;
    } catch (error) {
      // A folder emptied or removed (a bad pull, a wrong path) is a worse set of notes, not a crash.
      if (error instanceof NotesFolderError)
        return record('kept-old', {
          reason: 'the notes folder is missing or has no notes now',
          problems: [error.message],
        });
      return record('failed', { reason: `could not reload: ${(error as Error).message}` });
    }
    if ('unchanged' in reply) {
      if (commit) this.status = { ...this.status, commit };
      return record('unchanged', { parsed: 0 });
    }
    let knowledge: Knowledge;
    try {
      knowledge = this.restore(reply);
    } catch (error) {
      return record('failed', { reason: `could not read the new index: ${(error as Error).message}` });
    }
    const counts = { parsed: reply.report.parsed, reused: reply.report.reused, sent: reply.report.sent };
    const worse = this.worse(knowledge);
    if (worse) return record('kept-old', { ...counts, ...worse });
    this.knowledge = knowledge;
    this.fingerprint = reply.report.fingerprint;
    this.status = this.statusOf(knowledge, new Date(), commit ?? this.status.commit);
    for (const listener of this.listeners) listener(knowledge);
    return record('swapped', counts);
  }

  /** Why the new notes are worse than the ones in use, or undefined when they are not. */
  private worse(next: Knowledge): { reason: string; problems: string[] } | undefined {
    const old = this.knowledge.library;
    const { library } = next;
    if (library.notes.length === 0 && old.notes.length > 0) {
      return {
        reason: 'the notes folder is missing or has no notes now',
        problems: library.problems.slice(0, 10).map(formatProblem),
      };
    }
    const known = new Map<string, number>();
    for (const p of old.problems) known.set(problemKey(p), (known.get(problemKey(p)) ?? 0) + 1);
    const added = library.problems.filter((p) => {
      const left = known.get(problemKey(p)) ?? 0;
      known.set(problemKey(p), left - 1);
      return left <= 0;
    });
    if (added.length === 0) return undefined;
    const lines = added.map(formatProblem);
    return { reason: `${added.length} new problem(s) in the notes, first ${lines[0]}`, problems: lines };
  }

  /** The new notes: whole, or the notes in use with the changes (notes-handover.ts). */
  private restore(reply: BuiltReply): Knowledge {
    if ('library' in reply) return restoreKnowledge({ library: reply.library, index: reply.index });
    if (reply.changes.base !== this.fingerprint) throw new Error('the changes are to other notes than those in use');
    const library = applyChanges(this.knowledge.library, reply.changes);
    const index = restoreIndex(reply.index, library.sections);
    return { library, index, sectionById: new Map(library.sections.map((s) => [s.id, s])) };
  }

  /**
   * Starts the reload worker and has it read and index the notes as a reload would, so that the
   * first reload costs what later ones do. For when start-up is done (after warm-up): it runs
   * on the worker's threads; a reload asked meanwhile waits for it there.
   */
  async prepare(): Promise<void> {
    if (this.worker || this.running) return;
    try {
      const reply = (await this.ask({ fingerprint: this.fingerprint, prepare: true })) as PreparedReply;
      this.options.log('reload worker ready', { ms: Math.round(reply.ms) });
      // An edit made while start-up read the notes, or before the watcher started, is picked up now.
      if (reply.changed) await this.reload('notes changed during start-up');
    } catch (error) {
      this.options.log('reload worker could not prepare; the first reload reads every note', {
        reason: (error as Error).message,
      });
    }
  }

  private ask(request: Omit<ReloadRequest, 'id'>): Promise<WorkerResult> {
    const worker = (this.worker ??= this.startWorker());
    const id = ++this.requestId;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: ReloadReply): void => {
        if (reply.id !== id) return;
        if ('log' in reply) {
          this.options.log(...reply.log);
          return;
        }
        worker.off('message', onMessage);
        worker.off('error', onError);
        if ('error' in reply) reject(reply.notesFolder ? new NotesFolderError(reply.error) : new Error(reply.error));
        else resolve(reply.result);
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        this.worker = undefined;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ id, ...request } satisfies ReloadRequest);
    });
  }

  private startWorker(): Worker {
    const source = import.meta.url.endsWith('.ts');
    const url = new URL(source ? './reload-worker.ts' : './reload-worker.js', import.meta.url);
    const { config, cacheDir, version } = this.options;
    // Only the notes settings go to the worker (the rest of the configuration holds secrets).
    const keys = [
      'NOTES_DIR',
      'NOTES_BASE_URL',
      'NOTES_LINK_STYLE',
      'NOTES_LAYOUT',
      'NOTES_LANGUAGE',
      'NOTES_INCLUDE',
      'NOTES_EXCLUDE',
      'FLASHCARDS_BOLD_CLOZE',
      'NOTES_PARSE_BUDGET_MS',
      'NOTES_MAX_FILE_KB',
    ] as const satisfies (keyof NotesConfig)[];
    const notesConfig = Object.fromEntries(keys.map((key) => [key, config[key]])) as NotesConfig;
    const workerData = { config: notesConfig, cacheDir, version };
    // Running from the TypeScript sources (tsx, tests): the worker registers tsx before loading them.
    const tsx = source ? import.meta.resolve('tsx/esm/api') : undefined;
    const worker = tsx
      ? new Worker(
          `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData },
        )
      : new Worker(url, { workerData });
    worker.unref();
    return worker;
  }

  /** Stops the reload worker (the bot's shutdown). */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
