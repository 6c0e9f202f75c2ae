import { componentId, present } from '../custom-id.js';

/** Buttons under an answer name its stored answer by key (answer-cache.ts). */
const answerButton = (prefix: string) =>
  componentId<{ key: string }>(prefix, {
    fields: ({ key }) => [key],
    parse: ([key, ...rest]) => (present(key) && !rest.length ? { key } : undefined),
  });

export const askMoreId = answerButton('ask.more');
export const askSendId = answerButton('ask.send');

export type Vote = 'up' | 'down';
export const askFeedbackId = componentId<{ key: string; vote: Vote }>('ask.fb', {
  fields: ({ key, vote }) => [key, vote],
  parse: ([key, vote, ...rest]) =>
    present(key) && (vote === 'up' || vote === 'down') && !rest.length ? { key, vote } : undefined,
});
