import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIStringSelectComponent,
} from 'discord.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const embed0 = (m: { embeds: unknown[] }) => m.embeds[0] as APIEmbed;
const rows = (m: { components: unknown[] }) => m.components as APIActionRowComponent<APIComponentInMessageActionRow>[];
const select = (m: { components: unknown[] }, row = 0) => rows(m)[row]!.components[0] as APIStringSelectComponent;

describe('/topic through the fake Discord', () => {
  it('browses folders with a menu: the shared list stays, browsing goes on privately', async () => {
    const handle = h.fake.slashCommand({ name: 'topic' });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    expect(embed0(message).title).toBe('Study notes');
    expect(embed0(message).description).toContain('📄 Welcome\n📁 **Cloud basics** · 2 notes');
    const labels = select(message).options.map((o) => o.label);
    expect(labels).toEqual(['Welcome', 'Cloud basics']);
    const cloud = select(message).options[1]!.value;
    // Opening a folder from the shared message answers privately, so browsing does not change it.
    const pick = h.fake.selectMenu({ messageId: message.id, customId: select(message).custom_id, values: [cloud] });
    await pick.wait();
    const folder = h.fake.originalOf(pick)!;
    expect(folder.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embed0(folder).title).toBe('Cloud basics');
    expect(select(folder).options.map((o) => o.label)).toEqual(['Object storage', 'Compute']);
    // Inside the private message, opening a note changes it in place; "Folder" goes back up.
    const compute = select(folder).options[1]!.value;
    const open = h.fake.selectMenu({ messageId: folder.id, customId: select(folder).custom_id, values: [compute] });
    expect((await open.wait()).type).toBe(7);
    const note = h.fake.messages.get(folder.id)!;
    expect(embed0(note).title).toBe('Compute');
    const upId = (rows(note).at(-1)!.components[0] as { custom_id: string }).custom_id;
    const back = h.fake.clickButton({ messageId: folder.id, customId: upId });
    expect((await back.wait()).type).toBe(7);
    expect(embed0(h.fake.messages.get(folder.id)!).title).toBe('Cloud basics');
    expect(embed0(h.fake.messages.get(message.id)!).title).toBe('Study notes');
    expect(h.fake.violations).toEqual([]);
  });

  it('says so, privately, when a menu names a folder or note that is no longer in the notes', async () => {
    const handle = h.fake.slashCommand({ name: 'topic' });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    // The same message, as rendered from notes since reloaded without that folder and note.
    const staleMenu = {
      ...select(message),
      options: ['fGoneGone0', 'nGoneGone0'].map((v) => ({ label: v, value: v })),
    };
    const staleNext = { type: 2, style: 2, label: 'Next ▶', custom_id: 'topic.dir:fGoneGone0:1' };
    h.fake.messages.set(message.id, {
      ...message,
      components: [
        { type: 1, components: [staleMenu] },
        { type: 1, components: [staleNext] },
      ],
    });
    for (const value of ['fGoneGone0', 'nGoneGone0']) {
      const stale = h.fake.selectMenu({ messageId: message.id, customId: staleMenu.custom_id, values: [value] });
      await stale.wait();
      const reply = h.fake.originalOf(stale)!;
      expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toMatch(/^That (folder|note) is no longer in the notes/);
    }
    const forged = h.fake.clickButton({ messageId: message.id, customId: staleNext.custom_id });
    await forged.wait();
    expect(h.fake.originalOf(forged)!.content).toMatch(/^That folder is no longer in the notes/);
    const malformed = h.fake.clickButton({
      messageId: message.id,
      customId: staleNext.custom_id,
      forgedCustomId: 'topic.dir:fGoneGone0:-1:x',
    });
    await malformed.wait();
    expect(h.fake.originalOf(malformed)!.content).toMatch(/older version of the bot/);
    const byName = h.fake.slashCommand({ name: 'topic', options: { name: 'nGoneGone0' } });
    await byName.wait();
    expect(h.fake.originalOf(byName)!.content).toMatch(/^That note is no longer in the notes/);
    expect(h.fake.violations).toEqual([]);
  });

  it('opens a note by name with its summary, sections, a section menu and a link button', async () => {
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: 'object storage' } });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    const embed = embed0(message);
    expect(embed.title).toBe('Object storage');
    expect(embed.url).toBe('https://notes.example.com/cloud/storage');
    expect(embed.description).toContain('Buckets, storage classes and lifecycle rules.');
    expect(embed.description).toContain('[Lifecycle rules](https://notes.example.com/cloud/storage#lifecycle-rules)');
    expect(select(message).options.map((o) => o.label)).toEqual([
      'Buckets and objects',
      'Storage classes compared',
      'Lifecycle rules',
      'Versioning keeps old copies',
    ]);
    const link = rows(message)[1]!.components.at(-1) as { style: number; url: string };
    expect(link).toMatchObject({ style: 5, url: 'https://notes.example.com/cloud/storage' });

    const open = h.fake.selectMenu({
      messageId: message.id,
      customId: select(message).custom_id,
      values: [select(message).options[1]!.value],
    });
    await open.wait();
    const section = h.fake.originalOf(open)!;
    expect(embed0(section).title).toBe('Object storage › Storage classes compared');
    expect(embed0(section).description).toContain('Deep Archive · Archives restored within hours');
    expect(h.fake.violations).toEqual([]);
  });

  it('autocompletes note names and opens the chosen value', async () => {
    const ac = h.fake.autocomplete({ name: 'topic', options: { name: 'comp' }, focused: 'name' });
    const result = await ac.wait();
    const { choices } = result.data as unknown as { choices: { name: string; value: string }[] };
    expect(choices.map((c) => c.name)).toEqual(['Compute · Cloud basics']);
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: choices[0]!.value } });
    await handle.wait();
    expect(embed0(h.fake.originalOf(handle)!).title).toBe('Compute');
  });

  it('autocompletes folders too: a folder choice opens its folder page', async () => {
    const ac = h.fake.autocomplete({ name: 'topic', options: { name: 'cloud' }, focused: 'name' });
    const { choices } = (await ac.wait()).data as unknown as { choices: { name: string; value: string }[] };
    const folder = choices.find((c) => c.name === '📁 Cloud basics (2 notes)');
    expect(folder?.value).toMatch(/^f[\w-]{9}$/);
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: folder!.value } });
    await handle.wait();
    const page = h.fake.originalOf(handle)!;
    expect(embed0(page).title).toBe('Cloud basics');
    expect(select(page).options.map((o) => o.label)).toEqual(['Object storage', 'Compute']);
    // A folder id from before a reload that removed the folder: said so, privately.
    const stale = h.fake.slashCommand({ name: 'topic', options: { name: 'fAAAAAAAAA' } });
    await stale.wait();
    expect(h.fake.originalOf(stale)!.content).toMatch(/^That folder is no longer in the notes/);
    expect(h.fake.violations).toEqual([]);
  });

  it('answers an unknown name privately with suggestions', async () => {
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: 'quantum storage' } });
    await handle.wait();
    const reply = h.fake.originalOf(handle)!;
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toBe('No note matches "quantum storage". Did you mean: Object storage?');
  });

  it('pages through a long note with previous and next buttons', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-long-'));
    const body = Array.from({ length: 20 }, (_, i) => `## Part ${i + 1}\n\nText of part ${i + 1}.\n`).join('\n');
    fs.writeFileSync(
      path.join(dir, 'long.md'),
      `---\ntitle: Long note\ndescription: Many parts.\ntags: [x]\n---\n\n# Long note\n\nIntro.\n\n${body}`,
    );
    const long = await startHarness({ env: { NOTES_DIR: dir } });
    try {
      const handle = long.fake.slashCommand({ name: 'topic', options: { name: 'long' } });
      await handle.wait();
      const message = long.fake.originalOf(handle)!;
      expect(embed0(message).footer!.text).toContain('page 1 of 2');
      expect(select(message).options).toHaveLength(15);
      const [, previous, next] = rows(message)[1]!.components as { custom_id: string; disabled?: boolean }[];
      expect(previous!.disabled).toBe(true);
      const click = long.fake.clickButton({ messageId: message.id, customId: next!.custom_id });
      const callback = await click.wait();
      expect(callback.type).toBe(7);
      const updated = long.fake.messages.get(message.id)!;
      expect(embed0(updated).footer!.text).toContain('page 2 of 2');
      expect(select(updated).options.map((o) => o.label)).toEqual([
        'Part 16',
        'Part 17',
        'Part 18',
        'Part 19',
        'Part 20',
      ]);
      expect(long.fake.violations).toEqual([]);
    } finally {
      await long.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
