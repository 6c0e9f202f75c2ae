import fs from 'node:fs';
import path from 'node:path';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { questionBank } from '../../src/quiz/bank.js';
import { allGeneratorKinds } from '../../src/quiz/generate/kinds.js';
import type { FakeMessage } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

// A real notes folder nobody wrote quiz questions for (SWR's docs, read in place).
const realDocs = path.resolve(import.meta.dirname, '../../../shared/corpora/real-notes/nextra-swr-site/en/docs');
const present = fs.existsSync(realDocs);
if (!present) console.warn(`skipping the generated-quiz e2e test: ${realDocs} not found`);

const embed0 = (m: { embeds: unknown[] }) => m.embeds[0] as APIEmbed;
const buttons = (m: { components: unknown[] }) =>
  (m.components as APIActionRowComponent<APIComponentInMessageActionRow>[]).flatMap((r) => r.components) as {
    custom_id: string;
    label: string;
  }[];

let h: Harness;
afterEach(() => h?.stop());

describe.runIf(present)('/quiz over the fake Discord on a real folder with no quiz front matter', () => {
  it('plays a round of generated questions by a misspelt topic, reveals it and counts it on the leaderboard', async () => {
    const library = loadNotes({ root: realDocs });
    expect(library.notes.every((n) => n.quiz.length === 0)).toBe(true);
    // Every kind, as a group that opts in to those still below the judged quality bar would.
    const bank = questionBank(library.notes, undefined, allGeneratorKinds);
    h = await startHarness({ env: { NOTES_DIR: realDocs, QUIZ_GENERATED_KINDS: 'all' } });

    const asker = h.fake.makeUser('Asker');
    const post = h.fake.slashCommand({ name: 'quiz', options: { topic: 'revalidaton' }, user: asker });
    await post.wait();
    const message: FakeMessage = h.fake.originalOf(post)!;
    expect(embed0(message).title).toBe('Quiz · Auto Revalidation');
    const description = embed0(message).description!;
    const question = bank.find((q) => q.noteRoute === 'revalidation' && description.startsWith(q.question))!;
    expect(question, description).toBeDefined();
    expect(question.origin).toBe('generated');
    const right = /\*\*([A-E])\.\*\*/.exec(
      description.split('\n').find((l) => l.endsWith(` ${question.answer}`))!,
    )![1]!;

    const player = h.fake.makeUser('Player');
    const pick = buttons(message).find(
      (b) => b.custom_id.startsWith('quiz.pick:') && b.custom_id.endsWith(`:${right}`),
    )!;
    const answer = h.fake.clickButton({ messageId: message.id, customId: pick.custom_id, user: player });
    await answer.wait();
    const reply = h.fake.originalOf(answer)!.content;
    expect(reply).toMatch(/^✅ Correct!\n/);
    expect(reply).toContain(question.explanation.slice(0, 40));
    expect(reply).toContain('https://notes.example.com/revalidation');

    const reveal = h.fake.clickButton({
      messageId: message.id,
      customId: buttons(message).find((b) => b.label === 'Reveal')!.custom_id,
      user: asker,
    });
    await reveal.wait();
    expect(embed0(h.fake.messages.get(message.id)!).fields![0]).toEqual({
      name: 'Got it right (1 of 1)',
      value: `<@${player.id}>`,
    });

    const board = h.fake.slashCommand({ name: 'leaderboard', user: player });
    await board.wait();
    expect(embed0(h.fake.originalOf(board)!).description).toMatch(/^🥇 <@\d+> — \*\*1\*\* correct · 100% of 1/);

    const review = h.fake.slashCommand({ name: 'quiz', options: { topic: 'pagination', private: true }, user: player });
    await review.wait();
    expect(embed0(h.fake.originalOf(review)!).title).toBe('Quiz · Pagination');
    expect(h.fake.violations).toEqual([]);
  }, 60_000);
});
