import { letters, type Letter } from '../../quiz/round-view.js';
import { componentId, present } from '../custom-id.js';

const isLetter = (field: string | undefined): field is Letter => letters.includes(field as Letter);

/** A choice button of a round: "quiz.pick:<roundId>:<letter>". */
export const quizPickId = componentId<{ roundId: string; choice: Letter }>('quiz.pick', {
  fields: ({ roundId, choice }) => [roundId, choice],
  parse: ([roundId, choice, ...rest]) =>
    present(roundId) && isLetter(choice) && !rest.length ? { roundId, choice } : undefined,
});

const roundButton = (prefix: string) =>
  componentId<{ roundId: string }>(prefix, {
    fields: ({ roundId }) => [roundId],
    parse: ([roundId, ...rest]) => (present(roundId) && !rest.length ? { roundId } : undefined),
  });

/** "Reveal now" (the asker only) and "Next question". */
export const quizRevealId = roundButton('quiz.reveal');
export const quizNextId = roundButton('quiz.next');

/** The round a component of a quiz message belongs to, if it is one. */
export const roundOf = (customId: string): string | undefined =>
  (quizPickId.decode(customId) ?? quizRevealId.decode(customId) ?? quizNextId.decode(customId))?.roundId;
