import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIStringSelectComponent,
} from 'discord.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL, type FakeMessage } from '../fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';

/*
 * A generated tree as big as real notes folders get: 1,500 notes, folders five deep (notes at
 * depth 6), 30 entries per folder on the way down, long and non-ASCII folder and file names.
 */
const LEVELS = 5;
const SIDE_FOLDERS = 29;
const NOTES_PER_SIDE = 10;
const DEEPEST_NOTES = 50;
const longName = (level: number) =>
  `Kapitel ${level} – Überblick über verteilte Systeme und Datenbanken für Fortgeschrittene (第${level}章 分散式系統)`;
const spineName = (level: number) => `${longName(level)} Hauptpfad`;
const noteTitle = (where: string, i: number) => `${where} Notiz ${i} – 筆記 ${i}`;

function writeNote(dir: string, file: string, title: string): void {
  fs.writeFileSync(
    path.join(dir, file),
    `# ${title}\n\nA short note about ${title}.\n\n## Details\n\nMore text about replication.\n\n## Summary\n\nDone.\n`,
  );
}

function generateTree(root: string): { deepestTitles: string[]; total: number } {
  let total = 0;
  let dir = root;
  for (let level = 1; level <= LEVELS; level++) {
    for (let s = 1; s <= SIDE_FOLDERS; s++) {
      const side = path.join(dir, `${longName(level)} ${s}`);
      fs.mkdirSync(side);
      for (let n = 1; n <= NOTES_PER_SIDE; n++, total++)
        writeNote(side, `notiz-${n}-ünïcödé.md`, noteTitle(`L${level}S${s}`, n));
    }
    dir = path.join(dir, spineName(level));
    fs.mkdirSync(dir);
  }
  const deepestTitles: string[] = [];
  for (let n = 1; n <= DEEPEST_NOTES; n++, total++) {
    deepestTitles.push(noteTitle('Tiefste Ebene', n));
    writeNote(dir, `筆記-${n}-tiefste-ebene.md`, deepestTitles.at(-1)!);
  }
  return { deepestTitles, total };
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
const embed0 = (m: FakeMessage) => m.embeds[0] as APIEmbed;
const rows = (m: FakeMessage) => m.components as unknown as Row[];
const menu = (m: FakeMessage) => rows(m)[0]!.components[0] as APIStringSelectComponent;
const buttons = (m: FakeMessage) =>
  rows(m)
    .slice(1)
    .flatMap((r) => r.components)
    .filter((c): c is APIButtonComponentWithCustomId => 'custom_id' in c);
const button = (m: FakeMessage, label: string) => buttons(m).find((b) => b.label?.includes(label));

let h: Harness;
let dir: string;
let tree: ReturnType<typeof generateTree>;
// Loading 1,500 notes takes a few seconds alone, far longer on a loaded CI machine.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-tree-'));
  tree = generateTree(dir);
  h = await startHarness({ env: { NOTES_DIR: dir } });
}, 120_000);
afterAll(async () => {
  await h?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('/topic over a 1,500-note tree six levels deep', () => {
  it('walks every level with paging, reaches a note at depth 6, and stays within Discord limits', async () => {
    expect(tree.total).toBe(1500);
    const start = h.fake.slashCommand({ name: 'topic' });
    await start.wait();
    const root = h.fake.originalOf(start)!;
    expect(embed0(root).description).toMatch(/^1,500 notes/);

    /** Pages through the folder shown in `messageId` to its end and back, returning every option label and value. */
    const pageThrough = async (messageId: string) => {
      const seen: { label: string; value: string; page: number }[] = [];
      for (let page = 0; ; page++) {
        const m = h.fake.messages.get(messageId)!;
        expect(embed0(m).footer!.text).toMatch(new RegExp(`^page ${page + 1} of \\d+$`));
        for (const o of menu(m).options) seen.push({ label: o.label, value: o.value, page });
        const next = button(m, 'Next')!;
        if (next.disabled) break;
        const click = h.fake.clickButton({ messageId, customId: next.custom_id });
        expect((await click.wait()).type).toBe(7);
      }
      return seen;
    };
    /** From the last page back to `page` with Previous. */
    const backTo = async (messageId: string, page: number) => {
      let m = h.fake.messages.get(messageId)!;
      while (!embed0(m).footer!.text.startsWith(`page ${page + 1} `)) {
        const click = h.fake.clickButton({ messageId, customId: button(m, 'Previous')!.custom_id });
        await click.wait();
        m = h.fake.messages.get(messageId)!;
      }
      return m;
    };

    let messageId = root.id;
    for (let level = 1; level <= LEVELS; level++) {
      const entries = await pageThrough(messageId);
      // 29 side folders and the way down (the root); the same plus nothing else below.
      expect(entries).toHaveLength(SIDE_FOLDERS + 1);
      expect(new Set(entries.map((e) => e.value)).size).toBe(entries.length);
      // Natural order: "… 2" before "… 10".
      const labels = entries.map((e) => e.label);
      expect(labels.indexOf(`${longName(level)} 2`)).toBeGreaterThanOrEqual(0);
      expect(labels.indexOf(`${longName(level)} 2`)).toBeLessThan(labels.indexOf(`${longName(level)} 10`));
      // The way down: its long name is cut to a select label's 100 characters.
      const down = entries.find((e) => e.label === spineName(level) || e.label.endsWith('…'));
      expect(spineName(level).startsWith(down!.label.slice(0, -1))).toBe(true);
      expect(down).toBeDefined();
      const m = await backTo(messageId, down!.page);
      const pick = h.fake.selectMenu({ messageId, customId: menu(m).custom_id, values: [down!.value] });
      const callback = await pick.wait();
      if (level === 1) {
        // From the shared list, browsing goes on in a private message.
        const reply = h.fake.originalOf(pick)!;
        expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
        messageId = reply.id;
      } else expect(callback.type).toBe(7);
      const folder = embed0(h.fake.messages.get(messageId)!);
      expect(folder.title).toBe(spineName(level));
      if (level > 1) expect(folder.author!.name).toMatch(new RegExp(`Kapitel ${level - 1} .* Hauptpfad$`));
    }

    // The deepest folder: 50 notes, two pages, in natural order.
    const notes = await pageThrough(messageId);
    expect(notes.map((n) => n.label)).toEqual(tree.deepestTitles);
    const last = notes.at(-1)!;
    const m = h.fake.messages.get(messageId)!;
    const open = h.fake.selectMenu({ messageId, customId: menu(m).custom_id, values: [last.value] });
    await open.wait();
    const note = h.fake.messages.get(messageId)!;
    expect(embed0(note).title).toBe(tree.deepestTitles.at(-1));
    expect(embed0(note).description).toContain('Details');
    expect(embed0(note).footer!.text).toContain('Hauptpfad');
    // A section of the note opens privately.
    const section = h.fake.selectMenu({
      messageId,
      customId: menu(note).custom_id,
      values: [menu(note).options[0]!.value],
    });
    await section.wait();
    expect(embed0(h.fake.originalOf(section)!).description).toContain('More text about replication.');
    // And back up to the folder.
    const up = h.fake.clickButton({ messageId, customId: button(note, 'Folder')!.custom_id });
    await up.wait();
    expect(embed0(h.fake.messages.get(messageId)!).title).toBe(spineName(LEVELS));

    const ids = [...h.fake.messages.values()].flatMap((msg) =>
      (msg.components as unknown as Row[]).flatMap((r) =>
        r.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
      ),
    );
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(h.fake.violations).toEqual([]);
  }, 60_000);

  it('autocompletes note names with at most 25 valid choices, and opens one deep in the tree', async () => {
    for (const typed of ['', '筆記 4', 'tiefste ebene notiz 50', 'L5S29', 'notiz']) {
      const ac = h.fake.autocomplete({ name: 'topic', options: { name: typed }, focused: 'name' });
      const { choices } = (await ac.wait()).data as unknown as { choices: { name: string; value: string }[] };
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    const ac = h.fake.autocomplete({ name: 'topic', options: { name: 'Tiefste Ebene Notiz 50' }, focused: 'name' });
    const { choices } = (await ac.wait()).data as unknown as { choices: { name: string; value: string }[] };
    expect(choices[0]!.name).toMatch(/^Tiefste Ebene Notiz 50 – 筆記 50 · … › Kapitel 5 /);
    const handle = h.fake.slashCommand({ name: 'topic', options: { name: choices[0]!.value } });
    await handle.wait();
    expect(embed0(h.fake.originalOf(handle)!).title).toBe(tree.deepestTitles.at(-1));
    expect(h.fake.violations).toEqual([]);
  });
});
