import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import { runCli } from '../helpers/run-cli.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { notesDir, TOKEN } from './harness.js';

// What `npm start` runs after `npm run build`: the esbuild bundle (scripts/bundle.mjs), built here
// into a folder of its own so that the test never depends on, or disturbs, the checkout's dist/.
// It finds what stays outside the bundle (better-sqlite3, the word lists) in node_modules, as dist/ does.
const repoRoot = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-bundle-'));
fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
const main = path.join(dir, 'bundle', 'main.js');
const notes = path.join(dir, 'notes');
let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

beforeAll(() => {
  const built = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { bundle } from './scripts/bundle.mjs'; await bundle(${JSON.stringify(repoRoot)}, ${JSON.stringify(path.dirname(main))});`,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`bundling failed:\n${built.stderr}`);
  fs.cpSync(notesDir, notes, { recursive: true });
}, 120_000);
afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await fake?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the production bundle', () => {
  it('answers the CLI exactly as the sources do, parsing cold and from its saved index', () => {
    const env = { NOTES_DIR: notes, CACHE_DIR: path.join(dir, 'cli-cache') };
    const question = ['ask', '--json', 'what moves objects to a cheaper storage class'];
    const fromSources = runCli(question, { env: { NOTES_DIR: notes, CACHE_DIR: 'off' } });
    expect(fromSources.status).toBe(0);
    const run = () =>
      spawnSync(process.execPath, [main, ...question], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          NO_COLOR: '1',
          DOTENV_CONFIG_PATH: '/nonexistent',
          LOG_LEVEL: 'debug',
          ...env,
        },
      });
    const cold = run();
    expect(cold.stderr).toContain('notes parsed and indexed');
    const warm = run();
    expect(warm.stderr).toContain('notes and index loaded from the cache');
    for (const result of [cold, warm]) {
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(fromSources.stdout);
    }
    expect(JSON.parse(fromSources.stdout).results.length).toBeGreaterThan(0);
  }, 120_000);

  it('runs the bot: connects, answers /ask and /quiz, and reloads an edited note in its worker', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    bot = await startBotProcess(
      fake,
      { NOTES_DIR: notes, CACHE_DIR: path.join(dir, 'bot-cache'), QUIZ_DB: path.join(dir, 'nimbus.db') },
      { entry: main },
    );
    await bot.waitForLog((l) => l.msg === 'connected to Discord', 30_000, 'the connection');
    // As in production, the first answers come after the warm-up (a busy test machine is slow to compile them).
    await bot.waitForLog((l) => l.msg === 'answer path warmed up', 60_000, 'the warm-up');
    const ask = async (question: string): Promise<APIEmbed | undefined> => {
      const handle = fake!.slashCommand({ name: 'ask', options: { question } });
      await handle.wait(10_000);
      return fake!.originalOf(handle)?.embeds[0] as APIEmbed | undefined;
    };
    expect(JSON.stringify(await ask('what moves objects to a cheaper class automatically'))).toMatch(/lifecycle/i);

    // The quiz questions are built in the background after the warm-up, not at the first quiz.
    await bot.waitForLog((l) => l.msg === 'quiz questions ready', 60_000, 'the quiz questions');
    const quiz = fake.slashCommand({ name: 'quiz', options: { private: true } });
    await quiz.wait(10_000);
    const posted = fake.originalOf(quiz)!;
    const buttons = (posted.components as { components: { custom_id: string }[] }[]).flatMap((r) => r.components);
    expect(buttons.some((b) => b.custom_id.startsWith('quiz.pick:'))).toBe(true);

    fs.appendFileSync(
      path.join(notes, 'cloud', 'storage.md'),
      '\n## Glacier vaults\n\nA vault lock freezes the quokkaphone retention policy of a vault.\n',
    );
    bot.child.kill('SIGHUP');
    await bot.waitForLog((l) => l.msg === 'notes reloaded' && l.outcome === 'swapped', 60_000, 'the reload');
    expect(JSON.stringify(await ask('what does a vault lock freeze'))).toContain('quokkaphone');
  }, 120_000);
});
