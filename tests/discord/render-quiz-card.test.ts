import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderAnswerResult, renderQuestion } from '../../src/discord/render/quiz.js';
import type { AnswerResult, RoundView } from '../../src/quiz/quiz-service.js';

const card: RoundView = {
  id: 'abcdefgh',
  questionId: 'cards?f=0123456789',
  question: 'The shared responsibility model puts patching the guest OS on the [...].',
  choices: [
    { letter: 'A', text: 'I knew it' },
    { letter: 'B', text: "I didn't" },
  ],
  reveal: 'customer || not AWS',
  closesAt: 0,
  noteTitle: 'Review cards',
  noteRoute: 'cards',
  sectionId: 'cards',
  private: true,
  reviewAll: false,
  askerId: 'u',
  channelId: 'c',
  revealed: false,
};

describe('a self-graded card on Discord', () => {
  it('hides the answer behind a spoiler (its own bars escaped) and offers "I knew it" / "I didn\'t"', () => {
    const message = renderQuestion(card);
    expect(message.embeds[0]!.description).toContain('||customer \\|\\| not AWS||');
    const labels = (message.components as APIActionRowComponent<APIComponentInMessageActionRow>[])
      .flatMap((r) => r.components)
      .map((b) => ('label' in b ? b.label : ''));
    expect(labels).toEqual(['A: I knew it', "B: I didn't"]);
  });

  it('answers "I didn\'t" with a note that the card comes back soon, not with "Not quite"', () => {
    const result = {
      status: 'recorded',
      correct: false,
      choiceLetter: 'B',
      correctLetter: 'A',
      correctText: 'I knew it',
      explanation: 'The shared responsibility model puts patching the guest OS on the customer.',
      round: card,
    } as Extract<AnswerResult, { status: 'recorded' }>;
    const text = renderAnswerResult(result, card);
    expect(text).toMatch(/^📝 Noted: it comes back soon\.\n/);
    expect(text).not.toContain('Not quite');
  });
});
