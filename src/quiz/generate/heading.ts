import { givesAway, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { blank, fill, templates, type Lang } from './lang.js';
import type { Neighbourhood } from './neighbourhood.js';
import { weakSentence } from './quality.js';

/** Headings that name a part of a page, not a thing to tell apart. */
export const generic =
  /^(?:overview|introduction|intro|summary|conclusion|examples?|usage|notes?|references?|resources|prerequisites|next steps|see also|faq|further reading|getting started|installation|setup|configuration|options|api|background|why|how|what|when|總結|結論|前言|範例|參考|參考資料|介紹|簡介|小結|實作|其他|說明|解法|注意|注意事項|提示|例如|舉例|直觀理解|優點|缺點|用途|特色|語法|note|tip|warning|important|example|result|output|input|syntax|description|pros|cons|advantages|disadvantages)$/i;
// Section numbers before a heading's words ("3.6.2 ", "1. ", "2) "), always followed by a space:
// a year ("2023 review") or an address ("0.0.0.0：萬用匹配符") is the heading's own words.
const numbering = /^(?:(?:(?:\d+\.)+\d*|\d+\))\s+)+/;

/** The heading without its section number: "3.6.2 同步" → "同步". */
export const withoutNumbering = (heading: string): string => heading.replace(numbering, '').trim();

const cleanHeading = (heading: string): string =>
  withoutNumbering(heading)
    .replace(/^step \d+[:.]?\s*/i, '')
    .trim();
const nameLike = (heading: string): boolean =>
  heading.length >= 2 && heading.length <= 60 && heading.split(/\s+/).length <= 6 && !generic.test(heading);

/**
 * "Which one is described here" from a heading and its opening sentence, the heading's own
 * name blanked out; distractors are the sibling headings under the same parent.
 */
export function headingDrafts(facts: SectionFacts, near: Neighbourhood, lang: Lang): Draft[] {
  const { section } = facts;
  if (section.level < 2 || !facts.opening) return [];
  const heading = cleanHeading(section.heading);
  if (!nameLike(heading)) return [];
  // Siblings of the same kind: name-like headings whose own opening sentence names them.
  const siblings = near
    .siblings(section)
    .filter((f) => f.opening?.toLowerCase().includes(cleanHeading(f.section.heading).toLowerCase()))
    .map((f) => cleanHeading(f.section.heading))
    .filter((h) => h !== heading && nameLike(h));
  // "Operations perspective" goes with the other "… perspective" siblings, not "AWS Application Migration Service".
  const last = (h: string): string => h.split(/\s+/).at(-1)!.toLowerCase();
  const alike = heading.includes(' ') ? siblings.filter((h) => h.includes(' ') && last(h) === last(heading)) : [];
  if (alike.length >= 3) siblings.splice(0, siblings.length, ...alike);
  if (siblings.length < 3) return [];
  const opening = facts.opening;
  if (opening.length < 40 || opening.length > 300 || weakSentence(opening)) return [];
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only an opening that names its heading says what the section is about ("Amazon Redshift is …").
  if (!new RegExp(escaped, 'i').test(opening)) return [];
  const sentence = opening.replace(new RegExp(escaped, 'gi'), blank);
  const parent = section.headingPath.at(-2) ?? section.noteTitle;
  const question = fill(templates.heading, lang, { parent, sentence });
  if (givesAway(question, heading)) return [];
  return [
    {
      kind: 'heading',
      question,
      answer: heading,
      explanation: opening,
      facts,
      tiers: [siblings],
      // Sibling headings whose openings name them are things of one kind ("Amazon EFS", "Instance store").
      sameColumn: true,
    },
  ];
}
