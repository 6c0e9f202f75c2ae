import { describe, expect, it } from 'vitest';
import { askFeedbackId } from '../../src/discord/commands/ask-ids.js';
import { quizPickId, roundOf } from '../../src/discord/commands/quiz-ids.js';
import { topicFolderPageId, topicOpenId } from '../../src/discord/commands/topic-ids.js';
import { prefixOf } from '../../src/discord/custom-id.js';

describe('typed component ids', () => {
  it('round-trips typed data through the wire format the bot has always used', () => {
    const id = quizPickId.encode({ roundId: 'abcd1234', choice: 'C' });
    expect(id).toBe('quiz.pick:abcd1234:C');
    expect(prefixOf(id)).toBe('quiz.pick');
    expect(quizPickId.decode(id)).toEqual({ roundId: 'abcd1234', choice: 'C' });
    expect(roundOf(id)).toBe('abcd1234');
    expect(topicFolderPageId.decode(topicFolderPageId.encode({ id: 'fAbc-_1234', page: 3 }))).toEqual({
      id: 'fAbc-_1234',
      page: 3,
    });
    expect(topicOpenId.decode(topicOpenId.encode({}))).toEqual({});
  });

  it('refuses malformed and forged ids instead of passing guesses to a handler', () => {
    for (const forged of [
      'quiz.pick:abcd1234:Z',
      'quiz.pick:abcd1234',
      'quiz.pick::A',
      'quiz.pick:a:A:extra',
      'quiz.pickX:a:A',
    ])
      expect(quizPickId.decode(forged)).toBeUndefined();
    expect(askFeedbackId.decode('ask.fb:key:sideways')).toBeUndefined();
    for (const page of ['-1', '1.5', 'x', '', '99999999'])
      expect(topicFolderPageId.decode(`topic.dir:fA:${page}`)).toBeUndefined();
    expect(topicOpenId.decode('topic.open:extra')).toBeUndefined();
    expect(roundOf('ask.more:abc')).toBeUndefined();
  });

  it('never encodes an id Discord would refuse', () => {
    expect(() => topicFolderPageId.encode({ id: 'x'.repeat(100), page: 0 })).toThrow(/too long/);
    expect(() => topicFolderPageId.encode({ id: 'a:b', page: 0 })).toThrow(/":"/);
  });
});
