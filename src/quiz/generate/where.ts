import { givesAway, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { fill, templates, type Lang } from './lang.js';
import type { Neighbourhood } from './neighbourhood.js';
import { weakSentence } from './quality.js';

/** A whole sentence of prose: not a link, long enough to recognise, ending like a sentence. */
const wanted = (s: string): boolean =>
  s.length >= 50 &&
  s.length <= 250 &&
  /[.!?。！？]$/.test(s) &&
  !weakSentence(s) &&
  (s.split(/\s+/).length >= 8 || (s.match(/\p{Script=Han}/gu)?.length ?? 0) >= 15);

/** Titles of other notes near this one: its folder, else the folder above (one page per folder). */
function nearbyTitles(facts: SectionFacts, near: Neighbourhood): string[] {
  let folder = facts.folder;
  for (;;) {
    const prefix = folder ? `${folder}/` : '';
    const titles = new Set(
      near.all
        .filter(
          (f) =>
            f.note !== facts.note &&
            (f.folder === folder ||
              (f.section.noteRoute.startsWith(prefix) && f.folder.split('/').length <= folder.split('/').length + 1)),
        )
        .map((f) => f.note.title),
    );
    titles.delete(facts.note.title);
    if (titles.size >= 2 || !folder) return [...titles];
    folder = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
  }
}

/**
 * For a note nothing else could be asked about: which of its sections (or, for a one-section
 * note, which note of its folder) says a given sentence. The sentence is the longest fitting
 * one of the note's longest section; the other sections' headings are the distractors.
 */
export function whereDrafts(note: SectionFacts[], near: Neighbourhood, lang: Lang): Draft[] {
  const [first] = note;
  if (!first) return [];
  const ranked = [...note].sort((a, b) => b.sentences.join(' ').length - a.sentences.join(' ').length);
  const drafts: Draft[] = [];
  for (const facts of ranked) {
    // A sentence written in two sections would make both right.
    const unique = (s: string): boolean => note.every((f) => f === facts || !f.section.text.includes(s));
    const inNote = note.length >= 3;
    const answer = inNote ? facts.section.heading : facts.note.title;
    // The note's title in the question may share words with its sections; the sentence may not.
    const sentence = [...facts.sentences]
      .filter((s) => wanted(s) && unique(s) && !givesAway(s, answer))
      .sort((a, b) => b.length - a.length)[0];
    if (!sentence || answer.length < 4) continue;
    const others = inNote ? note.filter((f) => f !== facts).map((f) => f.section.heading) : nearbyTitles(facts, near);
    drafts.push({
      kind: 'where',
      question: fill(inNote ? templates.whereSection : templates.whereNote, lang, { note: facts.note.title, sentence }),
      answer,
      explanation: sentence,
      facts,
      tiers: [others],
      sameColumn: true,
      overlapAllowed: true,
    });
  }
  return drafts;
}
