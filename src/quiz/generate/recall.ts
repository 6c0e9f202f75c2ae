import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic, withoutNumbering } from './heading.js';
import { fill, templates, type Lang } from './lang.js';
import { leansOnContext, pointsAway } from './quality.js';

const maxReveal = 320;
const han = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
/** A whole sentence that opens a section and stands alone. */
/** A sentence cut from the one before it: a closing quote or bracket first, or "in other words". */
const continues = /^(?:[」』）)\]】]|換句話說|換言之|簡言之|總之|in other words|in short)/i;

/** A closing 」 before any opening 「: the sentence began in the one before. */
const unopened = (s: string): boolean => {
  const close = s.search(/[」』]/);
  const open = s.search(/[「『]/);
  return close >= 0 && (open < 0 || close < open);
};

const opens = (s: string): boolean =>
  /[.!?。！？]$/.test(s) &&
  !continues.test(s) &&
  !unopened(s) &&
  !leansOnContext(s) &&
  !filler(s) &&
  (s.split(/\s+/).length >= 6 || han(s) >= 12) &&
  s.length <= maxReveal;

/** Placeholder Latin ("Tempus egestas sed sed risus pretium …"): two or more of its common words. */
const fillerWords =
  /\b(?:sed|risus|egestas|pretium|quam|vulputate|imperdiet|proin|fermentum|orci|pulvinar|elit|amet|tempor|incididunt|labore|dolore|aliqua|tellus|nunc|mauris|viverra|lectus)\b/gi;
const filler = (s: string): boolean => (s.match(fillerWords)?.length ?? 0) >= 2;

/** A tag such as `<Callout>` reads as its name on a card; the sentence is otherwise judged as it is. */
const untagged = (s: string): string => s.replace(/<\/?([A-Za-z][\w.]*)\s*\/?>/g, '$1');

/**
 * The section's first sentence that stands alone (after an alert marker or a lead-in ending in
 * ":"), and the sentences after it, as many as fit the card (they may lean on the first).
 */
function openingOf(facts: SectionFacts): string | undefined {
  // GitHub alerts ("> [!TIP]") lead their first sentence; MDX splits the marker into sentences of its own.
  // A callout's title ("Note Array 是 …") leads its sentence too.
  const sentences = facts.sentences
    .map((s) =>
      s
        .replace(/^(?:\[!\w*\]?|[A-Z]+\])\s*/, '')
        .replace(/^(?:Note|Info|Tip|Warning|Caution|Important|Danger)\s+(?=\p{Lu}|\p{Script=Han})/u, ''),
    )
    .filter(Boolean);
  const start = sentences.findIndex((s) => opens(untagged(s)));
  if (start < 0) return undefined;
  const [first, ...rest] = sentences.slice(start);
  let text = first!;
  for (const s of rest) {
    const whole = /[.!?。！？]$/.test(s) && (s.split(/\s+/).length >= 4 || han(s) >= 8);
    if (text.length >= 120 || text.length + s.length + 1 > maxReveal || !whole || pointsAway(s) || filler(s)) break;
    text += (han(s) ? '' : ' ') + s;
  }
  return text;
}

const proseLength = (f: SectionFacts): number => f.sentences.join(' ').length;

/**
 * For a note nothing else could be asked about: a self-graded recall card, "what does the section
 * X say?", revealing its opening sentences. The section is the note's longest one whose heading
 * names a topic and whose opening stands alone.
 */
export function recallDrafts(note: SectionFacts[], lang: Lang): Draft[] {
  const ranked = [...note].sort((a, b) => proseLength(b) - proseLength(a));
  const drafts: Draft[] = [];
  for (const facts of ranked) {
    const { section } = facts;
    const heading = withoutNumbering(section.heading);
    const top = section.level < 2 || !heading;
    // A heading with a marker ("MDX Components [!TODO]") is a draft, not a topic.
    if (!top && (generic.test(heading) || heading.length < 2 || heading.length > 80 || heading.includes('['))) continue;
    const opening = openingOf(facts);
    if (!opening) continue;
    const question = top
      ? fill(templates.recallNote, lang, { note: section.noteTitle })
      : fill(templates.recall, lang, { note: section.noteTitle, heading });
    drafts.push({
      kind: 'recall',
      question,
      answer: opening,
      explanation: opening,
      facts,
      tiers: [],
      overlapAllowed: true,
      minDistractors: Number.POSITIVE_INFINITY,
      selfGraded: { question, answer: opening },
    });
  }
  return drafts;
}
