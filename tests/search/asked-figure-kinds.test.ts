import { describe, expect, it } from 'vitest';
import { askedFigure, holdsFigure } from '../../src/search/asked-figure.js';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// The fact asked read from the question's grammar (a rate, a comparison, what a bare "max" limits,
// casual spellings), and whether a line states a fact of that kind.
const holds = (question: string, line: string): boolean => holdsFigure(line, askedFigure(question)!, question);

describe('a rate asked', () => {
  it('reads "per sec", "/sec", "MB/s", "tps" and "throughput limit" as a rate', () => {
    expect(askedFigure('sqs fifo throughput limit exact number per sec?')).toMatchObject({
      kind: 'rate',
      asked: 'throughput limit',
    });
    expect(askedFigure('kinesis shard capacity per second?')?.kind).toBe('rate');
    expect(askedFigure('dynamodb writes/sec on demand')?.kind).toBe('rate');
    expect(askedFigure('ebs gp3 MB/s')?.kind).toBe('rate');
    expect(askedFigure('api gateway tps')?.kind).toBe('rate');
    expect(askedFigure('whats the max throughput of a kinesis shard')).toMatchObject({ kind: 'rate' });
  });

  it('leaves "how many … per second" a count, and a bare "/s" (a plural, "w/ s…") no rate', () => {
    expect(askedFigure('how many reads per second does one capacity unit give')?.kind).toBe('count');
    expect(askedFigure('which iam role/s does the pipeline need')).toBeNull();
  });

  it('takes an amount per unit of time, in digits, words or a rate unit', () => {
    const question = 'sqs fifo throughput limit exact number per sec?';
    expect(holds(question, 'FIFO queues handle up to 300 messages per second.')).toBe(true);
    expect(holds(question, 'Each shard takes 1 MB/s of writes.')).toBe(true);
    expect(holds(question, 'With batching a queue reaches 3,000 TPS.')).toBe(true);
    expect(holds(question, 'One unit gives one strongly consistent read per second.')).toBe(true);
    expect(holds(question, 'Throughput: high, but limited compared with standard.')).toBe(false);
    // A number and no time: a size or a count is no rate.
    expect(holds(question, 'A message can be up to 256 KB.')).toBe(false);
  });

  it('answers "how fast" with a time too', () => {
    expect(holds('how fast was training compute doubling', 'doubling roughly every 3.4 months')).toBe(true);
    expect(holds('how fast was training compute doubling', 'OpenAI published an analysis.')).toBe(false);
  });
});

describe('a comparison asked', () => {
  it('reads a comparative that compares two things', () => {
    expect(askedFigure('efs bursting vs elastic throughput mode which one is cheaper')).toMatchObject({
      kind: 'cheaper',
      asked: 'cheaper',
    });
    expect(askedFigure('is s3 standard-ia more expensive than one zone-ia')).toMatchObject({
      kind: 'cheaper',
      asked: 'more expensive',
    });
    expect(askedFigure('gp3 vs io2 faster?')).toMatchObject({ kind: 'faster', asked: 'faster' });
    expect(askedFigure('which is bigger, an r5 or an m5')).toMatchObject({ kind: 'bigger', asked: 'bigger' });
  });

  it('finds none in a comparative that compares nothing asked', () => {
    expect(askedFigure('how to make athena queries cheaper')).toBeNull();
    expect(askedFigure('my ray code is slower than sequential, i call ray.get in a loop')).toBeNull();
    expect(askedFigure('will training go faster with more gpus')).toBeNull();
  });

  it('takes a line that states the comparison, not one that only names the things', () => {
    const question = 'efs bursting vs elastic throughput mode which one is cheaper';
    expect(holds(question, 'Elastic throughput costs less for spiky workloads.')).toBe(true);
    expect(holds(question, 'Bursting is the cheaper mode for steady, small workloads.')).toBe(true);
    expect(holds(question, 'EFS is another option for shared file access.')).toBe(false);
    expect(holds('gp3 vs io2 faster?', 'io2 gives the highest throughput and lower latency.')).toBe(true);
    expect(holds('gp3 vs io2 faster?', 'Both are SSD volumes.')).toBe(false);
  });
});

