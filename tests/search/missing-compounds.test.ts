import { describe, expect, it } from 'vitest';
import { nounStarts } from '../../src/search/tagger.js';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/query.js';
import { libraryFrom } from '../helpers/sections.js';

// "Missing: monotone": in a short question, a noun compound half held by the best section
// ("monotone constraints" answered by a section on other constraints) asks about the half it
// lacks, though the rest of the question matches.
const filler = Array.from({ length: 24 }, (_, i) => `Topic ${i + 1}`);
const library = libraryFrom({
  'learner.md': `---
title: Linear Learner
---
# Linear Learner

## Linear Learner hyperparameters

The linear learner takes box constraints on its weights, and each tuning job keeps its
constraints in the job's settings.
`,
  'trees.md': `---
title: Trees
---
# Trees

## Splits

A monotone split keeps the prediction rising with the feature, and a deleted feature is
never split on. Each tree is saved with its own syntax.

${filler.map((t) => `## ${t}\n\n${t} is covered in its own notes; this page only names it.\n`).join('\n')}`,
});
const index = buildIndex(library.sections);

describe('Missing line: the noun that says which kind', () => {
  it('names a noun modifying a noun the section holds, when the section lacks it', () => {
    const outcome = search(index, 'xgboost monotone constraints how to set', 3);
    expect(outcome.hits[0]?.section.id).toBe('learner#linear-learner-hyperparameters');
    expect(outcome.missing).toContain('monotone');
  });

  it('names a noun modified by a noun the section holds, when the section lacks it', () => {
    const outcome = search(index, 'linear learner constraint syntax', 3);
    expect(outcome.hits[0]?.section.id).toBe('learner#linear-learner-hyperparameters');
    expect(outcome.missing).toContain('syntax');
  });

  it('leaves a word that is no noun, the asker own word and longer questions alone', () => {
    // "deleted" is a verb here, not a noun naming a kind of constraints.
    expect(search(index, 'linear learner deleted constraints', 3).missing).not.toContain('deleted');
    // Punctuation between the words: no compound.
    expect(search(index, 'monotone, constraints of the linear learner', 3).missing).not.toContain('monotone');
    // A longer question adds context its answer need not hold.
    expect(
      search(index, 'for my tuning job on the linear learner which monotone constraints weights box', 3).missing,
    ).not.toContain('monotone');
  });
});

describe('Missing line: noun compounds in notes in another language', () => {
  it('leaves notes that are not written in English alone', () => {
    const chinese = libraryFrom({
      'learner.md': `---
title: 線性學習器
---
# 線性學習器

## 超參數

線性學習器和 xgboost 都可以對權重設定 box constraints，每個調校工作都會把這些 constraints 保存在設定中。這一節說明每個超參數的用途、預設值以及調校時應該注意的地方。
`,
      'trees.md': `---
title: 樹
---
# 樹

## 分裂

monotone 分裂讓預測隨特徵上升。

${filler.map((t) => `## ${t}\n\n${t} 在其他筆記中說明。\n`).join('\n')}`,
    });
    const outcome = search(buildIndex(chinese.sections), 'xgboost monotone constraints how to set', 3);
    expect(outcome.hits[0]?.section.id).toMatch(/^learner#/);
    expect(outcome.missing).not.toContain('monotone');
  });
});

describe('nounStarts', () => {
  it('finds where the nouns of a question start', () => {
    const text = "How don't I edit the Windows registry  on an EC2 instance?";
    const starts = nounStarts(text);
    expect(starts.has(text.indexOf('registry'))).toBe(true);
    expect(starts.has(text.indexOf('instance'))).toBe(true);
    expect(starts.has(text.indexOf('edit'))).toBe(false);
  });
});
