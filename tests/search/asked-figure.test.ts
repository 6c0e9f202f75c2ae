import { describe, expect, it } from 'vitest';
import { askedFigure, holdsFigure, isUnitOf, namesAsked } from '../../src/search/asked-figure.js';

// The attribute check behind "Missing: max size": which figure a question asks for, and whether a
// line states one of that kind.
const holds = (question: string, line: string): boolean => holdsFigure(line, askedFigure(question)!, question);

describe('askedFigure', () => {
  it('reads the kind of figure asked and the words that ask it', () => {
    expect(askedFigure('what is the max size of an SQS message')).toMatchObject({ kind: 'size', asked: 'max size' });
    expect(askedFigure('how long does sqs keep a message')).toMatchObject({ kind: 'duration', asked: 'how long' });
    expect(askedFigure('how much does an ml.g5.2xlarge cost per hour')).toMatchObject({ kind: 'price', asked: 'cost' });
    expect(askedFigure('how much is a route 53 hosted zone per month?')).toMatchObject({
      kind: 'price',
      asked: 'per month',
    });
    expect(askedFigure('What is the price per labeled object in Ground Truth?')).toMatchObject({
      kind: 'price',
      asked: 'price',
    });
    expect(askedFigure('whats the cost of a hosted zone')).toMatchObject({ kind: 'price', asked: 'cost' });
    expect(askedFigure('track costs per project using tags')).toBeNull();
    expect(askedFigure('how many shards can a stream have')).toMatchObject({ kind: 'count', asked: 'how many' });
    expect(askedFigure('whats default cache ttl in cloudfront')).toMatchObject({
      kind: 'duration',
      asked: 'default cache ttl',
    });
    expect(askedFigure('how much notice do i get before a spot instance is reclaimed')?.kind).toBe('duration');
    expect(askedFigure('how much memory does a p4d have')?.kind).toBe('size');
    expect(askedFigure('when was sagemaker launched')?.kind).toBe('date');
    expect(askedFigure('which python version does the image use')?.kind).toBe('version');
  });

  it('reads a size asked in a unit, and up to three words between "max" and the noun', () => {
    expect(askedFigure('snowball edge storage capacity in tb?')).toMatchObject({
      kind: 'size',
      asked: 'capacity in tb',
    });
    expect(askedFigure('what is the default api gateway throttle limit in requests per second')).toMatchObject({
      kind: 'count',
      asked: 'default api gateway throttle limit',
      of: ['api', 'gateway', 'throttle'],
    });
  });

  it('reads a duration asked in a unit of time that ends the question', () => {
    expect(askedFigure('default cooldown for ec2 auto scaling in seconds?')).toMatchObject({
      kind: 'duration',
      asked: 'in seconds',
    });
    expect(askedFigure('is lambda billed in milliseconds or by the hour')).toBeNull();
  });

  it('reads a baseline rate and a passing score as figures asked, not any baseline', () => {
    expect(askedFigure('What is the baseline IOPS of a gp3 EBS volume?')?.asked).toBe('baseline iops');
    expect(askedFigure('whats the passing score for the clf-c02 exam')?.asked).toBe('passing score');
    expect(askedFigure('train a baseline model first')).toBeNull();
    expect(askedFigure('what does my practice exam score mean')).toBeNull();
  });

  it('does not take "X numbers" as asking for figures: it is often a feature ("line numbers")', () => {
    expect(askedFigure('how do i show line numbers in code blocks')).toBeNull();
  });

  it('knows the units of the figure asked', () => {
    const size = askedFigure('max message size in kb')!;
    expect(isUnitOf('kb', size)).toBe(true);
    expect(isUnitOf('GiB', size)).toBe(true);
    expect(isUnitOf('days', size)).toBe(false);
    expect(isUnitOf('days', askedFigure('how long does sqs keep a message')!)).toBe(true);
    expect(isUnitOf('message', size)).toBe(false);
  });

  it('knows what the figure is of when the question names it', () => {
    expect(askedFigure('whats max container image size for serverless inference')?.of).toEqual(['container', 'image']);
    expect(askedFigure('what is the max size of an SQS message')?.of).toEqual([]);
  });

  it('finds no figure in questions that ask none', () => {
    expect(askedFigure('what is amazon sqs')).toBeNull();
    expect(askedFigure('track costs per project using tags')).toBeNull();
    expect(askedFigure('when is a fifo queue the better choice')).toBeNull();
  });
});

