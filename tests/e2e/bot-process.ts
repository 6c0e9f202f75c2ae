import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import { notesDir, TOKEN } from './harness.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  /** Parsed JSON log lines from stderr so far. */
  logs: Record<string, unknown>[];
  /** Everything written to stderr / stdout. */
  stderr(): string;
  stdout(): string;
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `nimbus bot` as a real process (the way a supervisor runs it), logged in to a fake Discord. */
export async function startBotProcess(
  fake: FakeDiscord,
  env: Record<string, string>,
  options: {
    uid?: number;
    /** What node runs instead of the sources through tsx, e.g. a built bundle's main.js. */
    entry?: string;
  } = {},
): Promise<BotProcess> {
  const fullEnv = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: fake.apiBase,
    NOTES_DIR: notesDir,
    LOG_LEVEL: 'debug',
    QUIZ_RATE_USER: 'off',
    QUIZ_RATE_CHANNEL: 'off',
    ...env,
  };
  await deployCommands(parseConfig(fullEnv), fake.guild.id);
  const entry = options.entry ? [options.entry] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, [...entry, 'bot'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: options.uid ? '/tmp' : (process.env.HOME ?? ''),
      NO_COLOR: '1',
      DOTENV_CONFIG_PATH: '/nonexistent',
      ...fullEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  let err = '';
  let out = '';
  const logs: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (chunk) => (out += String(chunk)));
  let pending = '';
  child.stderr!.on('data', (chunk) => {
    err += String(chunk);
    pending += String(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line, raw: true });
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  void exited.then(() => {
    for (const wake of waiters) wake();
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    logs,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitForLog(match, timeoutMs = 20_000, what = 'a log line') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          } else if (done) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`bot exited before ${what}; stderr:\n${err.slice(-2000)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; stderr:\n${err.slice(-2000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
