import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { toBlocks } from '../../src/notes/blocks.js';
import { parseMarkdown } from '../../src/notes/markdown.js';
import { uncasual } from '../../src/search/casual.js';
import { statesFormula } from '../../src/search/formula.js';
import { buildIndex } from '../../src/search/index.js';
import { libraryFrom } from '../helpers/sections.js';

const blocksOf = (markdown: string) => toBlocks(parseMarkdown(markdown, false).tree.children, markdown, () => null);

describe('a section states a formula', () => {
  it('written out in prose, or in TeX', () => {
    expect(statesFormula(blocksOf('F1 = 2 × precision × recall / (precision + recall).'))).toBe(true);
    expect(statesFormula(blocksOf('- **Specificity** = TN / (TN + FP): of all real negatives…'))).toBe(true);
    expect(statesFormula(blocksOf('The z-score is $z = (x - \\mu) / \\sigma$.'))).toBe(true);
  });

  it('not in code, a URL, a flag or a comparison', () => {
    expect(statesFormula(blocksOf('```python\ntotal = a + b\n```'))).toBe(false);
    expect(statesFormula(blocksOf('Run `x = a + b` first.'))).toBe(false);
    expect(statesFormula(blocksOf('Set storage_path="s3://bucket/runs" in RunConfig.'))).toBe(false);
    expect(statesFormula(blocksOf('Pass --opt=a-b, and check that x == y + 1.'))).toBe(false);
    expect(statesFormula(blocksOf('Precision is the share of predicted positives that are right.'))).toBe(false);
  });

  it('in linear time on hostile text', () => {
    expect(statesFormula(blocksOf('a='.repeat(50_000)))).toBe(false);
  });
});

describe('a question asking for a formula', () => {
  const index = buildIndex(
    libraryFrom({
      'metrics.md': `# Metrics

## F1 score

F1 = 2 × precision × recall / (precision + recall), the harmonic mean of the two.

## Log loss

Log loss punishes confident wrong answers more than unsure ones.

## R-squared

R² = 1 − SS_res / SS_tot, where SS_res sums the squared errors.
`,
    }).sections,
  );

  it('is answered by the section that states one, without "Missing: formula"', () => {
    const answer = ask(index, 'f1 formula pls');
    expect(answer.confident).toBe(true);
    expect(answer.results[0]?.id).toBe('metrics#f1-score');
    expect(answer.missing).toEqual([]);
  });

  it('is not held by a formula of something else: a quadratic equation is not R-squared', () => {
    expect(ask(index, 'quadratic equation by completing the square').confident).toBe(false);
  });

  it('says the formula is missing where the section states none', () => {
    const answer = ask(index, 'log loss formula');
    expect(answer.results[0]?.id).toBe('metrics#log-loss');
    expect(answer.missing).toContain('formula');
  });
});

describe('chat shorthand', () => {
  it('reads "2" as "to" after how, want, need…, and leaves numbers alone', () => {
    expect(uncasual('how 2 fix exploding grads')).toBe('how to fix exploding grads');
    expect(uncasual('need 2 know the limit')).toBe('need to know the limit');
    expect(uncasual('pick the top 2 models')).toBe('pick the top 2 models');
    expect(uncasual('how 2?')).toBe('how 2?');
    expect(uncasual('sg stateful or nah').trim()).toBe('sg stateful or');
  });

  it('spells out "grads", "ckpt" and "sg" as the notes write them', () => {
    const notes = buildIndex(
      libraryFrom({
        'train.md': `# Training

## Vanishing and exploding gradients

Gradient clipping caps the gradient norm.

## Checkpoints

A checkpoint saves model weights during training.

## Security groups

A security group is a stateful firewall for instances.
`,
      }).sections,
    );
    expect(ask(notes, 'how 2 fix exploding grads').results[0]?.id).toBe('train#vanishing-and-exploding-gradients');
    expect(ask(notes, 'ckpt every epoch?').results[0]?.id).toBe('train#checkpoints');
    expect(ask(notes, 'sg stateful or nah').results[0]?.id).toBe('train#security-groups');
  });
});
