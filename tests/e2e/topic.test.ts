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
  it('lists the areas and notes with a menu to open one', async () => {
    const handle = h.fake.slashCommand({ name: 'topic' });
    await handle.wait();
    const message = h.fake.originalOf(handle)!;
    expect(embed0(message).fields!.map((f) => f.name)).toEqual(['General', 'Cloud basics']);
    expect(embed0(message).fields![1]!.value).toBe('• Object storage\n• Compute');
    expect(select(message, 1).options.map((o) => o.value)).toEqual(['cloud/storage', 'cloud/compute']);
    // Opening a note from the menu answers privately, so browsing does not change the shared message.
    const pick = h.fake.selectMenu({
      messageId: message.id,
      customId: select(message, 1).custom_id,
      values: ['cloud/compute'],
    });
    await pick.wait();
    const opened = h.fake.originalOf(pick)!;
    expect(opened.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embed0(opened).title).toBe('Compute');
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
    expect(select(message).options.map((o) => o.value)).toEqual([
      'cloud/storage#buckets-and-objects',
      'cloud/storage#storage-classes-compared',
      'cloud/storage#lifecycle-rules',
      'cloud/storage#versioning-keeps-old-copies',
    ]);
    const link = rows(message)[1]!.components[0] as { style: number; url: string };
    expect(link).toMatchObject({ style: 5, url: 'https://notes.example.com/cloud/storage' });

    const open = h.fake.selectMenu({
      messageId: message.id,
      customId: select(message).custom_id,
      values: ['cloud/storage#storage-classes-compared'],
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
    expect((result.data as unknown as { choices: unknown[] }).choices).toEqual([
      { name: 'Cloud basics › Compute', value: 'cloud/compute' },
    ]);
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: 'cloud/compute' } });
    await handle.wait();
    expect(embed0(h.fake.originalOf(handle)!).title).toBe('Compute');
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
      const [previous, next] = rows(message)[1]!.components as { custom_id: string; disabled?: boolean }[];
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
