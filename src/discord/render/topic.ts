import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { TopicEntry, TopicFolder } from '../../core/topic-tree.js';
import { escapeDiscord } from '../../render/escape.js';
import type { NoteView } from '../../core/topics.js';
import { topicFolderPageId, topicNotePageId, topicSectionId, topicUpId, topicOpenId } from '../commands/topic-ids.js';
import { limits, truncate } from '../limits.js';
import { colours } from './embeds.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const SECTIONS_PER_PAGE = 15;
/** A folder page lists as many entries as one select menu holds. */
const ENTRIES_PER_PAGE = limits.selectOptions;

type Message = { embeds: APIEmbed[]; components: Row[] };

const pageCount = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage));
const clampPage = (page: number, pages: number) => Math.min(Math.max(0, page), pages - 1);
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const button = (label: string, customId: string, disabled = false): Row['components'][number] => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  label,
  custom_id: customId,
  disabled,
});

/** Previous/next buttons for page `current` of `pages` (none for a single page); ids stay distinct. */
function pageButtons(pages: number, current: number, idOf: (page: number) => string): Row['components'] {
  if (pages <= 1) return [];
  return [
    button('◀ Previous', idOf(Math.max(0, current - 1)), current === 0),
    button('Next ▶', idOf(Math.min(pages - 1, current + 1)), current >= pages - 1),
  ];
}

const keepEnd = (text: string, max: number) => (text.length <= max ? text : `…${text.slice(text.length - max + 1)}`);

const entryLine = (entry: TopicEntry): string =>
  entry.kind === 'folder'
    ? `📁 **${escapeDiscord(truncate(entry.title, 120))}** · ${plural(entry.notes, 'note')}`
    : `📄 ${escapeDiscord(truncate(entry.title, 120))}`;

/** What a menu option says under its label; a label cut at 100 characters goes on here, so long names sharing a start stay apart. */
function optionDescription(entry: TopicEntry): string {
  const about =
    entry.kind === 'folder' ? plural(entry.notes, 'note') : entry.description || plural(entry.sections, 'section');
  if (entry.title.length <= limits.selectLabel) return truncate(about, limits.selectDescription);
  const room = limits.selectDescription - Math.min(about.length, 30) - 3;
  return truncate(`${keepEnd(entry.title, room)} · ${about}`, limits.selectDescription);
}

/** One page of a folder: its entries, a menu to open one, paging and a way up. */
export function renderFolder(folder: TopicFolder, page: number): Message {
  const pages = pageCount(folder.entries.length, ENTRIES_PER_PAGE);
  const current = clampPage(page, pages);
  const shown = folder.entries.slice(current * ENTRIES_PER_PAGE, (current + 1) * ENTRIES_PER_PAGE);
  const embed: APIEmbed = {
    // The folders above, their nearest end kept when the whole path is too long.
    ...(folder.path.length ? { author: { name: keepEnd(folder.path.join(' › '), limits.embedAuthor) } } : {}),
    title: truncate(folder.title, limits.embedTitle),
    description: truncate(
      `${plural(folder.notes, 'note')}${folder.route ? '' : '. Pick a folder or a note below, or use `/topic name:`.'}\n\n${shown.map(entryLine).join('\n')}`,
      limits.embedDescription,
    ),
    footer: { text: `page ${current + 1} of ${pages}` },
    color: colours.answer,
  };
  const components: Row[] = [];
  if (shown.length)
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: topicOpenId.encode({}),
          placeholder: truncate(`Open a folder or note${pages > 1 ? ` (page ${current + 1} of ${pages})` : ''}`, 150),
          options: shown.map((entry) => ({
            label: truncate(entry.title, limits.selectLabel),
            value: entry.id,
            emoji: { name: entry.kind === 'folder' ? '📁' : '📄' },
            description: optionDescription(entry),
          })),
        },
      ],
    });
  const buttons = [
    ...(folder.parentId ? [button('⬆ Up', topicUpId.encode({ id: folder.parentId }))] : []),
    ...pageButtons(pages, current, (p) => topicFolderPageId.encode({ id: folder.id, page: p })),
  ];
  if (buttons.length) components.push({ type: ComponentType.ActionRow, components: buttons });
  return { embeds: [embed], components };
}

export function renderNotePage(view: NoteView, page: number): Message {
  const sections = view.sections.filter((s) => s.level > 0);
  const pages = pageCount(sections.length, SECTIONS_PER_PAGE);
  const current = clampPage(page, pages);
  const shown = sections.slice(current * SECTIONS_PER_PAGE, (current + 1) * SECTIONS_PER_PAGE);
  // Links make lines long (deep non-ASCII paths): a line that no longer fits loses its link, never half of it.
  const intro = truncate(view.description, 1000);
  let room = limits.embedDescription - intro.length - 4;
  const lines = shown.map((s, i) => {
    const indent = '\u2003'.repeat(Math.max(0, s.level - 2));
    const label = truncate(s.heading, 120).replace(/[[\]]/g, '');
    const linked = `${indent}• [${label}](${s.url})`;
    const later = (shown.length - i - 1) * 140; // the lines after this one, unlinked
    const line = s.url && linked.length + 1 <= room - later ? linked : `${indent}• ${label}`;
    room -= line.length + 1;
    return line;
  });
  const description = truncate(`${intro}\n\n${lines.join('\n')}`, limits.embedDescription);
  const embed: APIEmbed = {
    title: truncate(view.title, limits.embedTitle),
    ...(view.url ? { url: view.url } : {}),
    description,
    footer: {
      text: truncate(
        `${view.breadcrumb.join(' › ') || 'Notes'} · page ${current + 1} of ${pages}${view.url ? '' : ` · ${view.file}`}`,
        limits.footerText,
      ),
    },
    color: colours.answer,
  };
  const components: Row[] = [];
  if (shown.length) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: topicSectionId.encode({}),
          placeholder: 'Open a section',
          options: shown.map((s) => ({ label: truncate(s.heading, limits.selectLabel), value: s.key })),
        },
      ],
    });
  }
  const buttons: Row['components'] = [
    button('⬆ Folder', topicUpId.encode({ id: view.folderId })),
    ...pageButtons(pages, current, (p) => topicNotePageId.encode({ id: view.id, page: p })),
  ];
  if (view.url && view.url.length <= limits.buttonUrl)
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open the note', url: view.url });
  components.push({ type: ComponentType.ActionRow, components: buttons });
  return { embeds: [embed], components };
}
