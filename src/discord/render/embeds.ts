import type { APIEmbed } from 'discord.js';
import type { Section } from '../../notes/types.js';
import { embedChars, limits, truncate, truncateMarkdown } from '../limits.js';
import { fileLine } from '../../notes/location.js';

export const colours = { answer: 0x5865f2, miss: 0xfee75c, quiz: 0x57f287, wrong: 0xed4245 } as const;

export function linkTo(label: string, url: string | null, fallback: string): string {
  const text = truncate(label, 200).replace(/[[\]]/g, '');
  return url ? `[${text}](${url})` : `${text} (${fallback})`;
}

/** An embed showing a section: heading path as title, its link, an excerpt, the note in the footer. */
export function sectionEmbed(
  section: Pick<Section, 'headingPath' | 'url' | 'noteTitle' | 'file' | 'line'>,
  description: string,
  colour: number = colours.answer,
): APIEmbed {
  return {
    title: truncate(section.headingPath.join(' › '), limits.embedTitle),
    ...(section.url ? { url: section.url } : {}),
    description: truncateMarkdown(description || '*(This section has no text.)*', limits.embedDescription),
    footer: {
      text: truncate(
        section.url ? section.noteTitle : `${section.noteTitle} · ${fileLine(section)}`,
        limits.footerText,
      ),
    },
    color: colour,
  };
}

/**
 * Keeps a message within Discord's embed limits: at most 10 embeds, distinct URLs (Discord
 * merges embeds that share one), and 6,000 characters in all, trimming the last ones first.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const seen = new Set<string>();
  const out: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds.slice(0, 10)) {
    const copy = { ...embed };
    if (copy.url && seen.has(copy.url)) delete copy.url;
    if (copy.url) seen.add(copy.url);
    let size = embedChars(copy as Parameters<typeof embedChars>[0]);
    if (total + size > limits.embedsTotal) {
      const room = limits.embedsTotal - total - (size - (copy.description?.length ?? 0));
      if (room < 200) break;
      copy.description = truncateMarkdown(copy.description ?? '', room);
      size = embedChars(copy as Parameters<typeof embedChars>[0]);
    }
    total += size;
    out.push(copy);
  }
  return out;
}
