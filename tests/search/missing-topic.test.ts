import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// "Missing: ecr": the name a short question opens with is what it asks about; an acronym is held
// only by itself or by a whole long name, not by one word of it ("container" is not ECR).
const filler = ['Storage', 'Networking', 'Monitoring', 'Billing', 'Identity', 'Databases', 'Queues', 'Streams'];
const library = libraryFrom({
  'aws.md': `---
title: AWS
---
# AWS

## Amazon ECR

Amazon Elastic Container Registry (ECR) stores images. You push images to ECR with docker push,
and ECS pulls them from ECR when a task starts.

## Images in a CI pipeline

A CI pipeline builds a container image, gives it an immutable tag and pushes it; turn on scanning
in the pipeline to catch known vulnerabilities.

${filler.map((t) => `## ${t}\n\n${t} is covered in its own notes; this page only names it.\n`).join('\n')}`,
});
const index = buildIndex(library.sections);

describe('Missing line: the name a short question opens with', () => {
  it('names it when the best section holds only a word of its long name', () => {
    const outcome = search(index, 'ecr immutable tag how to turn it on', 3);
    expect(outcome.hits[0]?.section.id).toBe('aws#images-in-a-ci-pipeline');
    expect(outcome.missing).toContain('ecr');
  });

  it('takes a long question to open with context, not its subject', () => {
    const outcome = search(
      index,
      'ecr is where our team keeps images, and in the ci pipeline how do we turn on an immutable tag for each pushed container image',
      3,
    );
    expect(outcome.hits[0]?.section.id).toBe('aws#images-in-a-ci-pipeline');
    expect(outcome.missing).not.toContain('ecr');
  });

  it('does not name it when the section holds it', () => {
    const outcome = search(index, 'ecr push images with docker', 3);
    expect(outcome.hits[0]?.section.id).toBe('aws#amazon-ecr');
    expect(outcome.missing).toEqual([]);
  });
});
