import { createHash } from 'node:crypto';
import { matchByName, type NameKeys } from '../core/name-match.js';
import type { Note, QuizQuestion } from '../notes/types.js';

export interface QuizTopic {
  /** A note route, or an area (folder) such as "aws/cloud-practitioner" covering every note below it. */
  id: string;
  /** The note title, or the area's titles joined with " › ". */
  name: string;
  questions: number;
  /**
   * Short and stable while the topic keeps its id (`t` and 9 base64url characters of a hash of
   * it): stands for the topic where the id is too long, e.g. a choice value (100 characters).
   */
  key: string;
}

export interface TopicIndex {
  /** Topics with at least one question, in notes order (an area before its notes). */
  list: QuizTopic[];
  /**
   * A topic by its key, or by route or title (note or area) as /topic finds notes (core/name-match.ts): in any
   * case, by the route's last part, a prefix or part of a title or route, or a close spelling;
   * undefined when nothing matches.
   */
  find(query: string): QuizTopic | undefined;
  /** The topics a typed name matches, best first, as find ranks them; every topic, in order, for an empty name. */
  match(query: string, limit: number): QuizTopic[];
  /** The questions of a topic, in notes order. */
  questionsOf(topic: QuizTopic): QuizQuestion[];
}

const topicKey = (id: string): string => `t${createHash('sha256').update(id).digest('base64url').slice(0, 9)}`;

const inTopic = (question: QuizQuestion, topicId: string): boolean =>
  question.noteRoute === topicId || question.noteRoute.startsWith(`${topicId}/`);

export function buildTopics(notes: readonly Note[], questions: readonly QuizQuestion[]): TopicIndex {
  const topics = new Map<string, QuizTopic>();
  const titles = new Map<QuizTopic, Set<string>>();
  const add = (id: string, name: string, ...aliases: (string | undefined)[]) => {
    const topic = topics.get(id) ?? {
      id,
      name,
      questions: questions.filter((q) => inTopic(q, id)).length,
      key: topicKey(id),
    };
    topics.set(id, topic);
    const known = titles.get(topic) ?? new Set([name]);
    titles.set(topic, known);
    for (const alias of aliases) if (alias) known.add(alias);
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
  // Notes (deeper routes) before the areas that contain them when a name fits both equally, as /topic opens notes.
  const deeperFirst = [...list].sort((a, b) => b.id.split('/').length - a.id.split('/').length);
  const keysOf = (t: QuizTopic): NameKeys => ({ path: t.id, titles: [...titles.get(t)!, t.name.split(' › ').at(-1)!] });
  const byKey = new Map(list.map((t) => [t.key, t]));
  return {
    list,
    find: (query) => byKey.get(query.trim()) ?? matchByName(deeperFirst, query, keysOf, 1)[0],
    match: (query, limit) => (query.trim() ? matchByName(deeperFirst, query, keysOf, limit) : list.slice(0, limit)),
    questionsOf: (topic) => questions.filter((q) => inTopic(q, topic.id)),
  };
}
