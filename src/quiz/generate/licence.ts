import type { Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { broken, card, firstPerson, trimEnd } from './howto.js';
import type { Lang } from './lang.js';
import { placeholderProse } from './quality.js';
import { placeFor } from './usage.js';

/**
 * Licence cards (English notes only, self-graded): what a project's notes say it may be used under.
 * "The Nextra project and themes are licensed under the MIT license." → "Under which license are
 * the Nextra project and themes licensed?" → MIT. A named subject ("The X …", "X"), never a
 * pronoun; the licence's name as written, without "the" and "license". One anchored, linear-time
 * regex per sentence.
 */
const licensed =
  /^((?:The )?[A-Z][\w.-]*(?: [\w.-]+){0,7}) (is|are) (licensed|released|distributed|available) under (?:the )?((?:[A-Z][\w.-]*|\d[\w.-]*)(?: (?:[A-Z][\w.-]*|\d[\w.-]*)){0,3}) (licen[cs]e)$/;

/** Subjects that point back at something the card cannot show. */
const pronoun = /^(?:It|This|That|These|Those|They|Everything|All)\b/;

export function licenceDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  if (lang !== 'en' || placeholderProse(facts.section.text)) return [];
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    if (broken(sentence) || firstPerson(sentence)) continue;
    const m = licensed.exec(trimEnd(sentence));
    if (!m || pronoun.test(m[1]!)) continue;
    const [, subject, verb, how, name, word] = m;
    const where = placeFor(facts, name!);
    if (!where) continue;
    const asked = subject!.replace(/^The /, 'the ');
    drafts.push(card('licence', `In “${where}”, under which ${word} ${verb} ${asked} ${how}?`, name!, sentence, facts));
  }
  return drafts;
}
