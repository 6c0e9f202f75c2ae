import type { APIEmbed } from 'discord.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

// Notes whose routes are longer than a choice value may be (100 characters): /quiz topic: must
// still offer them, with a value that fits and leads back to the topic.
const deepFolder = 'verteilte-systeme-und-datenbanken-fuer-fortgeschrittene/kapitel-drei-replikation-und-konsistenz';
const longNote = `${deepFolder}/uebersicht-der-quorum-verfahren-in-der-praxis`;
const quiz = (question: string, answer: string, wrong: string[]) =>
  `quiz:\n  - question: "${question}"\n    choices: [${[answer, ...wrong].map((c) => `"${c}"`).join(', ')}]\n    answer: "${answer}"\n    explanation: "${answer}."\n    section: details\n`;

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-long-topics-'));
  fs.mkdirSync(path.join(dir, deepFolder), { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${longNote}.md`),
    `---\n${quiz('How many replicas must agree in a majority quorum of five?', 'Three', ['Two', 'Five'])}---\n# Quorum-Verfahren\n\n## Details\n\nA majority quorum of five replicas needs three to agree.\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'short.md'),
    `---\n${quiz('What does a quorum read return?', 'The newest value', ['Any value', 'No value'])}---\n# Short\n\n## Details\n\nA quorum read returns the newest value.\n`,
  );
  h = await startHarness({ env: { NOTES_DIR: dir } });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('/quiz topic: autocomplete on routes over 100 characters', () => {
  it('offers the long topics with values that fit, and each value starts a question of that topic', async () => {
    expect(longNote.length).toBeGreaterThan(100);
    const ac = h.fake.autocomplete({ name: 'quiz', options: { topic: 'quorum' }, focused: 'topic' });
    const { choices } = (await ac.wait()).data as unknown as { choices: { name: string; value: string }[] };
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    const long = choices.find((c) => c.name.startsWith('Quorum-Verfahren'));
    expect(long?.value).toMatch(/^t[\w-]{9}$/);
    // With nothing typed every topic is offered: the folders above the note, whose routes fit, as they are.
    const all = h.fake.autocomplete({ name: 'quiz', options: { topic: '' }, focused: 'topic' });
    const every = ((await all.wait()).data as unknown as { choices: { name: string; value: string }[] }).choices;
    expect(every.map((c) => c.value).sort()).toEqual(
      ['verteilte-systeme-und-datenbanken-fuer-fortgeschrittene', deepFolder, long!.value, 'short'].sort(),
    );
    const handle = h.fake.slashCommand({ name: 'quiz', options: { topic: long!.value } });
    await handle.wait();
    const question = h.fake.originalOf(handle)!;
    expect((question.embeds[0] as APIEmbed).description).toContain(
      'How many replicas must agree in a majority quorum of five?',
    );
    const round = h.bot.context.store.openRoundsIn(question.channel_id, Date.now())[0]!;
    expect(round.topic).toBe(longNote);
    expect(h.fake.violations).toEqual([]);
  });
});
