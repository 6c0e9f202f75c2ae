import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openQuizStore } from '../../src/quiz/quiz-store.js';
import { EPHEMERAL, startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { notesDir, TOKEN } from './harness.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// Root writes to read-only files: run the process as "nobody" then, so read-only means read-only.
const asUser = process.getuid?.() === 0 ? 65534 : undefined;
// "nobody" must be able to reach the repo: every folder above it open to others.
const othersCanReach = (dir: string): boolean =>
  dir === path.dirname(dir) ? true : (fs.statSync(dir).mode & 0o001) !== 0 && othersCanReach(path.dirname(dir));
const runnable = asUser === undefined || othersCanReach(repoRoot);
if (!runnable) {
  console.warn(
    `bad-database process tests skipped: running as root, they run Nimbus as "nobody", who cannot reach ${repoRoot} (a folder above it is private). Clone into a folder others can read to run them.`,
  );
}

const dirs: string[] = [];
let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  bot = undefined;
  await fake?.close();
  fake = undefined;
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A healthy database that the process user can read but not write, in a folder it cannot write. */
function readOnlyDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-ro-'));
  dirs.push(dir);
  const file = path.join(dir, 'nimbus.db');
  openQuizStore(file).close();
  fs.chmodSync(file, 0o444);
  fs.chmodSync(dir, 0o555);
  return file;
}

function shell(input: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'shell', '--notes', notesDir], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', NO_COLOR: '1', DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    timeout: 60_000,
    ...(asUser !== undefined ? { uid: asUser, gid: asUser } : {}),
  });
}

describe.runIf(runnable)('a bad quiz database, process level', () => {
  it('the terminal shell: /quiz says what is wrong with which file, questions keep working', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-bad-'));
    dirs.push(dir);
    fs.chmodSync(dir, 0o777);
    const corrupt = path.join(dir, 'corrupt.db');
    fs.writeFileSync(corrupt, 'not a database\n'.repeat(500));
    fs.chmodSync(corrupt, 0o666);
    for (const [file, problem] of [
      [corrupt, 'is not a SQLite database'],
      [readOnlyDb(), 'cannot be written (read-only file, folder or file system)'],
    ] as const) {
      const before = fs.readFileSync(file);
      const run = shell('/quiz\nhow do lifecycle rules work?\n/quiz\n', { QUIZ_DB: file });
      expect(run.status).toBe(0);
      const lines = run.stdout.split('\n');
      const messages = lines.filter((l) => l.startsWith('Quiz storage is unavailable:'));
      expect(messages).toHaveLength(2);
      expect(messages[0]).toContain(`${file} ${problem}`);
      expect(run.stdout).toContain('Object storage › Lifecycle rules');
      expect(run.stderr).not.toMatch(/SqliteError|at .*\.ts:\d+/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('the bot with a read-only database: one JSON line, then /ask serves and /quiz says unavailable', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const file = readOnlyDb();
    bot = await startBotProcess(fake, { QUIZ_DB: file }, { uid: asUser });
    const line = await bot.waitForLog(
      (l) => String(l.msg).startsWith('quiz storage unavailable'),
      20_000,
      'the storage line',
    );
    expect(line).toMatchObject({ level: 50, file, code: expect.stringMatching(/^(EACCES|SQLITE_READONLY)/) });
    await bot.waitForLog((l) => l.msg === 'connected to Discord', 20_000, 'the connection');
    const ask = fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
    await ask.wait(5000);
    expect(fake.originalOf(ask)!.embeds[0]).toMatchObject({ title: 'Object storage › Lifecycle rules' });
    const quiz = fake.slashCommand({ name: 'quiz' });
    await quiz.wait(5000);
    expect(fake.originalOf(quiz)!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(fake.originalOf(quiz)!.content).toMatch(/^Quiz storage is unavailable right now/);
    expect(bot.logs.filter((l) => l.raw)).toEqual([]);
    expect(fake.violations).toEqual([]);
  }, 40_000);
});
