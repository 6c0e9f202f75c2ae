import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { opensNames } from '../../src/search/names.js';
import { search } from '../../src/search/query.js';
import { fillerSections, libraryFrom } from '../helpers/sections.js';

// A word the notes open names with ("Amazon S3", "Amazon SES") makes the word after it a name:
// "amazon pinpoint" names a service, though "pinpoint" is everyday English.
const library = libraryFrom({
  'aws.md': `---
title: Services
---
# Services

## Amazon Simple Email Service (SES)

Amazon SES sends marketing email, newsletters and transactional email to customers. Amazon SES
tracks bounces, and Amazon SNS can carry its notifications.

## Amazon S3

Amazon S3 stores objects in buckets; Amazon CloudFront can serve them. The email of the bucket
owner is kept for billing.

## Sending email from code

Marketing campaigns need a verified sender and an unsubscribe link in every email to customers.

${fillerSections(['Storage', 'Networking', 'Monitoring', 'Billing'])}`,
});
const index = buildIndex(library.sections);

describe('opensNames', () => {
  it('holds for a word the notes follow by a capitalised word, not for an ordinary one', () => {
    expect(opensNames(index, index.terms.queryTerm('amazon')!)).toBe(true);
    expect(opensNames(index, index.terms.queryTerm('email')!)).toBe(false);
  });
});

describe('Missing line: the word after a name opener', () => {
  it('names an everyday word the notes never use when it follows such a word', () => {
    const outcome = search(index, 'amazon pinpoint vs ses for sending marketing email campaigns to customers');
    expect(outcome.missing).toContain('pinpoint');
  });

  it('does not name an everyday word the notes never use after an ordinary word', () => {
    const outcome = search(index, 'sending marketing email with pinpoint accuracy to customers with ses');
    expect(outcome.missing).not.toContain('pinpoint');
  });
});
