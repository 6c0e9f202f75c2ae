import type { Draft } from './draft.js';
import { sentencesOf, type SectionFacts } from './facts.js';
import { fill, templates, type Lang } from './lang.js';

/** Words that say a numbered list is a sequence, not just a numbered set. */
const sequence =
  /\b(?:steps?|procedure|process|workflow|lifecycle|pipeline|stages?|phases?|in order|sequence|first|then|pasos?|proceso|orden)\b|步驟|流程|順序|顺序|шаг|порядок|этап/i;

const label = (item: string): string => sentencesOf(item)[0]?.replace(/[.:：。]$/, '') ?? item;

/** From a numbered list of steps: which step comes right after a given one. */
export function stepDrafts(facts: SectionFacts, lang: Lang, pick: (n: number, salt: string) => number): Draft[] {
  const drafts: Draft[] = [];
  for (const list of facts.ordered) {
    if (!sequence.test(list.lead) && !sequence.test(facts.section.heading)) continue;
    const items = list.items.map(label);
    if (items.length > 10 || items.some((i) => i.length < 3 || i.length > 120) || new Set(items).size !== items.length)
      continue;
    const k = pick(items.length - 1, items.join('\u0000'));
    drafts.push({
      kind: 'steps',
      question: fill(templates.stepNext, lang, { heading: facts.section.heading, step: items[k]! }),
      answer: items[k + 1]!,
      explanation: items.map((item, i) => `${i + 1}. ${item}`).join(' '),
      facts,
      tiers: [items.filter((_, i) => i !== k && i !== k + 1)],
      overlapAllowed: true,
      // Judged 5/5 with the other steps of a four-step list as the only distractors.
      minDistractors: 2,
    });
  }
  return drafts;
}
