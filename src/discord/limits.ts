import { hasLinkTarget } from '../render/markdown-excerpt.js';

/** Discord's documented message limits (https://discord.com/developers/docs/resources/message). */
export const limits = {
  content: 2000,
  embedTitle: 256,
  embedAuthor: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  selectDescription: 100,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
} as const;

/** Cuts text to a limit at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/**
 * Shortens Discord Markdown without leaving bold, code or a link open: cuts at the last
 * line or sentence that fits and balances what remains.
 */
export function truncateMarkdown(md: string, max: number): string {
  if (md.length <= max) return md;
  let cut = md.slice(0, max - 2);
  const boundary = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. '));
  if (boundary > max * 0.5) cut = cut.slice(0, boundary + 1);
  const fences = cut.match(/```/g)?.length ?? 0;
  if (fences % 2) cut = cut.slice(0, cut.lastIndexOf('```'));
  const bold = cut.replace(/\\\*/g, '').match(/\*\*/g)?.length ?? 0;
  if (bold % 2) cut = cut.slice(0, cut.lastIndexOf('**'));
  const openLink = cut.lastIndexOf('[');
  if (openLink >= 0 && !hasLinkTarget(cut.slice(openLink))) cut = cut.slice(0, openLink);
  return cut.trimEnd() + ' …';
}

/** Characters a message's embeds count toward Discord's 6,000 total. */
export function embedChars(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
