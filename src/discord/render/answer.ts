import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Answer, AskResult } from '../../core/ask.js';
import { askFeedbackId, askMoreId, askSendId } from '../commands/ask-ids.js';
import { topicSectionId } from '../commands/topic-ids.js';
import { escapeDiscord } from '../../render/escape.js';
import { excerptMarkdown } from '../../render/markdown-excerpt.js';
import { limits, truncate, truncateMarkdown } from '../limits.js';
import { colours, fitEmbeds, linkTo, sectionEmbed } from './embeds.js';
import { fileLine, sectionLocation } from '../../notes/location.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const asSection = (r: AskResult) => ({
  headingPath: r.headingPath,
  url: r.url,
  noteTitle: r.title,
  file: r.file,
  line: r.line,
});

export interface AnswerMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
}

/** The /ask reply: the best section as an embed, the next ones as links, and the buttons. */
export function renderAnswer(answer: Answer, options: { key: string; isPrivate: boolean }): AnswerMessage {
  if (!answer.confident) return renderMiss(answer);
  const [best, ...others] = answer.results;
  const embed = sectionEmbed(asSection(best!), answerText(answer, excerptMarkdown(best!.excerpt)));
  if (others.length) {
    const lines = others.map((r) => `• ${linkTo(r.headingPath.join(' › '), r.url, fileLine(r))}`);
    let value = '';
    for (const line of lines)
      if (value.length + line.length + 1 <= limits.fieldValue) value += (value ? '\n' : '') + line;
    embed.fields = [{ name: 'See also', value }];
  }
  const button = (
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    id: string,
    label: string | { emoji: string },
  ): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style,
    custom_id: id,
    ...(typeof label === 'string' ? { label } : { emoji: { name: label.emoji } }),
  });
  const buttons: Row = {
    type: ComponentType.ActionRow,
    components: [
      ...(others.length ? [button(ButtonStyle.Secondary, askMoreId.encode({ key: options.key }), 'More results')] : []),
      button(ButtonStyle.Secondary, askFeedbackId.encode({ key: options.key, vote: 'up' }), { emoji: '👍' }),
      button(ButtonStyle.Secondary, askFeedbackId.encode({ key: options.key, vote: 'down' }), { emoji: '👎' }),
      ...(options.isPrivate
        ? [button(ButtonStyle.Primary, askSendId.encode({ key: options.key }), 'Send in chat')]
        : []),
    ],
  };
  return { embeds: fitEmbeds([embed]), components: [buttons] };
}

/** The answer line in bold, the excerpt, and what the section lacks ("Missing: max, size"). */
function answerText(answer: Answer, excerpt: string): string {
  const parts = [excerpt];
  if (answer.answerLine) parts.unshift(`**${escapeDiscord(answer.answerLine)}**`);
  // Missing goes first when the text is cut to the embed's limit, so it is written before the excerpt is trimmed.
  const missing = answer.missing?.length ? `\n\n*Missing: ${escapeDiscord(answer.missing.join(', '))}*` : '';
  const body = parts.join('\n\n');
  return truncateMarkdown(body, limits.embedDescription - missing.length) + missing;
}

function renderMiss(answer: Answer): AnswerMessage {
  if (answer.reason === 'empty-question') {
    return {
      content: 'Ask me something about the notes, for example `/ask question: what are the S3 storage classes?`',
      embeds: [],
      components: [],
    };
  }
  const suggestions = answer.results.slice(0, 3);
  const content = suggestions.length
    ? `The notes don't cover that. Did you mean:\n${suggestions.map((r) => `• ${linkTo(r.headingPath.join(' › '), r.url, sectionLocation(r))}`).join('\n')}`
    : "The notes don't cover that. Try other words, or browse with `/topic`.";
  const options = suggestions.filter((r) => r.id.length <= limits.selectValue);
  const components: Row[] = options.length
    ? [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: topicSectionId.encode({}),
              placeholder: 'Open one of these sections',
              options: options.map((r) => ({
                label: truncate(r.headingPath.slice(-2).join(' › '), limits.selectLabel),
                value: r.id,
                description: truncate(r.title, limits.selectDescription),
              })),
            },
          ],
        },
      ]
    : [];
  return { content: truncate(content, limits.content), embeds: [], components };
}

/** Results after the first, each as its own embed with its own excerpt and distinct link. */
export function renderMoreResults(answer: Answer): APIEmbed[] {
  return fitEmbeds(
    answer.results.slice(1).map((r) => sectionEmbed(asSection(r), excerptMarkdown(r.excerpt), colours.answer)),
  );
}