describe('what a bare "max" limits', () => {
  it('reads the plural after "max" as what is counted, and shows it', () => {
    expect(askedFigure('max subscriptions per sns topic')).toMatchObject({
      kind: 'count',
      asked: 'max subscriptions',
      counted: ['subscriptions'],
    });
    expect(askedFigure('max no. of shards in a stream')?.counted).toEqual(['shards']);
    expect(askedFigure('max # of tags on a bucket')?.counted).toEqual(['tags']);
    // A singular after a bare "max"/"minimum" names an amount, not a count.
    expect(askedFigure('is there always a minimum bill')?.counted).toBeUndefined();
    expect(askedFigure('min max desired capacity')?.counted).toBeUndefined();
    // What is counted is read from the cue on, not from an earlier "max".
    expect(askedFigure('maximum records in a put, and how many shards do i need')?.counted).toEqual(['shards']);
  });

  it('then wants a number next to what it limits', () => {
    const question = 'max subscriptions per sns topic';
    expect(
      holds(question, 'Filter policies let each subscriber pick messages, so one topic can serve many purposes.'),
    ).toBe(false);
    expect(holds(question, 'A standard topic can have up to 12,500,000 subscriptions.')).toBe(true);
  });
});

describe('a share counts nothing', () => {
  it('takes neither a percentage nor a fraction as a count', () => {
    const question = 'max number of production variants on 1 sagemaker endpoint?';
    expect(holds(question, 'Roughly 90% of requests go to the first variant and 10% to the second.')).toBe(false);
    expect(holds(question, 'Split traffic by variant weight: weights of 0.9 and 0.1.')).toBe(false);
    expect(holds(question, 'About 50 percent of traffic goes to each production variant.')).toBe(false);
    expect(holds(question, 'An endpoint can host up to 10 production variants.')).toBe(true);
  });
});

describe('casual spellings of a price, a date, a latency and a timeout', () => {
  it('reads "how much $" as a price, answered by a share when it asks a saving', () => {
    expect(askedFigure('how much $ can u save w/ managed spot training')).toMatchObject({
      kind: 'price',
      asked: 'how much $',
    });
    expect(holds('how much $ can u save w/ managed spot training', 'It can cut training cost by up to 90%.')).toBe(
      true,
    );
    expect(holds('how much money is a hosted zone', 'Hosted zones are up to 50% of a small bill.')).toBe(false);
  });

  it('reads "which year" and "since when" as a date, "what is the latency" as a time', () => {
    expect(askedFigure('which year did aws launch s3')?.kind).toBe('date');
    expect(askedFigure('since when does s3 have strong consistency')?.kind).toBe('date');
    expect(askedFigure('whats the typical latency of dynamodb')?.kind).toBe('duration');
    expect(
      holds('whats the typical latency of dynamodb', 'It serves reads with single-digit millisecond latency.'),
    ).toBe(true);
    // A goal, not a figure asked.
    expect(askedFigure('what do i use for lowest latency on 5g phones')).toBeNull();
  });

  it('reads "timeout default" and "timeout max" as a time asked', () => {
    expect(askedFigure('sqs visibility timeout default?')).toMatchObject({
      kind: 'duration',
      asked: 'timeout default',
    });
  });
});

describe('Missing names the fact asked', () => {
  const notes = (efs: string) =>
    buildIndex(
      libraryFrom({
        'integration.md': `---
title: Integration
---
# Integration

## Amazon SNS topics

Amazon SNS pushes each message to every subscriber of a topic. Filter policies let each subscriber
receive only matching messages, so one topic can serve many purposes.

## SQS standard and FIFO queues

Standard queues offer nearly unlimited throughput. FIFO queues keep strict order, with high but
limited throughput compared with standard queues.

## Amazon EFS file systems

${efs}
`,
      }).sections,
    );
  const index = notes(
    'Amazon EFS is a shared file system. It offers bursting and elastic throughput modes, and elastic throughput scales with the workload.',
  );

  it('shows the count, the rate or the comparison the best section does not state', () => {
    expect(search(index, 'max subscriptions per sns topic', 3).missing).toContain('max subscriptions');
    expect(search(index, 'sqs fifo throughput limit exact number per sec?', 3).missing).toContain('throughput limit');
    expect(search(index, 'efs bursting vs elastic throughput mode which one is cheaper', 3).missing).toContain(
      'cheaper',
    );
  });

  it('shows nothing of the kind when the section states it', () => {
    const stated = notes(
      'Amazon EFS is a shared file system with bursting and elastic throughput modes. Elastic throughput costs less for spiky workloads; bursting is cheaper for steady small ones.',
    );
    const outcome = search(stated, 'efs bursting vs elastic throughput mode which one is cheaper', 3);
    expect(outcome.answerLine).toContain('cheaper');
    expect(outcome.missing).not.toContain('cheaper');
  });
});
