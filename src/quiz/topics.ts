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
  /** A topic by route or title (note or area), in any case; undefined when nothing matches. */
  find(query: string): QuizTopic | undefined;
  /** The questions of a topic, in notes order. */
  questionsOf(topic: QuizTopic): QuizQuestion[];
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/^\/+|\/+$/g, '');

export const inTopic = (question: QuizQuestion, topicId: string): boolean => question.noteRoute === topicId || question.noteRoute.startsWith(`${topicId}/`);

export function buildTopics(notes: readonly Note[], questions: readonly QuizQuestion[]): TopicIndex {
  const topics = new Map<string, QuizTopic>();
  const names = new Map<string, QuizTopic>();
  const add = (id: string, name: string, ...aliases: (string | undefined)[]) => {
    const topic = topics.get(id) ?? { id, name, questions: questions.filter((q) => inTopic(q, id)).length };
    topics.set(id, topic);
    for (const key of [name, ...aliases]) if (key && !names.has(normalise(key))) names.set(normalise(key), topic);
  };
  const areaName = (note: Note, depth: number) => note.breadcrumb.slice(0, depth).join(' › ') || note.route.split('/').slice(0, depth).join('/');
  // An area is also found by its own title alone ("Cloud Practitioner (CLF-C02)").
  const addArea = (note: Note, depth: number, ...aliases: string[]) => add(note.route.split('/').slice(0, depth).join('/'), areaName(note, depth), note.breadcrumb[depth - 1], ...aliases);
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
      return list.find((t) => t.id.toLowerCase() === wanted) ?? names.get(wanted);
    },
    questionsOf: (topic) => questions.filter((q) => inTopic(q, topic.id)),
  };
}
