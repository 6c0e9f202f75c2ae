import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { AnswerResult, RevealSummary, RoundView } from '../../quiz/quiz-service.js';
import { quizNextId, quizPickId, quizRevealId } from '../commands/quiz-ids.js';
import { limits, truncate } from '../limits.js';
import { colours, linkTo } from './embeds.js';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A spoiler ends at the first "||", so the answer's own bars are escaped. */
const escapeSpoiler = (text: string): string => text.replace(/\|/g, '\\|');

const choiceLines = (round: RoundView): string => round.choices.map((c) => `**${c.letter}.** ${c.text}`).join('\n');

const sourceLine = (round: RoundView): string =>
  round.section ? `📖 ${linkTo(round.section.headingPath.join(' › '), round.section.url, round.section.file)}` : '';

/** The question as posted: the choices as buttons, plus Reveal for the asker. */
export function renderQuestion(round: RoundView): { embeds: APIEmbed[]; components: Row[] } {
  const closes = Math.floor(round.closesAt / 1000);
  const embed: APIEmbed = {
    title: truncate(`Quiz · ${round.noteTitle}`, limits.embedTitle),
    description: truncate(
      round.reveal !== undefined
        ? `${round.question}\n\nAnswer (click to show): ||${escapeSpoiler(round.reveal)}||\n\nDid you know it?`
        : `${round.question}\n\n${choiceLines(round)}`,
      limits.embedDescription,
    ),
    footer: {
      text: round.private
        ? 'Personal review: only you see this.'
        : 'Everyone can answer once. The answer shows when time is up or the asker reveals it.',
    },
    color: colours.quiz,
  };
  if (!round.private) embed.description += `\n\nReveals <t:${closes}:R>.`;
  const choiceRow: Row = {
    type: ComponentType.ActionRow,
    components: round.choices.map((c) => ({
      type: ComponentType.Button as const,
      style: ButtonStyle.Primary,
      label: truncate(`${c.letter}: ${c.text}`, limits.buttonLabel),
      custom_id: quizPickId.encode({ roundId: round.id, choice: c.letter }),
    })),
  };
  const components: Row[] = [choiceRow];
  if (!round.private) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Reveal',
          custom_id: quizRevealId.encode({ roundId: round.id }),
        },
      ],
    });
  }
  return { embeds: [embed], components };
}

/** What one user is told after answering (ephemeral for public rounds). */
export function renderAnswerResult(result: Extract<AnswerResult, { status: 'recorded' }>, round: RoundView): string {
  const verdict =
    round.reveal !== undefined
      ? result.correct
        ? '✅ Noted: you knew it, so it comes back later.'
        : '📝 Noted: it comes back soon.'
      : result.correct
        ? '✅ Correct!'
        : `❌ Not quite. The answer is **${result.correctLetter}. ${result.correctText}**.`;
  return truncate([verdict, result.explanation, sourceLine(round)].filter(Boolean).join('\n'), limits.content);
}

const mentionList = (ids: string[], max = 20): string => {
  if (ids.length === 0) return 'Nobody this time.';
  const shown = ids
    .slice(0, max)
    .map((id) => `<@${id}>`)
    .join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
};

/** The revealed question: right answer, counts per choice, who got it, explanation, link. */
export function renderReveal(
  summary: RevealSummary,
  options: { closedAfterRestart?: boolean } = {},
): { embeds: APIEmbed[]; components: Row[] } {
  const { round } = summary;
  const lines = round.choices.map((c) => {
    const mark = c.letter === summary.correctLetter ? '✅' : '▫️';
    const count = summary.counts[c.letter] ?? 0;
    return `${mark} **${c.letter}.** ${c.text} — ${count} ${count === 1 ? 'answer' : 'answers'}`;
  });
  const note = options.closedAfterRestart
    ? '\n\n*The bot restarted while this question was open; answers given before then are counted.*'
    : '';
  const embed: APIEmbed = {
    title: truncate(`Quiz · ${round.noteTitle} · answer`, limits.embedTitle),
    description: truncate(
      `${round.question}\n\n${lines.join('\n')}\n\n${summary.explanation}\n${sourceLine(round)}${note}`,
      limits.embedDescription,
    ),
    fields: [
      {
        name: `Got it right (${summary.correctUserIds.length} of ${summary.totalAnswers})`,
        value: truncate(mentionList(summary.correctUserIds), limits.fieldValue),
      },
    ],
    color: colours.quiz,
  };
  const next: Row = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: 'Next question',
        custom_id: quizNextId.encode({ roundId: round.id }),
      },
    ],
  };
  return { embeds: [embed], components: [next] };
}

/** A private round after the user answered: the verdict in place of the buttons. */
export function renderPrivateResult(
  result: Extract<AnswerResult, { status: 'recorded' }>,
  round: RoundView,
): { embeds: APIEmbed[]; components: Row[] } {
  const embed: APIEmbed = {
    title: truncate(`Review · ${round.noteTitle}`, limits.embedTitle),
    description: truncate(
      `${round.question}\n\n${choiceLines(round)}\n\n${renderAnswerResult(result, round)}`,
      limits.embedDescription,
    ),
    color: result.correct ? colours.quiz : colours.wrong,
  };
  const buttons: Row = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: 'Next question',
        custom_id: quizNextId.encode({ roundId: round.id }),
      },
    ],
  };
  return { embeds: [embed], components: [buttons] };
}
