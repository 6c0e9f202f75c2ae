import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { NoteView, TopicList } from '../../core/topics.js';
import { customId } from '../custom-id.js';
import { limits, truncate } from '../limits.js';
import { colours, fitEmbeds } from './embeds.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const SECTIONS_PER_PAGE = 15;
/** The root index note has the empty route; select values cannot be empty. */
export const routeValue = (route: string): string => route || '/';

export function renderTopicList(list: TopicList): { embeds: APIEmbed[]; components: Row[] } {
  const fields = list.areas.slice(0, limits.embedFields).map((area) => {
    let value = '';
    for (const note of area.notes) {
      const line = `• ${note.title}`;
      if (value.length + line.length + 1 > limits.fieldValue - 2) {
        value += '\n…';
        break;
      }
      value += (value ? '\n' : '') + line;
    }
    return { name: truncate(area.title, limits.fieldName), value: value || '—' };
  });
  // One select menu per area (25 notes each at most), within Discord's five rows.
  const components: Row[] = [];
  for (const area of list.areas) {
    for (
      let start = 0;
      start < area.notes.length && components.length < limits.actionRows;
      start += limits.selectOptions
    ) {
      const notes = area.notes
        .slice(start, start + limits.selectOptions)
        .filter((n) => routeValue(n.route).length <= limits.selectValue);
      if (!notes.length) continue;
      components.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: customId('topic.note', components.length),
            placeholder: truncate(`Open a note: ${area.title}`, 150),
            options: notes.map((n) => ({
              label: truncate(n.title, limits.selectLabel),
              value: routeValue(n.route),
              description: truncate(n.description || `${n.sections} sections`, limits.selectDescription),
            })),
          },
        ],
      });
    }
  }
  const total = list.areas.reduce((n, a) => n + a.notes.length, 0);
  return {
    embeds: fitEmbeds([
      {
        title: 'Study notes',
        description: `${total} notes. Pick one below, or use \`/topic name:\`.`,
        fields,
        color: colours.answer,
      },
    ]),
    components,
  };
}

export function renderNotePage(view: NoteView, page: number): { embeds: APIEmbed[]; components: Row[] } {
  const sections = view.sections.filter((s) => s.level > 0);
  const pages = Math.max(1, Math.ceil(sections.length / SECTIONS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = sections.slice(current * SECTIONS_PER_PAGE, (current + 1) * SECTIONS_PER_PAGE);
  const lines = shown.map((s) => {
    const indent = '\u2003'.repeat(Math.max(0, s.level - 2));
    const label = truncate(s.heading, 120).replace(/[[\]]/g, '');
    return `${indent}• ${s.url ? `[${label}](${s.url})` : label}`;
  });
  const description = truncate(`${view.description}\n\n${lines.join('\n')}`, limits.embedDescription);
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
  const selectable = shown.filter((s) => s.id.length <= limits.selectValue);
  if (selectable.length) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId('topic.section'),
          placeholder: 'Open a section',
          options: selectable.map((s) => ({ label: truncate(s.heading, limits.selectLabel), value: s.id })),
        },
      ],
    });
  }
  const route = routeValue(view.route);
  const buttons: Row['components'] = [];
  if (pages > 1 && customId('topic.page', route, 0).length <= limits.customId - 3) {
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: '◀ Previous',
        custom_id: customId('topic.page', route, current - 1),
        disabled: current === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Next ▶',
        custom_id: customId('topic.page', route, current + 1),
        disabled: current >= pages - 1,
      },
    );
  }
  if (view.url)
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open the note', url: view.url });
  if (buttons.length) components.push({ type: ComponentType.ActionRow, components: buttons });
  return { embeds: [embed], components };
}
