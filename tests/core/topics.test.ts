import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { matchByName, type NameKeys } from '../../src/core/name-match.js';
import { isNoteId, topicTree } from '../../src/core/topic-tree.js';
import { matchNotes } from '../../src/core/topics.js';
import { loadNotes } from '../../src/notes/load.js';

const keys = (t: { path: string; title: string }): NameKeys => ({ path: t.path, titles: [t.title] });
const items = [
  { path: 'storage/block', title: 'Block storage' },
  { path: 'storage/objects', title: 'Object storage' },
  { path: 'compute/instances', title: 'Instances' },
  { path: 'compute/storage-for-instances', title: 'Disks' },
];
const find = (name: string) => matchByName(items, name, keys).map((i) => i.path);

describe('matching a typed name (one matcher for /topic, /quiz topic: and the terminal)', () => {
  it('ranks a title or path, then the last part, a prefix, part of a name, then a close spelling', () => {
    expect(find('Object Storage')[0]).toBe('storage/objects');
    expect(find('storage/objects')[0]).toBe('storage/objects');
    expect(find('storage objects')[0]).toBe('storage/objects');
    expect(find('objects')[0]).toBe('storage/objects');
    expect(find('obj')).toEqual(['storage/objects']);
    // A prefix of the last part beats part of a title; equals keep the order given.
    expect(find('storage')).toEqual(['compute/storage-for-instances', 'storage/block', 'storage/objects']);
    expect(find('blok')).toEqual(['storage/block']);
    expect(find('Instnaces')).toEqual(['compute/instances']);
    expect(find('kubernetes')).toEqual([]);
  });

  it('returns everything in order for an empty name, and at most `limit`', () => {
    expect(find('')).toEqual(items.map((i) => i.path));
    expect(matchByName(items, 'storage', keys, 2)).toHaveLength(2);
  });
});

function writeTree(root: string): void {
  const note = (file: string, title: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), `# ${title}\n\nText about ${title}.\n\n## Part\n\nMore.\n`);
  };
  note('intro.md', 'Intro');
  for (const week of [10, 2, 1]) note(`week-${week}/notes.md`, `Week ${week} notes`);
  note('week-2/index.md', 'Week 2 overview');
  note('week-2/deep/deeper/last.md', 'Last one');
}

describe('the topic tree', () => {
  const dir = tempDir('nimbus-tree-unit');
  writeTree(dir);
  const library = loadNotes({ root: dir });
  const tree = topicTree(library);

  it('lists folders and notes in natural order, an index note first in its folder, with counts', () => {
    expect(tree.root.notes).toBe(library.notes.length);
    const titles = tree.root.entries.map((e) => `${e.kind}:${e.title}`);
    // A folder is titled as the loader titles it: here after its index note.
    expect(titles.filter((t) => t.startsWith('folder:'))).toEqual([
      'folder:Week 1',
      'folder:Week 2 overview',
      'folder:Week 10',
    ]);
    const week2 = tree.root.entries.find((e) => e.title === 'Week 2 overview')!;
    expect(week2.kind === 'folder' && week2.notes).toBe(3);
    const folder = tree.folder(week2.id)!;
    expect(folder.entries[0]!.kind).toBe('note');
    expect(folder.parentId).toBe(tree.root.id);
    const deeper = tree.folder(tree.folder(folder.entries.find((e) => e.kind === 'folder')!.id)!.entries[0]!.id)!;
    expect(deeper.path).toEqual(['Week 2 overview', 'Deep']);
    expect(tree.note(deeper.entries[0]!.id)!.title).toBe('Last one');
  });

  it('gives short ids that survive a reload of the same notes and resolve nothing else', () => {
    const again = topicTree(loadNotes({ root: dir }));
    expect(again).not.toBe(tree);
    for (const note of library.notes) {
      const id = tree.noteId(note);
      expect(id.length).toBeLessThanOrEqual(10);
      expect(isNoteId(id)).toBe(true);
      expect(again.note(id)!.route).toBe(note.route);
      for (const section of note.sections) expect(again.section(tree.sectionKey(section))!.id).toBe(section.id);
    }
    expect(tree.folder('fNotAnId00')).toBeUndefined();
    expect(tree.note(tree.root.id)).toBeUndefined();
  });

  it('matches note names through the same matcher', () => {
    expect(matchNotes(library, 'last')[0]!.title).toBe('Last one');
    expect(matchNotes(library, 'week 10 notse')[0]!.title).toBe('Week 10 notes');
  });
});
