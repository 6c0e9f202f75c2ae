import { givesAway, normal } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic, withoutNumbering } from './heading.js';
import { sharesStem } from './quality.js';

const headingOf = (facts: SectionFacts): string => withoutNumbering(facts.section.heading);

/**
 * Where a question's sentence comes from, so it states its subject ("SageMaker Canvas › Ready-to-use
 * models"): the note's title and the section's heading, or the one of them that does not name the
 * answer; undefined when both name it (the sentence then stands alone or is not asked).
 */
export function whereOf(facts: SectionFacts, answer: string): string | undefined {
  const title = facts.section.noteTitle.trim();
  const heading = headingOf(facts);
  const useful = heading && !generic.test(heading) && normal(heading) !== normal(title);
  const options = [useful ? `${title} › ${heading}` : '', title, useful ? heading : ''].filter(Boolean);
  return options.find((o) => !givesAway(o, answer));
}

/**
 * A term the section is about: named by its heading or the note's title ("localStorage" on a page
 * titled "Cache" is a passing example, not its subject), or bold and the subject of its sentence
 * ("**Ready-to-use models** call …") or defined by it ("**Pod** 是 …", "**Term** — …").
 */
export function aboutSection(facts: SectionFacts, term: string, sentence: string, strong: boolean): boolean {
  const named = [facts.section.noteTitle, ...facts.section.headingPath, facts.section.heading].join(' ');
  if (normal(named).includes(normal(term)) || sharesStem(named, term)) return true;
  if (!strong) return false;
  const at = sentence.indexOf(term);
  if (at < 0) return false;
  if (at <= 4) return true;
  const rest = sentence.slice(at + term.length);
  return /^\s*(?:[（(][^）)]*[）)])?\s*(?:(?:is|are|refers to|means|describes|stands for)\b|是|指|為|代表)/u.test(rest);
}
