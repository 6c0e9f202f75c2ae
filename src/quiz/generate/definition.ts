import type { Draft } from './draft.js';
import { generic } from './heading.js';
import type { SectionFacts } from './facts.js';
import { blank, fill, templates, type Lang } from './lang.js';
import { shapeOf, sharesStem, weakSentence } from './quality.js';
import { whereOf } from './subject.js';

export interface Defined {
  term: string;
  definition: string;
  source: string;
  group: string;
  /** How an "X is a …" sentence names it, article kept ("an event"): the card asks "What is an event?". */
  subject?: string;
  /** "Common triggers are …": the card asks "What are …?". */
  plural?: boolean;
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "X is a/an/the …" as a section's opening sentence; the subject must be a short name. */
const isA = /^((?:The |An? )?[\p{Lu}\d][^,;:()]{0,60}?) (is|are) ((?:a|an|the) .{15,})$/u;

/** Subjects that point elsewhere ("It is a …", "If there is an …") name no term. */
const notATerm =
  /^(?:it|its|this|that|these|those|there|here|if|when|while|because|which|what|they|he|she|we|you|one|each|both|all|some|such|so|then|also|but|and|or|for|in|on|with|to|by|at|from|after|before|el|la|esto|это|он|она)\b|\bthere$/i;

/** Labels a note uses to structure a list ("Best for:", "Trade-offs:"), not terms to learn. */
const label =
  /^(?:best for|good for|use (?:it )?(?:for|when)|when to use|constraints?|benefits?|trade-?offs?|limits?|limitations?|caveats?|costs?|pricing|pros|cons|why|how|what|example|examples|note|tip|warning|default|type|returns?|result|goal|idea|key idea|problem|solution|answer|question|step \d+|優點|缺點|優勢|劣勢|目的|用途|問題|解法|方法|結果|例子|作用|功能|簡言之|總之|換句話說)$|(?:在於|方式|示範|範例|說明|原因|步驟|重點|關鍵)$/i;

/** A term to ask for: a name or a short noun phrase, not a label, a sentence or a note's own wording. */
const askable = (term: string, definition: string): boolean =>
  !label.test(term) &&
  shapeOf(term) !== 'sentence' &&
  !/[，,。；;（(]/.test(term.replace(/\s*[（(][^)）]*[)）]$/, '')) &&
  !/\b(?:here|this|that|function|above|below)$/i.test(term) &&
  !/\p{Script=Han}{9,}/u.test(term) &&
  !/[*#<>]/.test(term) &&
  // A step or a resource label ("步驟①", "Step 2", "R4") names no idea of its own.
  !/^(?:步驟|第.{1,3}步|(?:step|phase|stage)\s*\d)/iu.test(term) &&
  !/^[A-Z]\d+$/.test(term) &&
  !weakSentence(definition);

/** "`revalidateAll = false`": the option is the term, its default is not. */
/** The term before its last `=` (the linear form of `.replace(/\s*=\s*[^=]*$/, '')`). */
const optionName = (term: string): string =>
  (term.includes('=') ? term.slice(0, term.lastIndexOf('=')) : term).trim() || term;

/** Term–definition pairs of a section: "**Term** — definition" items and "X is a …" sentences. */
export function definitionsOf(facts: SectionFacts): Defined[] {
  const out: Defined[] = [];
  for (const d of facts.definitions)
    out.push({
      term: optionName(d.term),
      definition: d.definition,
      source: d.source,
      group: `${facts.section.id}#${d.group}`,
    });
  for (const sentence of facts.sentences) {
    const m = isA.exec(sentence);
    if (!m || wordCount(m[1]!) > 6 || notATerm.test(m[1]!)) continue;
    const term = m[1]!.replace(/^(?:The|An?) /, '');
    // "Common triggers are …" capitalises only for the sentence: "What are common triggers?".
    const subject = m[1]!
      .replace(/^(?:The|An?) /, (a) => a.toLowerCase())
      .replace(/^(\p{Lu})(\p{Ll}+ \p{Ll})/u, (_, a: string, rest: string) => a.toLowerCase() + rest);
    out.push({
      term,
      plural: m[2] === 'are',
      definition: m[3]!.replace(/\.$/, ''),
      source: sentence,
      group: `${facts.section.id}#is-a`,
      subject,
    });
  }
  return out.filter(
    (d) =>
      askable(d.term, d.definition) &&
      !generic.test(d.term.replace(/[:：]$/, '')) &&
      d.term.length <= 60 &&
      wordCount(d.term) <= 8 &&
      d.definition.length >= 15 &&
      // A question ("Pipe 是單向還是雙向？") defines nothing; nor does a gerund ("Configuring security groups").
      !/[?？]$/.test(d.definition) &&
      !/^\p{L}+ing \p{Ll}/u.test(d.term) &&
      d.definition.length <= 300,
  );
}

/** The section's heading for context, or the note's title where the heading is the term itself. */
function headingOf(facts: SectionFacts, term: string): string {
  const heading = facts.section.heading.trim();
  return heading && heading.toLowerCase() !== term.toLowerCase() ? heading : facts.section.noteTitle;
}

/** Which term matches a definition; the term's own name is blanked out of the definition. */
export function definitionDrafts(
  facts: SectionFacts,
  lang: Lang,
  defined: (f: SectionFacts) => Defined[],
  definitionsOfTerm: (term: string) => Defined[],
): Draft[] {
  return defined(facts).map((d) => {
    const definition = d.definition.replace(new RegExp(escapeRegex(d.term), 'gi'), blank).replace(/[.。]$/, '');
    // Only the other terms of one list are surely of one kind ("Rapid elasticity", "Measured
    // service"): terms from elsewhere in the note were judged "not of the same kind".
    const isA = d.group.endsWith('#is-a');
    // A definition that names its own term would read with a blank in it: asked only as a card.
    const namesTerm = definition !== d.definition.replace(/[.。]$/, '');
    const sameGroup =
      isA || namesTerm
        ? []
        : defined(facts)
            .filter((o) => o.group === d.group)
            .map((o) => o.term);
    return {
      kind: 'definition',
      question: fill(templates.definition, lang, { definition }),
      answer: d.term,
      explanation: d.source,
      facts,
      tiers: [sameGroup],
      // A term defined the same way elsewhere would be right too.
      // A choice whose own words the definition uses ("易於追蹤" for "…可以清楚追蹤每個變動…") reads as right too.
      reject: (candidate) =>
        sharesStem(d.definition, candidate) ||
        definitionsOfTerm(candidate).some((o) => o.definition.toLowerCase() === d.definition.toLowerCase()) ||
        tooDifferent(d.term, candidate),
      // "What is X?" fits an "X is a …" sentence; a list item's text may be a note about X, not a definition.
      selfGraded: {
        question: isA
          ? revealQuestion(facts, d, lang)
          : fill(templates.definitionSays, lang, {
              term: d.term,
              heading: whereOf(facts, d.term) ?? headingOf(facts, d.term),
            }),
        answer: d.definition,
      },
    };
  });
}

/**
 * "What is Amazon S3?" names its subject; "What are the main hyperparameters?" does not (of which
 * model?), so a common noun phrase is asked with where it comes from: "In “Classic algorithms ›
 * Random forest”, what are the main hyperparameters?".
 */
function revealQuestion(facts: SectionFacts, d: Defined, lang: Lang): string {
  const term = d.subject ?? d.term;
  const heading = facts.section.heading;
  const common = /^(?:(?:the|an?) )?\p{Ll}/u.test(term) && !sharesStem(heading, d.term);
  const where = common ? whereOf(facts, d.term) : undefined;
  if (where)
    return fill(d.plural ? templates.definitionRevealPluralIn : templates.definitionRevealIn, lang, { term, where });
  return fill(d.plural ? templates.definitionRevealPlural : templates.definitionReveal, lang, { term });
}

/** A choice three times longer or shorter than the answer stands out. */
export const tooDifferent = (answer: string, candidate: string): boolean => {
  const ratio = candidate.length / Math.max(1, answer.length);
  return ratio > 3 || ratio < 1 / 3;
};
