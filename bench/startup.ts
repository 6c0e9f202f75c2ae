/**
 * Start-up, side by side in one run (part of `npm run bench`; `-- --quick` runs each case once and
 * skips the SageMaker guide). Each case is a fresh process: wall time from spawn to the moment that
 * counts (exit, the terminal banner, the bot about to connect) and its peak RSS. "today" is the path
 * before the build step and caches (TypeScript through tsx, every start parses and indexes);
 * "now" is `npm start`'s path (node with the flags of the checkout's own `npm start` script): dist/ and a
 * warm cache. Ratios are to `node -e 0` and to today.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isNoteFile } from '../src/notes/note-file.js';

const root = path.resolve(import.meta.dirname, '..');
const notesDir = path.join(root, 'notes');
const sagemakerDir = path.resolve(root, '../shared/corpora/sagemaker-developer-guide/doc_source');
const probe = path.join(root, 'bench/rss-probe.mjs');
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, baseline: { type: 'string' } },
});
/**
 * `--baseline DIR`: another built checkout of Nimbus (e.g. the main branch's); each "now" case and
 * reload row is also measured from it, in the same run, as a "(baseline)" row.
 */
const baselineRoot = args.baseline ? path.resolve(args.baseline) : undefined;
/** `--only WORD,WORD`: only the cases (and reload rows) whose name contains one of the words, e.g. `--only reload,bot`. */
const wanted = (name: string): boolean =>
  !args.only || args.only.split(',').some((w) => name.toLowerCase().includes(w.toLowerCase()));
const runs = args.quick ? 1 : 3;

// bin/nimbus.mjs runs the sources through tsx when dist/ is older than them (bench/ counts: editing
// this file makes the build stale), which would time tsx, not the build.
for (const checkout of [root, baselineRoot].filter((dir): dir is string => dir !== undefined)) {
  const { sourceHash, stampFile } = (await import(
    pathToFileURL(path.join(checkout, 'scripts/source-hash.mjs')).href
  )) as {
    sourceHash: () => string;
    stampFile: string;
  };
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  if (stamp !== sourceHash()) {
    console.error(`${checkout}: dist/ is missing or older than the sources; run \`npm run build\` there first`);
    process.exit(1);
  }
}

/** The node arguments of a checkout's `npm start` (`node FLAGS bin/nimbus.mjs`), so each runs with its own flags. */
function startArgs(checkout: string): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(checkout, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = scripts.start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'bin/nimbus.mjs') {
    throw new Error(`${checkout}: \`npm start\` is not \`node [flags] bin/nimbus.mjs\`: ${scripts.start}`);
  }
  return args;
}
const now = startArgs(root);
const then = baselineRoot ? startArgs(baselineRoot) : [];
const today = ['--max-semi-space-size=64', '--import', 'tsx', 'src/main.ts'];

interface Sample {
  ms: number;
  rssMB: number;
  /** CPU time of the whole process, every thread (user + system). */
  cpuMs: number;
  output: string;
}

