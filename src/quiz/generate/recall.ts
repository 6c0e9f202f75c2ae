import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic } from './heading.js';
import { fill, templates, type Lang } from './lang.js';
import { pointsAway, weakSentence } from './quality.js';

const maxReveal = 320;
const han = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
/** A whole sentence that opens a section and stands alone. */
const opens = (s: string): boolean =>
  /[.!?。！？]$/.test(s) && !weakSentence(s) && (s.split(/\s+/).length >= 6 || han(s) >= 12) && s.length <= maxReveal;

/** A tag such as `<Callout>` reads as its name on a card; the sentence is otherwise judged as it is. */
const untagged = (s: string): string => s.replace(/<\/?([A-Za-z][\w.]*)\s*\/?>/g, '$1');

/**
 * The section's first sentence that stands alone (after an alert marker or a lead-in ending in
 * ":"), and the sentences after it, as many as fit the card (they may lean on the first).
 */
function openingOf(facts: SectionFacts): string | undefined {
  // GitHub alerts ("> [!TIP]") lead their first sentence; MDX splits the marker into sentences of its own.
  const sentences = facts.sentences.map((s) => s.replace(/^(?:\[!\w*\]?|[A-Z]+\])\s*/, '')).filter(Boolean);
  const start = sentences.findIndex((s) => opens(untagged(s)));
  if (start < 0) return undefined;
  const [first, ...rest] = sentences.slice(start);
  let text = first!;
  for (const s of rest) {
    if (text.length >= 120 || text.length + s.length + 1 > maxReveal || /[:：]$/.test(s) || pointsAway(s)) break;
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
    const heading = section.heading.replace(/^(?:\d+[.)]\s*)+/, '').trim();
    const top = section.level < 2 || !heading;
    if (!top && (generic.test(heading) || heading.length < 2 || heading.length > 80)) continue;
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
