import type { NoteContext } from './load-note.js';

// Kept apart from load-note.ts so the parse cache (loaded at start) does not load the Markdown parser.

/**
 * What loading a note asked of the other notes, with the answers: every link it resolved and every
 * route it looked up. The parse cache keeps them to know when a result holds for another set of notes.
 */
export interface NoteQuestions {
  resolved: [from: string, url: string, answer: string][];
  routes: [file: string, route: string][];
}

/** The context whose resolver and routes record every answer in `questions` (each link once). */
export function recordingContext(context: NoteContext, questions: NoteQuestions): NoteContext {
  // Each link is resolved twice (its text, its check): recorded once.
  const seen = new Set<string>();
  return {
    ...context,
    questions,
    resolver: {
      resolve: (from, url) => {
        const answer = context.resolver.resolve(from, url);
        const asked = `${from}\0${url}`;
        if (!seen.has(asked)) questions.resolved.push([from, url, JSON.stringify(answer)]);
        seen.add(asked);
        return answer;
      },
    },
    routeOfFile: (file) => {
      const route = context.routeOfFile(file);
      questions.routes.push([file, route]);
      return route;
    },
  };
}