/** Starts node with args; `until` says when the start counts as done (default: at exit). */
function sample(
  nodeArgs: string[],
  env: Record<string, string>,
  until?: {
    stream: 'stdout' | 'stderr';
    text: string;
    then: (child: ReturnType<typeof spawn>) => void;
    input?: string;
  },
): Promise<Sample> {
  const rssFile = path.join(os.tmpdir(), `nimbus-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let doneAt: number | undefined;
    let output = '';
    const child = spawn(process.execPath, ['--import', probe, ...nodeArgs], {
      cwd: env.BENCH_CWD ?? root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NO_COLOR: '1',
        BENCH_RSS_FILE: rssFile,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const watch = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      output += chunk.toString();
      if (until && doneAt === undefined && until.stream === stream && output.includes(until.text)) {
        doneAt = performance.now();
        until.then(child);
      }
    };
    child.stdout.on('data', watch('stdout'));
    child.stderr.on('data', watch('stderr'));
    if (!until) child.stdin.end();
    else if (until.input) child.stdin.write(until.input);
    // A case that never reaches its moment must fail the run, not hang it.
    const limit = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', () => clearTimeout(limit));
    child.on('error', reject);
    child.on('close', () => {
      const ms = (doneAt ?? performance.now()) - started;
      let rssMB = NaN;
      let cpuMs = NaN;
      try {
        const [rssKB, cpu] = fs.readFileSync(rssFile, 'utf8').split(' ');
        rssMB = Number(rssKB) / 1024;
        cpuMs = Number(cpu);
        fs.rmSync(rssFile);
      } catch {
        // no figure: the process died before its exit handler ran
      }
      if (until && doneAt === undefined) reject(new Error(`never printed "${until.text}":\n${output.slice(-2000)}`));
      else resolve({ ms, rssMB, cpuMs, output });
    });
  });
}

async function median(make: () => Promise<Sample>, n = runs): Promise<Sample> {
  return (await medians([make], n))[0]!;
}

/** The median run of each maker (peak RSS the largest), the makers' runs taken in turn. */
async function medians(makers: (undefined | (() => Promise<Sample>))[], n = runs): Promise<(Sample | undefined)[]> {
  const samples: Sample[][] = makers.map(() => []);
  for (let i = 0; i < n; i++) for (const [k, make] of makers.entries()) if (make) samples[k]!.push(await make());
  return samples.map((list) => {
    if (!list.length) return undefined;
    list.sort((a, b) => a.ms - b.ms);
    return { ...list[list.length >> 1]!, rssMB: Math.max(...list.map((s) => s.rssMB)) };
  });
}

const ask = (args: string[], env: Record<string, string>) => () => sample([...args, 'ask', 'what is s3'], env);
// Piped, the shell prints no banner or prompt (so that `| head` gets answers only): the start counts
// until the first answer to a question written before the shell was ready.
const shell = (args: string[], env: Record<string, string>) => () =>
  sample([...args, 'shell'], env, {
    stream: 'stdout',
    text: '\n',
    then: (child) => child.stdin!.end(),
    input: 'what is s3\n',
  });
const bot = (args: string[], env: Record<string, string>) => () =>
  sample(
    [...args, 'bot'],
    { ...env, DISCORD_TOKEN: 'bench.not-a-token', DISCORD_API_BASE: 'http://127.0.0.1:9/api', LOG_LEVEL: 'info' },
    { stream: 'stderr', text: 'connecting to Discord', then: (child) => child.kill('SIGINT') },
  );

interface Case {
  name: string;
  today?: () => Promise<Sample>;
  now: () => Promise<Sample>;
  target?: string;
}

const cacheFor = (label: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `nimbus-bench-${label}-`));
const cases: Case[] = [];
const oldEnv = (notes: string) => ({ NOTES_DIR: notes, CACHE_DIR: 'off' });
const notesCache = cacheFor('notes');
const newEnv = (notes: string, cache: string) => ({ NOTES_DIR: notes, CACHE_DIR: cache });
cases.push({
  name: '`--help`',
  today: () => sample([...today, '--help'], oldEnv(notesDir)),
  now: () => sample([...now, '--help'], newEnv(notesDir, notesCache)),
});
cases.push({
  name: 'notes: one-shot `ask`',
  today: ask(today, oldEnv(notesDir)),
  now: ask(now, newEnv(notesDir, notesCache)),
  target: '≤ 1.0 s',
});
cases.push({
  name: 'notes: start → shell answers (question typed at once)',
  today: shell(today, oldEnv(notesDir)),
  now: shell(now, newEnv(notesDir, notesCache)),
  target: '≤ 1.0 s, ≤ 150 MB',
});
cases.push({
  name: 'notes: start → bot ready to connect (warm-up runs after, in slices)',
  today: bot(today, oldEnv(notesDir)),
  now: bot(now, newEnv(notesDir, notesCache)),
  target: '≤ 1.0 s, ≤ 150 MB',
});
const sagemaker = !args.quick && fs.existsSync(sagemakerDir);
const sagemakerCache = cacheFor('sagemaker');
if (sagemaker) {
  cases.push({
    name: 'SageMaker guide: one-shot `ask`',
    today: ask(today, oldEnv(sagemakerDir)),
    now: ask(now, newEnv(sagemakerDir, sagemakerCache)),
    target: '≤ 2.5 s',
  });
  cases.push({
    name: 'SageMaker guide: start → shell answers (question typed at once)',
    now: shell(now, newEnv(sagemakerDir, sagemakerCache)),
  });
}

// Warm the caches once (not counted), so "now" measures the start a restart or second run sees.
const anyWanted = (prefix: string): boolean => cases.some((c) => c.name.startsWith(prefix) && wanted(c.name));
if (anyWanted('notes') || anyWanted('`')) await sample([...now, 'ask', 'warm'], newEnv(notesDir, notesCache));
if (sagemaker && anyWanted('SageMaker')) await sample([...now, 'ask', 'warm'], newEnv(sagemakerDir, sagemakerCache));

const baseline = await median(() => sample(['-e', '0'], {}));
const fmt = (ms: number) => (ms / 1000).toFixed(2);
const rows: string[] = [];
// The baseline runs its own bin/ from its folder (BENCH_CWD), on the same notes and a cache of its own.
const baselineCases: Case[] = [];
const baselineCaches: string[] = [];
if (baselineRoot) {
  for (const c of cases.filter((c) => wanted(c.name))) {
    const cache = cacheFor('baseline');
    baselineCaches.push(cache);
    const env = (notes: string) => ({ NOTES_DIR: notes, CACHE_DIR: cache, BENCH_CWD: baselineRoot });
    const notes = c.name.startsWith('SageMaker') ? sagemakerDir : notesDir;
    const make = c.name.includes('bot')
      ? bot(then, env(notes))
      : c.name.includes('shell')
        ? shell(then, env(notes))
        : c.name.includes('ask')
          ? ask(then, env(notes))
          : () => sample([...then, '--help'], env(notes));
    await sample([...then, 'ask', 'warm'], env(notes));
    baselineCases.push({ name: `${c.name} (baseline)`, now: make });
  }
}
// Each case's variants are sampled in turn (now, today, baseline, now, …), so that a change in the
// machine's load during the run falls on all of them alike.
const chosen = cases.filter((c) => wanted(c.name));
const measured = new Map<Case, { now: Sample; today?: Sample }>();
for (const c of chosen) {
  const twin = baselineCases.find((b) => b.name === `${c.name} (baseline)`);
  const makers = [c.now, c.today, twin?.now];
  const [n, t, b] = await medians(makers.map((make) => make));
  measured.set(c, { now: n!, ...(t ? { today: t } : {}) });
  if (twin && b) measured.set(twin, { now: b });
}
for (const c of [...chosen, ...baselineCases]) {
  const { now: n, today: t } = measured.get(c)!;
  rows.push(
    `| ${c.name} | ${t ? fmt(t.ms) : '–'} | ${fmt(n.ms)} | ${t ? (t.ms / n.ms).toFixed(1) + '×' : '–'} | ${(n.ms / baseline.ms).toFixed(1)}× | ${t ? t.rssMB.toFixed(0) : '–'} | ${n.rssMB.toFixed(0)} | ${c.target ?? ''} |`,
  );
}

/** Cold parse: every file parsed (no cache), as `stats` measures it (Markdown to sections, no index). */
function markdownBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && isNoteFile(entry.name)) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
const parseRows: string[] = [];
for (const [name, dir] of [['notes', notesDir], ...(sagemaker ? [['SageMaker guide', sagemakerDir]] : [])].filter(
  ([name]) => wanted(`${name}: cold parse`),
) as [string, string][]) {
  const mb = markdownBytes(dir) / 1048576;
  // The baseline's row next to this checkout's, each the median of the runs, taken in turn.
  const variants: [string, string, string[]][] = [
    [name, root, now],
    ...(baselineRoot ? [[`${name} (baseline)`, baselineRoot, then] as [string, string, string[]]] : []),
  ];
  const loads = variants.map((): number[] => []);
  const cpus = variants.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, [, cwd, args]] of variants.entries()) {
      const run = await sample([...args, 'stats', '--json'], {
        NOTES_DIR: dir,
        CACHE_DIR: 'off',
        BENCH_CWD: cwd,
      });
      loads[k]!.push((JSON.parse(run.output.trim().split('\n').at(-1)!) as { loadMs: number }).loadMs);
      cpus[k]!.push(run.cpuMs);
    }
  }
  const middle = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;
  for (const [k, [label]] of variants.entries()) {
    const loadMs = middle(loads[k]!);
    parseRows.push(
      `| ${label} | ${mb.toFixed(1)} | ${fmt(loadMs)} | ${(mb / (loadMs / 1000)).toFixed(2)} | ${fmt(middle(cpus[k]!))} |`,
    );
  }
}

