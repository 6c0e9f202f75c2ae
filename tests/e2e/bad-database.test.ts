import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openQuizStore } from '../../src/quiz/quiz-store.js';
import { EPHEMERAL } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.stop();
  h = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-baddb-'));
  dirs.push(dir);
  return dir;
};

/** A real quiz database with enough score rows to span many pages. */
function healthyDb(file: string): void {
  const store = openQuizStore(file);
  const insert = store.db.prepare('INSERT INTO scores (guild_id, user_id, answered, correct) VALUES (?, ?, 1, 1)');
  store.db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run('g', `user-${i}`);
  })();
  store.close();
}

/** Overwrites every page after the first few: interior b-tree pages of the tables are garbage. */
function corruptInterior(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, 4096 * 3);
  return bytes;
}

const unavailable =
  /^Quiz storage is unavailable right now, so quizzes, scores and feedback are off\. `\/ask` and `\/topic` still work\./;

/** /ask and /topic answer; /quiz, /leaderboard and /quiz-stats say storage is unavailable. */
async function expectAskServesQuizRefuses(harness: Harness): Promise<void> {
  const ask = harness.fake.slashCommand({ name: 'ask', options: { question: 'how do lifecycle rules work?' } });
  await ask.wait();
  expect(harness.fake.originalOf(ask)!.embeds[0]).toMatchObject({ title: 'Object storage › Lifecycle rules' });
  const topic = harness.fake.slashCommand({ name: 'topic' });
  await topic.wait();
  expect(
    harness.fake.originalOf(topic)!.embeds.length + harness.fake.originalOf(topic)!.content.length,
  ).toBeGreaterThan(0);
  for (const name of ['quiz', 'leaderboard', 'quiz-stats']) {
    const handle = harness.fake.slashCommand({ name });
    await handle.wait();
    const reply = harness.fake.originalOf(handle)!;
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(unavailable);
  }
  expect(harness.fake.violations).toEqual([]);
}

const storageLines = (harness: Harness) =>
  harness.logs.filter((l) => String(l.msg).startsWith('quiz storage unavailable'));

describe('a bad quiz database never takes /ask down', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    [
      'not a database',
      (file) => fs.writeFileSync(file, 'just some text, not SQLite\n'.repeat(300)),
      /is not a SQLite database/,
    ],
    [
      'truncated',
      (file) => {
        healthyDb(file);
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      },
      /is damaged/,
    ],
    [
      'interior pages corrupt',
      (file) => {
        healthyDb(file);
        fs.writeFileSync(file, corruptInterior(file));
      },
      /is damaged/,
    ],
  ];
  for (const [name, prepare, problem] of cases) {
    it(`at start-up: ${name} — one clear log line, file untouched, quizzes off, /ask and /topic serve`, async () => {
      const file = path.join(tmp(), 'nimbus.db');
      prepare(file);
      const before = fs.readFileSync(file);
      h = await startHarness({ env: { QUIZ_DB: file } });
      await expectAskServesQuizRefuses(h);
      const lines = storageLines(h);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, file });
      expect(String(lines[0]!.problem)).toMatch(problem);
      expect(String(lines[0]!.fix)).toMatch(/restore|move it aside/i);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['nimbus.db']);
    });
  }

  it('a folder that cannot be created (a file is in the way): quizzes off, /ask serves', async () => {
    const blocker = path.join(tmp(), 'data');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    h = await startHarness({ env: { QUIZ_DB: path.join(blocker, 'nimbus.db') } });
    await expectAskServesQuizRefuses(h);
    expect(storageLines(h)).toHaveLength(1);
    expect(String(storageLines(h)[0]!.problem)).toMatch(/cannot be created or opened/);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the folder should be');
  });

  it('corruption found after connecting turns quizzes off once, and the bot keeps serving', async () => {
    const file = path.join(tmp(), 'nimbus.db');
    healthyDb(file);
    h = await startHarness({ env: { QUIZ_DB: file } });
    // The scores pages have not been read yet; damage them under the running bot.
    fs.writeFileSync(file, corruptInterior(file));
    const board = h.fake.slashCommand({ name: 'leaderboard' });
    await board.wait();
    expect(h.fake.originalOf(board)!.content).toMatch(unavailable);
    await expectAskServesQuizRefuses(h);
    expect(storageLines(h)).toHaveLength(1);
    expect(storageLines(h)[0]).toMatchObject({ code: 'SQLITE_CORRUPT', file });
    expect(h.logs.filter((l) => l.msg === 'interaction failed')).toEqual([]);
  });
});
