import type { Section } from '../notes/types.js';
import { stemPhrase } from './index.js';
import { englishTerms, type Terms } from './text.js';

// "What is IAM" asks for the section about IAM: the one whose heading names IAM and nothing more
// (or, for a note's intro, whose note title does: "AWS Identity and Access Management"), not
// "IAM Identity Center in brief", which names IAM plus something else, nor a section that only
// mentions IAM often.

/** "what is", "what are the", "define", "explain", "tell me about": a question asking what a thing is. */
const definitionOpening =
  /^(?:(?:what|who)(?:\s+(?:is|are)|'s|s)?|define|explain|describe|tell\s+me\s+about|meaning\s+of)\s+(?:(?:a|an|the)\s+)?/i;

/**
 * The stemmed terms of what the question asks to define ("what is amazon s3" → amazon, s3; "IAM?"
 * → iam), or null when it asks something else. Only short subjects count: "what is the max size
 * of an SQS message" is no definition question.
 */
export function definitionSubject(question: string, terms: Terms = englishTerms, maxTerms = 4): string[] | null {
  let text = question.trim();
  const asked = text.endsWith('?');
  while (text.endsWith('?') || text.endsWith('.')) text = text.slice(0, -1).trimEnd();
  const opening = definitionOpening.exec(text);
  // "X?" alone: a bare name asked as a question.
  if (!opening && !asked) return null;
  const subject = terms.queryTerms(opening ? text.slice(opening[0].length) : text);
  if (subject.length === 0 || subject.length > maxTerms) return null;
  if (!opening && text.split(/\s+/).length > maxTerms) return null;
  return subject;
}

/**
 * Whether a name is exactly the subject: it holds every subject term, directly or through a word
 * standing for it (an acronym's long name, a typo's correction), and no other specific word.
 * `sourceOf` maps a searched word to the question word it stands for; `generic` says a word is too
 * common to change what a name names ("AWS", "Amazon").
 */
function isSubjectName(
  subject: readonly string[],
  sourceOf: (term: string) => string | undefined,
  generic: (term: string) => boolean,
  terms: Terms,
): (name: string) => boolean {
  return (name) => {
    const named = new Set<string>();
    for (const term of stemPhrase(name, terms)) {
      const source = subject.includes(term) ? term : sourceOf(term);
      if (source !== undefined && subject.includes(source)) named.add(source);
      else if (!generic(term)) return false;
    }
    return named.size === subject.length;
  };
}

/** A section's name: its heading, or the note title for an intro section. */
const nameOf = (section: Section): string => (section.level === 0 ? section.noteTitle : section.heading);

/** What a section's text opens by defining: "Amazon CloudFront" of "Amazon CloudFront is AWS's CDN." */
const definedOpening = /^([^.,:;!?()\n]{1,60}?)\s+(?:is|are)\s/;
const definedBy = (section: Section): string | undefined => definedOpening.exec(section.text)?.[1];

/**
 * For a definition question, moves the best-scored section named exactly by its subject to the
 * front of the re-ranked head, provided it covers the question as well as the current first; when
 * no heading names the subject alone, the best-scored section that opens by defining it ("Amazon
 * CloudFront is AWS's content delivery network": "How Amazon CloudFront caches content at the
 * edge" beside "Global Accelerator vs CloudFront").
 */
export function putAboutFirst<T extends { section: Section; coverage: number }>(
  head: T[],
  subject: readonly string[] | null,
  sourceOf: (term: string) => string | undefined,
  generic: (term: string) => boolean,
  terms: Terms = englishTerms,
): void {
  if (!subject || head.length < 2) return;
  const isSubject = isSubjectName(subject, sourceOf, generic, terms);
  const candidate = (h: T) => h.section.answerable !== false && h.coverage >= head[0]!.coverage;
  let at = head.findIndex((h) => candidate(h) && isSubject(nameOf(h.section)));
  if (at < 0) {
    at = head.findIndex((h) => {
      const defined = definedBy(h.section);
      return candidate(h) && defined !== undefined && isSubject(defined);
    });
  }
  if (at > 0) head.unshift(...head.splice(at, 1));
}
