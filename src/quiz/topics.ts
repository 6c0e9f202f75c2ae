import { trimSlashes } from '../notes/slashes.js';
import type { Note, QuizQuestion } from '../notes/types.js';

export interface QuizTopic {
  /** A note route, or an area (folder) such as "aws/cloud-practitioner" covering every note below it. */
  id: string;
  /** The note title, or the area's titles joined with " › ". */
  name: string;
  questions: number;
}

export interface TopicIndex {
  /** Topics with at least one question, in notes order (an area before its notes). */
  list: QuizTopic[];
  /**
   * A topic by route or title (note or area), in any case; else, as /topic finds notes, by the
   * route's last part, a prefix or part of a title or route, or a close spelling (a typo or
   * two); undefined when nothing matches.
   */
  find(query: string): QuizTopic | undefined;
  /** The questions of a topic, in notes order. */
  questionsOf(topic: QuizTopic): QuizQuestion[];
}

const normalise = (s: string) => trimSlashes(s.trim().toLowerCase());

const inTopic = (question: QuizQuestion, topicId: string): boolean =>
  question.noteRoute === topicId || question.noteRoute.startsWith(`${topicId}/`);

export function buildTopics(notes: readonly Note[], questions: readonly QuizQuestion[]): TopicIndex {
  const topics = new Map<string, QuizTopic>();
  const names = new Map<string, QuizTopic>();
  const add = (id: string, name: string, ...aliases: (string | undefined)[]) => {
    const topic = topics.get(id) ?? { id, name, questions: questions.filter((q) => inTopic(q, id)).length };
    topics.set(id, topic);
    for (const key of [name, ...aliases]) if (key && !names.has(normalise(key))) names.set(normalise(key), topic);
  };
  const areaName = (note: Note, depth: number) =>
    note.breadcrumb.slice(0, depth).join(' › ') || note.route.split('/').slice(0, depth).join('/');
  // An area is also found by its own title alone ("Cloud Practitioner (CLF-C02)").
  const addArea = (note: Note, depth: number, ...aliases: string[]) =>
    add(note.route.split('/').slice(0, depth).join('/'), areaName(note, depth), note.breadcrumb[depth - 1], ...aliases);
  for (const note of notes) {
    if (!note.route || !questions.some((q) => inTopic(q, note.route))) continue;
    const depth = note.route.split('/').length;
    for (let d = 1; d < depth; d++) addArea(note, d);
    // A folder's index note has the folder's route: the topic is the whole area, named after
    // the area; the note's title finds it too.
    const isIndex = note.breadcrumb.length === depth;
    if (isIndex) addArea(note, depth, note.title);
    else add(note.route, note.title);
  }
  const list = [...topics.values()];
  return {
    list,
    find(query) {
      const wanted = normalise(query);
      return list.find((t) => t.id.toLowerCase() === wanted) ?? names.get(wanted) ?? closeTopic(list, query);
    },
    questionsOf: (topic) => questions.filter((q) => inTopic(q, topic.id)),
  };
}

/** "Guide/Page", "guide page" and "guide-page" read the same (as in /topic). */
const loose = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[/_\s›-]+/g, ' ')
    .trim();

/** Edit distance, stopping early once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The best topic for a name /topic would also accept: notes before areas, in notes order. */
function closeTopic(list: readonly QuizTopic[], query: string): QuizTopic | undefined {
  const wanted = loose(query);
  if (!wanted) return undefined;
  const keys = (t: QuizTopic) => ({
    last: loose(t.id.split('/').at(-1) ?? ''),
    name: loose(t.name.split(' › ').at(-1) ?? t.name),
    id: loose(t.id),
  });
  // Notes (deeper routes) before the areas that contain them, as /topic opens notes.
  const ordered = [...list].sort((a, b) => b.id.split('/').length - a.id.split('/').length);
  const tests: ((t: QuizTopic) => boolean)[] = [
    (t) => keys(t).last === wanted,
    (t) => keys(t).name.startsWith(wanted) || keys(t).last.startsWith(wanted),
    (t) => keys(t).name.includes(wanted) || keys(t).id.includes(wanted),
    (t) => {
      const { last, name } = keys(t);
      const max = wanted.length <= 4 ? 1 : 2;
      return editDistance(wanted, last, max) <= max || editDistance(wanted, name, max) <= max;
    },
  ];
  for (const test of tests) {
    const found = ordered.filter(test);
    if (found.length) return found[0];
  }
  return undefined;
}
