import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { stem } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

const library = libraryFrom({
  'messaging.md': `---
title: Messaging
---
# Messaging

Queues and topics decouple producers from consumers.

## Dead-letter queues

A dead-letter queue keeps messages that failed processing several times, so a consumer can inspect the failed messages later. Spot capacity is cheap for consumers. Spot prices change hourly. The GPU is not involved.

## Other clouds

People moving from Google Cloud often ask how queues compare. Engineers at Google publish similar messaging patterns for teams.

## Retention

A Queue keeps messages for days; a queue can also keep them longer, and every queue has a retention period.
`,
});
const index = buildIndex(library.sections);

describe('proper names the notes mention in passing', () => {
  it('learns words written capitalised mid-sentence in few sections, and nothing else', () => {
    expect(index.names.has(stem('Google'))).toBe(true);
    // Capitalised only at a sentence start, an acronym, and a word mostly written in lower case.
    expect(index.names.has(stem('Spot'))).toBe(false);
    expect(index.names.has(stem('GPU'))).toBe(false);
    expect(index.names.has(stem('queue'))).toBe(false);
  });

  it('is not confident when the best section never names what the question asks about', () => {
    const plain = search(index, 'how do dead letter queues keep failed messages');
    expect(plain.hits[0]?.section.anchor).toBe('dead-letter-queues');
    expect(plain.confident).toBe(true);

    const elsewhere = search(index, 'how do dead letter queues keep failed messages in google cloud');
    expect(elsewhere.hits[0]?.section.anchor).toBe('dead-letter-queues');
    expect(elsewhere.confident).toBe(false);
  });

  it('stays confident when the best section names it', () => {
    const outcome = search(index, 'what messaging patterns do engineers at google publish');
    expect(outcome.hits[0]?.section.anchor).toBe('other-clouds');
    expect(outcome.confident).toBe(true);
  });
});
