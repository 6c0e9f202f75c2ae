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

/** The section's opening sentences, as many as fit the card (the second may lean on the first). */
function openingOf(facts: SectionFacts): string | undefined {
  const [first, ...rest] = facts.sentences;
  if (!first || !opens(first)) return undefined;
  let text = first;
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
