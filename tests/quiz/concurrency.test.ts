import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQuizStore } from '../../src/quiz/quiz-store.js';
import { newRound, tempDbPath } from './support/fixtures.js';

const worker = path.resolve(import.meta.dirname, 'support/answer-worker.ts');

let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

/** Starts a worker process; resolves `ready` once it has the database open, `done` with its results. */
function startWorker(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ user: string; status: string }[]>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice('ready\n'.length)) as { user: string; status: string }[])
        : reject(new Error(`worker exited ${code}: ${err}`)),
    ),
  );
  return { ready, done };
}

describe('answers from several processes at once', () => {
  it('counts each of 50 users exactly once when 4 processes answer for all of them at the same time', async () => {
    const setup = openQuizStore(tmp.file);
    setup.createRound(newRound('r', { closesAt: Date.now() + 3_600_000 }));
    setup.close();
    const go = path.join(tmp.dir, 'go');
    const workers = [0, 13, 26, 39].map((offset) => startWorker([tmp.file, 'r', go, String(offset), '50']));
    await Promise.all(workers.map((w) => w.ready));
    fs.writeFileSync(go, '');
    const results = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(results).toHaveLength(200);
    for (let i = 0; i < 50; i++) {
      const statuses = results.filter((r) => r.user === `u${i}`).map((r) => r.status);
      expect(statuses.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'recorded']);
    }
    const store = openQuizStore(tmp.file);
    expect(store.answers('r')).toHaveLength(50);
    const board = store.leaderboard('g', 'u0', 100).top;
    expect(board).toHaveLength(50);
    expect(board.every((e) => e.answered === 1 && e.correct === (Number(e.userId.slice(1)) % 3 === 0 ? 1 : 0))).toBe(
      true,
    );
    store.close();
  });
});