describe('holdsFigure', () => {
  it('takes a size only with a size unit', () => {
    expect(holds('what is the max size of an SQS message', 'A message can be up to 256 KB of text.')).toBe(true);
    expect(holds('what is the max size of an SQS message', 'Amazon SQS is a fully managed message queue.')).toBe(false);
    // A number is not a size: 14 days answers "how long", not "max size".
    expect(holds('what is the max size of an SQS message', 'A message stays for up to 14 days.')).toBe(false);
  });

  it('takes durations written in words, a price only with a currency', () => {
    expect(holds('how long can an execution run', 'An execution can last up to one year.')).toBe(true);
    expect(holds('how much warning before a spot instance goes', 'with a two-minute interruption notice')).toBe(true);
    expect(holds('how much does it cost per hour', 'You pay per hour of use.')).toBe(false);
    expect(holds('how much does it cost per hour', 'It costs $0.50 per hour.')).toBe(true);
  });

  it('does not take the year of a date for a count', () => {
    const question = 'mla-c01 passing score?';
    expect(holds(question, 'Exam facts were checked in December 2026; check the scoring before you book.')).toBe(false);
    expect(holds(question, 'Checked on Dec. 5, 2026: a scaled score of 720 passes.')).toBe(true);
  });

  it('does not count the figures the question typed itself', () => {
    expect(holds('how many shards does a 5 MB stream need', 'Each shard takes 1 MB per second.')).toBe(true);
    expect(holds('how many instances does Route 53 need', 'Route 53 is a DNS service.')).toBe(false);
  });

  it('wants the thing the figure is of next to it', () => {
    const question = 'whats max container image size for serverless inference';
    expect(holds(question, 'You set the memory size (from 1 GB to 6 GB).')).toBe(false);
    expect(holds(question, 'Container images can be up to 10 GB.')).toBe(true);
  });
});

describe('a count of something', () => {
  it('reads what a count question counts, up to two words, stopping at the verb', () => {
    expect(askedFigure('how many read replicas can an rds mysql instance have')?.counted).toEqual(['read', 'replicas']);
    expect(askedFigure('What is the maximum number of IAM users allowed in an account?')?.counted).toEqual([
      'iam',
      'users',
    ]);
    expect(askedFigure('max number of shards you can have per stream')?.counted).toEqual(['shards']);
    expect(askedFigure('how many do i get')?.counted).toBeUndefined();
    expect(askedFigure('whats the max message size')?.counted).toBeUndefined();
  });

  it('takes only a number next to what is counted', () => {
    const question = 'how many read replicas can an rds mysql instance have';
    expect(holds(question, 'You can create up to 15 read replicas per instance.')).toBe(true);
    expect(holds(question, 'A read replica limit of five applies.')).toBe(true);
    // A number of something else: two standbys, a list item's "2.", a "zero-ETL" integration.
    expect(holds(question, 'A Multi-AZ DB cluster uses two standbys that can also serve reads.')).toBe(false);
    expect(
      holds('maximum number of IAM users in an account', '2. Explicit allow. An Allow statement grants access.'),
    ).toBe(false);
    // "one" as "a" is no count; said as a count, it is.
    expect(holds('max number of shards in a stream', 'Records with one key stay in order within one shard.')).toBe(
      false,
    );
    expect(holds('how many nat gateways per az', 'Use one NAT gateway per AZ.')).toBe(true);
    expect(holds('how many nat gateways per az', 'A NAT gateway is one of the ways out.')).toBe(false);
    expect(holds('how many nat gateways per az', 'Put exactly one NAT gateway in each AZ.')).toBe(true);
    // Plural and singular, short acronyms too.
    expect(holds('how many ips can i use in a subnet', 'AWS reserves five IP addresses in every subnet.')).toBe(true);
    expect(holds('how many policies can a role have', 'A role can have 10 managed policy attachments.')).toBe(true);
  });

  it('takes a number after what is counted only when no other noun follows it', () => {
    const question = 'what is the maximum number of tags on an s3 bucket';
    // "two" counts kinds of action, not tags.
    expect(holds(question, 'A rule matches a prefix or tags, and contains two kinds of action.')).toBe(false);
    expect(holds(question, 'Objects can carry tags, up to 10 per object.')).toBe(true);
    expect(holds(question, 'You can add tags: 50.')).toBe(true);
    expect(holds('how many read replicas', 'A read replica limit of five applies.')).toBe(true);
  });
});

describe('namesAsked', () => {
  it('sees a setting the section describes in a "max/min/default" phrase', () => {
    const figure = askedFigure('difference between max run time and max wait time')!;
    expect(namesAsked('Set two limits: the maximum run time and the maximum wait time.', figure)).toBe(true);
    expect(namesAsked('Spot training uses spare capacity.', figure)).toBe(false);
    // "how long" names nothing.
    expect(namesAsked('How long it runs depends on the data.', askedFigure('how long does it run')!)).toBe(false);
  });

  it('sees a count setting only next to what the question counts', () => {
    const figure = askedFigure('maximum number of hyperparameters in a tuning job')!;
    expect(namesAsked('Set the maximum number of training jobs. Each tries new hyperparameters.', figure)).toBe(false);
    expect(namesAsked('The maximum number of hyperparameters you can search is listed there.', figure)).toBe(true);
    const quota = askedFigure('default quota for the number of vpcs per region')!;
    expect(namesAsked('Default quotas differ by service, such as the number of VPCs per Region.', quota)).toBe(false);
    expect(namesAsked('The default quota is five VPCs per Region.', quota)).toBe(true);
  });
});
