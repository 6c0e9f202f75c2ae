import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// "Missing: …" names what a near miss asks that the best section lacks, and stays away from right answers.
const topics = [
  'EC2 instances',
  'Lambda functions',
  'RDS databases',
  'CloudWatch alarms',
  'VPC subnets',
  'Route 53 zones',
];
const library = libraryFrom({
  'messaging.md': `---
title: Messaging
---
# Messaging

Services that pass messages between applications.

## Amazon MQ for existing message brokers

Amazon MQ is a managed message broker for ActiveMQ and RabbitMQ. Amazon MQ suits applications that
already speak JMS or AMQP message protocols, so a message broker moves without a rewrite.

## Amazon SQS message queues

Amazon SQS is a fully managed message queue. A message stays in the queue for up to 14 days.

## Amazon SNS topics

Amazon SNS pushes each message to every subscriber of a topic. Producers publish to a topic and
subscribers receive it. A message published to SNS can be up to 256 KB.
`,
  'other.md': `---
title: Other services
---
# Other services

${topics.map((t) => `## ${t}\n\n${t} are covered in their own notes; this page only names them.\n`).join('\n')}`,
});
const index = buildIndex(library.sections);

describe('Missing line', () => {
  it('names the specific words the best section lacks', () => {
    const outcome = search(index, 'how do I resize an ActiveMQ broker on Amazon MQ to a bigger storage volume', 3);
    expect(outcome.hits[0]?.section.id).toBe('messaging#amazon-mq-for-existing-message-brokers');
    expect(outcome.missing).toEqual(expect.arrayContaining(['resize', 'storage', 'volume']));
  });

  it('names the figure asked for when the answer line holds no new number', () => {
    expect(search(index, 'what is the max message size in Amazon MQ', 3).missing).toContain('max message size');
    // The answer line holds 14: the figure is there.
    expect(search(index, 'how many days does a message stay in the queue', 3).missing).not.toContain('how many');
  });

  it('names the size asked for when the section states none, and not when the answer line does', () => {
    // The SQS section states a duration (14 days), no size.
    const sqs = search(index, 'what is the max size of a message in an SQS queue', 3);
    expect(sqs.hits[0]?.section.id).toBe('messaging#amazon-sqs-message-queues');
    expect(sqs.missing).toEqual(['max size']);
    const sns = search(index, 'what is the max size of a message published to an SNS topic', 3);
    expect(sns.hits[0]?.section.id).toBe('messaging#amazon-sns-topics');
    expect(sns.answerLine).toBe('A message published to SNS can be up to 256 KB.');
    expect(sns.missing).toEqual([]);
  });

  it('names a word neither the notes nor everyday English use, not an everyday one', () => {
    // "azure" is an English word, but not an everyday one: it names what the notes lack.
    expect(search(index, 'managed message broker on azure', 3).missing).toContain('azure');
    // "week" is everyday English: how the question is said, not what it asks (unless it is most of a
    // short question: missing-names.test.ts).
    expect(
      search(index, 'which managed message broker suits applications that speak JMS this week', 3).missing,
    ).not.toContain('week');
  });

  it('picks the line stating the figure as the answer line', () => {
    const outcome = search(index, 'how long does a message stay in an SQS queue', 3);
    expect(outcome.answerLine).toBe('A message stays in the queue for up to 14 days.');
    expect(outcome.missing).toEqual([]);
  });

  it('takes the unit typed with a figure as part of it, not as a missing word', () => {
    // The SNS section states 256 KB: "in kb" asks for that figure's unit.
    const sns = search(index, 'max size of a message published to an SNS topic in kb', 3);
    expect(sns.hits[0]?.section.id).toBe('messaging#amazon-sns-topics');
    expect(sns.missing).toEqual([]);
    // The SQS section states no size: the figure is missing, "tb" with it, not twice.
    expect(search(index, 'sqs queue message capacity in tb', 3).missing).toEqual(['capacity in tb']);
  });

  it('takes a word right after a dot as a file type or a member, not as what is asked', () => {
    expect(search(index, 'send an xml file to an Amazon SQS message queue', 3).missing).toContain('xml');
    expect(search(index, 'send my order.xml to an Amazon SQS message queue', 3).missing).not.toContain('xml');
    expect(search(index, 'send a .xml file to an Amazon SQS message queue', 3).missing).not.toContain('xml');
  });

  it('names another cloud’s product spelled in everyday words, once', () => {
    const outcome = search(index, 'cosmos db change feed into a managed message queue', 3);
    expect(outcome.missing).toContain('cosmos db');
    expect(outcome.missing).not.toContain('cosmos');
  });

  it('shows nothing when the section holds the question', () => {
    expect(search(index, 'what is Amazon MQ, the managed message broker', 3).missing).toEqual([]);
  });
});
