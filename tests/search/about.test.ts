import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { loadNotes } from '../../src/notes/load.js';
import { definitionSubject } from '../../src/search/about.js';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// The section about X answers "what is X", not one that names X plus more or only mentions X.
const library = libraryFrom({
  'iam.md': `---
title: AWS Identity and Access Management
---
# AWS Identity and Access Management

AWS Identity and Access Management (IAM) controls who can do what in an account.

## IAM Identity Center in brief

IAM Identity Center gives people single sign-on to many accounts. IAM Identity Center replaces
AWS Single Sign-On; IAM Identity Center users sign in once and IAM Identity Center hands out
IAM roles in each account.

## IAM users

An IAM user is one person or application with long-term credentials. IAM users belong to groups.
`,
  's3.md': `---
title: Amazon S3
---
# Amazon S3

Amazon S3 is object storage: buckets hold objects of any kind.

## Encryption in Amazon S3

Amazon S3 encrypts every new object. Amazon S3 uses SSE-S3 keys by default, and Amazon S3 can
use KMS keys instead; Amazon S3 checks TLS for requests to Amazon S3.
`,
  'cdn.md': `---
title: Edge services
---
# Edge services

Content close to users.

## CloudFront

CloudFront is a content delivery network that caches content at edge locations.

## CloudFront origins

CloudFront fetches from origins: CloudFront reads S3 buckets or any HTTP server, and CloudFront
keeps CloudFront caches warm.
`,
});
const index = buildIndex(library.sections);
const first = (question: string) => search(index, question, 3).hits[0]?.section.id;

describe('definition questions land on the section about their subject', () => {
  it('finds the subject of "what is X", "define X" and "X?"', () => {
    expect(definitionSubject('what is IAM')).toEqual(['iam']);
    expect(definitionSubject("what's amazon s3?")).toEqual(['amazon', 's3']);
    expect(definitionSubject('define an object lock')).toEqual(['object', 'lock']);
    expect(definitionSubject('IAM?')).toEqual(['iam']);
    expect(definitionSubject('how do I encrypt objects in s3')).toBeNull();
    expect(definitionSubject('what is the max size of an SQS message sent to a FIFO queue')).toBeNull();
  });

  it('an acronym lands on the section the note title names by its long name, not "IAM Identity Center"', () => {
    expect(first('what is IAM')).toBe('iam');
    expect(first('IAM?')).toBe('iam');
  });

  it('"what is amazon s3" lands on the S3 overview, not on a section that repeats "Amazon S3"', () => {
    expect(first('what is amazon s3')).toBe('s3');
  });

  it('a heading naming exactly the subject beats one naming it plus more, typos corrected', () => {
    expect(first('what is CloudFront')).toBe('cdn#cloudfront');
    expect(first('wat is cloudfrnt')).toBe('cdn#cloudfront');
  });

  it('with no heading naming the subject alone, the section that opens by defining it', () => {
    // No heading is "CloudFront" alone; the comparison names CloudFront more often.
    const edge = buildIndex(
      libraryFrom({
        'edge.md': `---
title: Edge services
---
# Edge services

Services at the edge of the AWS network.

## How Amazon CloudFront caches content at the edge

Amazon CloudFront is a content delivery network. A distribution serves files from edge locations.

## Global Accelerator vs CloudFront

CloudFront caches HTTP content; Global Accelerator routes TCP and UDP. CloudFront has a domain
name, Global Accelerator two static IP addresses. Pick CloudFront for caching.
`,
        'other.md': `# Other services

## Amazon SQS

A queue that decouples producers from consumers.

## Amazon SNS

Topics push messages to subscribers.

## AWS Lambda

Functions run on demand without servers.

## Amazon EC2

Virtual machines billed by the second.
`,
      }).sections,
    );
    const top = (question: string) => search(edge, question, 3).hits[0]?.section.id;
    expect(top('what is cloudfront')).toBe('edge#how-amazon-cloudfront-caches-content-at-the-edge');
    expect(top('wat is cloudfrnt')).toBe('edge#how-amazon-cloudfront-caches-content-at-the-edge');
    expect(top('how does cloudfront compare with global accelerator')).toBe('edge#global-accelerator-vs-cloudfront');
  });

  it('the issue\'s "wat is cloudfrnt" lands on the bundled notes\' CloudFront section, not the comparison', () => {
    const notes = buildIndex(loadNotes({ root: path.resolve(import.meta.dirname, '../../notes') }).sections);
    const answer = ask(notes, 'wat is cloudfrnt');
    expect(answer.confident).toBe(true);
    expect(answer.results[0]?.id).toBe(
      'aws/cloud-practitioner/edge-dns-and-load-balancing#how-amazon-cloudfront-caches-content-at-the-edge',
    );
  });

  it('other questions keep their ranking', () => {
    expect(first('which keys does amazon s3 use to encrypt objects')).toBe('s3#encryption-in-amazon-s3');
  });
});