console.log(
  `\nStart-up (${runs} run${runs > 1 ? 's' : ''} each, median wall; peak RSS the largest; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; \`node -e 0\` ${fmt(baseline.ms)} s)`,
);
console.log(
  '| case | today s | now s | today / now | now / `node -e 0` | today MB | now MB | target |\n|---|---:|---:|---:|---:|---:|---:|---|',
);
console.log(rows.join('\n'));
console.log(
  '\nCold parse (no cache, one process; median; CPU: the whole `stats` process, every thread)\n| notes | MB of Markdown | parse s | MB/s | process CPU s |\n|---|---:|---:|---:|---:|',
);
console.log(parseRows.join('\n'));
for (const dir of [notesCache, sagemakerCache, ...baselineCaches]) fs.rmSync(dir, { recursive: true, force: true });

/**
 * Reload: a copy of the notes, loaded as the bot loads them (built code, cache folder); one file is
 * edited, then reloaded (worker: parse the file, index, hand over; main thread: swap) and asked.
 * As at the bot's start, the worker is started and prepared once start-up is done (not counted;
 * a checkout without `prepare` starts it at the first reload). "CPU s" is the whole process's
 * (main thread and workers) over the reload and the question.
 */
async function reloadRows(name: string, source: string, from = root): Promise<string[]> {
  const dist = (file: string) => import(pathToFileURL(path.join(from, 'dist/src', file)).href);
  const { KnowledgeLoader } = (await dist(
    'core/knowledge-loader.js',
  )) as typeof import('../src/core/knowledge-loader.js');
  const { LiveNotes } = (await dist('core/live-notes.js')) as typeof import('../src/core/live-notes.js');
  const { ask } = (await dist('core/ask.js')) as typeof import('../src/core/ask.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-bench-reload-'));
  const notes = path.join(dir, 'notes');
  fs.cpSync(source, notes, { recursive: true });
  const config = { NOTES_DIR: notes, NOTES_BASE_URL: undefined, NOTES_LINK_STYLE: 'site' as const };
  const options = { cacheDir: path.join(dir, 'cache'), log: () => {} };
  const first = await new KnowledgeLoader(config, options).load();
  const live = new LiveNotes(first.knowledge, first.fingerprint, { config, ...options });
  const prepared = 'prepare' in live;
  if (prepared) await live.prepare();
  const file = first.knowledge.library.notes[Math.floor(first.knowledge.library.notes.length / 2)]!.file;
  const rows: string[] = [];
  for (const [label, word] of [
    [prepared ? 'first (worker prepared at start)' : 'first (starts the worker)', 'zanzibarite'],
    ['second', 'quokkaphone'],
  ] as const) {
    fs.appendFileSync(
      path.join(notes, file),
      `\n## Reload probe ${word}\n\nThe ${word} paragraph was added for the reload benchmark.\n`,
    );
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const record = await live.reload('bench');
    const answered = ask(live.current.index, word).results[0]?.heading === `Reload probe ${word}`;
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    rows.push(
      `| ${name}: one-file edit, ${label} | ${fmt(ms)} | ${record.outcome} | ${record.parsed ?? 0} of ${(record.parsed ?? 0) + (record.reused ?? 0)} | ${answered ? 'yes' : 'NO'} | ${fmt((cpu.user + cpu.system) / 1000)} |`,
    );
    // As an editor's saves are: the next edit comes after the one before was reloaded and its cache
    // saved (the worker saves 0.5 s after a reload; 12 MB of notes take a few seconds on a busy machine).
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  await live.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
const reloads: string[] = [];
for (const [name, dir] of [['notes', notesDir], ...(sagemaker ? [['SageMaker guide', sagemakerDir]] : [])] as [
  string,
  string,
][]) {
  if (!wanted(`${name}: reload`)) continue;
  reloads.push(...(await reloadRows(name, dir)));
  if (baselineRoot) reloads.push(...(await reloadRows(`${name} (baseline)`, dir, baselineRoot)));
}
console.log(
  '\nReload while running (edit → swapped and answering; target ≤ 1 s notes, ≤ 3 s SageMaker guide)\n| case | s | outcome | files parsed | answers show the edit | CPU s |\n|---|---:|---|---:|---|---:|',
);
console.log(reloads.join('\n'));
