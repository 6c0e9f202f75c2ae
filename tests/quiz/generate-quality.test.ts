import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { givesAway } from '../../src/quiz/generate/draft.js';
import { allGeneratorKinds, generateQuestions } from '../../src/quiz/generate/index.js';
import {
  leansOnContext,
  placeholderTable,
  sameKind,
  shapeOf,
  sharesStem,
  weakSentence,
} from '../../src/quiz/generate/quality.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Generated questions (all kinds) for one note made of `markdown`. */
function questionsOf(markdown: string): QuizQuestion[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-quizq-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'note.md'), markdown);
  return generateQuestions(loadNotes({ root: dir }).notes, allGeneratorKinds);
}

describe('weak source sentences are rejected', () => {
  it.each([
    ['pronoun-led', 'It stores objects in buckets and replicates them across zones.'],
    ['"This" led', 'This keeps the cache warm between two requests to the same key.'],
    ['"These" led', 'These options control how often the data is revalidated.'],
    ['"the following"', 'In the meta file you can define how the pages are shown, e.g. for the following structure.'],
    ['ends with a colon', 'You can also add links to the navbar using the items option:'],
    ['"below"', 'The table below lists every storage class with its retrieval time.'],
    ['a URL', 'Read the guide at https://example.com/guide before you start the migration.'],
    ['link leftover', 'automatically revalidate when window gets focused (details)'],
    ['markup', 'Wrap the page in <Layout> to keep the sidebar on every route you add.'],
    ['lorem ipsum', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.'],
    ['a Chinese pointer to a figure', '右側圓柱代表用來暫存 process memory image 的 secondary storage。'],
    ['a Chinese pointer to a list', '下列步驟說明如何建立一個新的專案並設定路由。'],
  ])('%s', (_, sentence) => {
    expect(weakSentence(sentence)).toBe(true);
  });

  it('keeps a sentence that stands alone', () => {
    expect(weakSentence('Amazon S3 stores objects in buckets and replicates them across zones.')).toBe(false);
    expect(weakSentence('SWR revalidates the data when the window regains focus.')).toBe(false);
  });

  it('asks no cloze or heading question from a pronoun-led or "following" sentence', () => {
    const questions = questionsOf(`# Caching

## Layers

### Edge cache

It keeps **static assets** close to the readers of the site and cuts latency.

### Browser cache

This stores **HTTP responses** on the device so a second visit is instant.

### Origin cache

The following list shows how the **origin shield** protects the server:

### Object cache

The object cache stores **query results** in memory for the application servers.
`);
    const texts = questions.map((q) => q.question).join('\n');
    expect(texts).not.toMatch(/It keeps|This stores|The following/);
    expect(questions.some((q) => q.answer === 'query results')).toBe(false); // a common phrase, not a key term
  });
});

describe('placeholder and too-small tables are skipped', () => {
  it('detects placeholder cells, demo keys, one-row tables and cells that repeat their header', () => {
    expect(placeholderTable(['Name', 'Value'], [['a', 'b']])).toBe(true);
    expect(
      placeholderTable(
        ['Name', 'Status'],
        [
          ['Alpha', 'TBD'],
          ['Beta', 'Done'],
          ['Gamma', 'Open'],
        ],
      ),
    ).toBe(true);
    expect(
      placeholderTable(
        ['Student ID', 'Last Name'],
        [
          ['11111', 'Smith'],
          ['22222', 'Jones'],
          ['33333', 'Moore'],
        ],
      ),
    ).toBe(true);
    expect(
      placeholderTable(
        ['Syntax', 'Test Text'],
        [
          ['Header', 'Title'],
          ['Paragraph', 'Text'],
          ['Strikethrough', 'Strike'],
        ],
      ),
    ).toBe(true);
    expect(
      placeholderTable(
        ['Host', 'The alias of the remote host (any name you like)'],
        [
          ['HostName', 'The address of the remote host'],
          ['Port', 'The SSH port (leave out for 22)'],
          ['IdentityFile', 'The private key to use'],
        ],
      ),
    ).toBe(true);
    expect(
      placeholderTable(
        ['Class', 'Retrieval'],
        [
          ['S3 Standard', 'Milliseconds'],
          ['Glacier Flexible Retrieval', 'Minutes to hours'],
          ['Glacier Deep Archive', 'Within 12 hours'],
        ],
      ),
    ).toBe(false);
  });

  it('asks nothing about a table with "…" and "-" cells', () => {
    const questions = questionsOf(`# Plans

## Plan comparison

| Plan | Price | Support |
| --- | --- | --- |
| Free | … | - |
| Pro | 10 USD | Email |
| Team | 20 USD | Chat |
| Enterprise | 50 USD | Phone |
`);
    expect(questions.filter((q) => q.kind?.startsWith('table'))).toEqual([]);
  });

  it('asks nothing about a table whose keys are questions', () => {
    const questions = questionsOf(`# Billing

## Which tool answers which question

| Question | Tool |
| --- | --- |
| What will this design cost? | AWS Pricing Calculator |
| Where did the money go? | AWS Cost Explorer |
| Did spend spike overnight? | AWS Cost Anomaly Detection |
| Which instances are oversized? | AWS Compute Optimizer |
`);
    expect(questions.filter((q) => q.kind?.startsWith('table'))).toEqual([]);
  });
});

describe('questions whose wording gives the answer away are rejected', () => {
  it('matches stems and camelCase words, and Chinese character pairs', () => {
    expect(sharesStem('number of pages that should be loaded initially', 'initialSize')).toBe(true);
    expect(sharesStem('automatically revalidate when window gets focused', 'revalidateOnFocus')).toBe(true);
    expect(sharesStem('which option has Key in the 1.0 column', 'keyInterface')).toBe(true);
    expect(sharesStem('Reuse exploratory notebooks', 'Notebook job')).toBe(true);
    expect(sharesStem('繞原點旋轉 θ 度', '旋轉 (Rotation)')).toBe(true);
    expect(givesAway('a function that returns the key of a page', 'getKey')).toBe(true);
    expect(givesAway('a point-in-time backup of a volume', 'Snapshot')).toBe(false);
  });

  it('drops a table question whose asked cell names the answer', () => {
    const questions = questionsOf(`# Pipelines

## Pipeline step types

| Step | Typical use |
| --- | --- |
| Notebook job | Reuse exploratory notebooks |
| Processing | Clean and split the data set |
| Training | Fit the model on the training split |
| Condition | End the run when a gate fails |
`);
    const tables = questions.filter((q) => q.kind?.startsWith('table'));
    expect(tables.some((q) => q.answer === 'Notebook job' || q.answer === 'Reuse exploratory notebooks')).toBe(false);
  });
});

describe('distractors are of the answer’s kind', () => {
  it('tells names, phrases, identifiers, figures and sentences apart', () => {
    expect(shapeOf('AWS AppSync')).toBe('name');
    expect(shapeOf('Transactional email')).toBe('phrase');
    expect(shapeOf('revalidateOnFocus')).toBe('code');
    expect(shapeOf('5 TB')).toBe('figure');
    expect(shapeOf('Which instances are oversized?')).toBe('sentence');
    expect(sameKind('AWS AppSync', 'Amazon SQS')).toBe(true);
    expect(sameKind('AWS AppSync', 'Transactional email')).toBe(false);
    expect(sameKind('5 TB', '16 TB')).toBe(true);
    expect(sameKind('5 TB', '12 hours')).toBe(false);
  });

  it('never offers a service as a distractor for a phrase, nor the reverse', () => {
    const questions = questionsOf(`# Messaging

## Services

- **AWS AppSync** — a fully managed, serverless service for building GraphQL APIs.
- **Amazon SQS** — a managed message queue that decouples producers from consumers.
- **Amazon SNS** — a managed publish/subscribe service that fans messages out to subscribers.
- **Amazon EventBridge** — a serverless event bus that routes events between applications.

## Email uses

- **Transactional email** — messages a system sends after a user action, such as a receipt.
- **Receiving email** — accepting inbound mail and handing it to an application for processing.
`);
    const appSync = questions.find((q) => q.kind === 'definition' && q.answer === 'AWS AppSync');
    expect(appSync).toBeDefined();
    expect(appSync!.choices).toHaveLength(4);
    for (const c of appSync!.choices) expect(c).toMatch(/^(?:AWS|Amazon) /);
  });

  it('emits no multiple choice with fewer than three good distractors', () => {
    const questions = questionsOf(`# Volumes

## Volume sizes

| Volume | Maximum size |
| --- | --- |
| gp3 | 16 TiB |
| io2 | 64 TiB |
| st1 | 16 TiB |
`);
    for (const q of questions.filter((x) => x.reveal === undefined)) expect(q.choices).toHaveLength(4);
    expect(questions.filter((q) => q.kind?.startsWith('table'))).toEqual([]);
  });
});

describe('tables keyed by labels and headings of another kind', () => {
  it('asks nothing about a table whose keys are row numbers or letters', () => {
    const questions = questionsOf(`# Memory

## Storage hierarchy

| Level | Storage | Typical size |
| --- | --- | --- |
| 1 | Registers | < 1 KB |
| 2 | Cache | < 64 MB |
| 3 | Main memory | < 64 GB |
| 4 | Solid-state disk | < 1 TB |
`);
    expect(questions.filter((q) => q.kind?.startsWith('table'))).toEqual([]);
  });

  it('takes sibling headings that share the answer’s last word as its distractors', () => {
    const perspective = (name: string, text: string): string =>
      `### ${name} perspective\n\nThe ${name} perspective ${text}\n\n`;
    const questions = questionsOf(`# Cloud adoption

## The adoption framework

${perspective('Business', 'ensures that cloud investments accelerate the business outcomes of the company.')}${perspective('People', 'is the bridge between technology and business and evolves the culture.')}${perspective('Governance', 'orchestrates cloud initiatives to maximise benefits while minimising risks.')}${perspective('Security', 'achieves the confidentiality, integrity and availability of data and workloads.')}### AWS Application Migration Service

AWS Application Migration Service lifts and shifts servers into AWS with minimal downtime for users.
`);
    const headings = questions.filter((q) => q.kind === 'heading' && q.answer.endsWith('perspective'));
    expect(headings.length).toBeGreaterThan(0);
    for (const q of headings) for (const c of q.choices) expect(c).toMatch(/ perspective$/);
  });
});

describe('acronym questions', () => {
  const cardsOfQuestions = (questions: QuizQuestion[]) => questions.filter((q) => q.kind === 'acronym-reveal');
  const cardsOf = (questions: QuizQuestion[]) =>
    cardsOfQuestions(questions).map((q) => [q.question, q.choices, q.reveal]);

  it('are self-graded cards named by their note title: no other expansion is a fair distractor', () => {
    const questions = questionsOf(
      '# AWS essentials\n\nElastic Block Store (EBS) gives an instance block storage. Simple Queue Service (SQS) queues messages between parts of an app.',
    );
    expect(questions.filter((q) => q.kind === 'acronym')).toEqual([]);
    expect(cardsOf(questions)).toEqual(
      expect.arrayContaining([
        ['In “AWS essentials”, what does EBS stand for?', ['I knew it', "I didn't"], 'Elastic Block Store'],
        ['In “AWS essentials”, what does SQS stand for?', ['I knew it', "I didn't"], 'Simple Queue Service'],
      ]),
    );
  });

  it('name the note title only, never the heading the acronym sits under', () => {
    const questions = questionsOf(
      '# Paging\n\n## 9.3.2 Hardware support\n\nThe Page-Table Base Register (PTBR) points to the page table of the running process.',
    );
    expect(cardsOf(questions).map(([q]) => q)).toEqual(['In “Paging”, what does PTBR stand for?']);
  });

  it('are not asked when a Chinese title names the acronym (beside its translation, it gives it away)', () => {
    const text =
      'The Standard Template Library (STL) ships containers. Server-side Rendering (SSR) renders pages per request.';
    const revealed = (title: string) => cardsOf(questionsOf(`# ${title}\n\n${text}`)).map(([, , reveal]) => reveal);
    // A Latin title that only names the acronym gives nothing away: its card is asked.
    expect(revealed('Next.js SSG and SSR')).toEqual(['Standard Template Library', 'Server-side Rendering']);
    expect(revealed('SSR in practice')).toEqual(['Standard Template Library', 'Server-side Rendering']);
    expect(revealed('Next.js SSR 入門')).toEqual(['Standard Template Library']);
    expect(revealed('C++ priority_queue(STL) 用法與範例')).toEqual(['Server-side Rendering']);
    expect(revealed('走進 STL：快速導覽 C++ 標準模板庫的核心要素')).toEqual(['Server-side Rendering']);
    // Inside a longer word ("MLOps", "gRPC") it is not the acronym.
    expect(revealed('STLport notes')).toEqual(['Standard Template Library', 'Server-side Rendering']);
  });

  it('are not asked when the title holds a word of the expansion, or says nothing', () => {
    expect(
      cardsOf(questionsOf('# Block storage on AWS\n\nElastic Block Store (EBS) gives an instance block volumes.')),
    ).toEqual([]);
    expect(
      cardsOf(questionsOf('# Cloud concepts\n\nVirtual Private Cloud (VPC) isolates a network inside AWS.')),
    ).toEqual([]);
    expect(
      cardsOf(questionsOf('# Introduction\n\nIdentity and Access Management (IAM) controls who can do what.')),
    ).toEqual([]);
  });

  it('use the Chinese template in Chinese notes', () => {
    const questions = questionsOf(
      '# 分頁 (Paging)\n\n作業系統以分頁管理記憶體，每個行程都有自己的分頁表。分頁表的位置存放在 Page-Table Base Register (PTBR) 之中，切換行程時只要更新這個暫存器。',
    );
    expect(cardsOf(questions)).toEqual([
      ['在「分頁 (Paging)」中，PTBR 是哪個名稱的縮寫？', ['I knew it', "I didn't"], 'Page-Table Base Register'],
    ]);
  });

  it('keep their id when the note is retitled: the id comes from the plain question, answer and sentence', () => {
    const body = '\n\nThe Global Interpreter Lock (GIL) lets one thread run Python bytecode at a time.';
    const [before] = cardsOfQuestions(questionsOf(`# Ray Core${body}`));
    const [after] = cardsOfQuestions(questionsOf(`# Actors and objects${body}`));
    expect([before?.question, after?.question]).toEqual([
      'In “Ray Core”, what does GIL stand for?',
      'In “Actors and objects”, what does GIL stand for?',
    ]);
    expect(after!.id).toBe(before!.id);
  });

  it('are asked once across the notes, in the first note whose title allows it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-quizq-'));
    dirs.push(dir);
    fs.writeFileSync(
      path.join(dir, 'a.md'),
      '# Access control\n\nIdentity and Access Management (IAM) controls who can do what.',
    );
    fs.writeFileSync(
      path.join(dir, 'b.md'),
      '# Security basics\n\nIdentity and Access Management (IAM) grants permissions to users.',
    );
    fs.writeFileSync(
      path.join(dir, 'c.md'),
      '# Amazon S3\n\nIdentity and Access Management (IAM) policies can grant bucket access.',
    );
    const cards = cardsOf(generateQuestions(loadNotes({ root: dir }).notes, allGeneratorKinds));
    // "Access control" names "Access": the card goes to the next note.
    expect(cards.map(([q]) => q)).toEqual(['In “Security basics”, what does IAM stand for?']);
  });
});

const card = ['I knew it', "I didn't"];
const answersOf = (questions: QuizQuestion[], kind: string): string[] =>
  questions.filter((q) => q.kind === kind).map((q) => q.reveal ?? q.answer);

describe('cloze questions (round-4 rules)', () => {
  it('read no sentence with a pronoun inside that needs the sentence before it', () => {
    expect(leansOnContext('To disable it, you can set editLink to null.')).toBe(true);
    expect(leansOnContext("scikit-learn's TimeSeriesSplit implements this pattern.")).toBe(true);
    expect(leansOnContext('在這個設定下，快取會被保留到下次重新整理為止。')).toBe(true);
    expect(leansOnContext('The useSWR hook returns the data, the error and a mutate function.')).toBe(false);
    const questions = questionsOf(`# Edit link

To disable it, you can set **editLink** to null in the theme configuration file.
`);
    expect([...answersOf(questions, 'cloze'), ...answersOf(questions, 'cloze-reveal')]).not.toContain('editLink');
  });

  it('blank no figure, label, example value, verb phrase, list fragment or item of an enumeration', () => {
    const questions = questionsOf(`# Cluster

Each **T4** worker holds one GPU and runs the training loop for the whole job.

Other Pods in the cluster reach **head-svc:8265** directly over the internal network.

SWR **deep compares** data changes by default before it renders the component again.

- **sidebarTitle** in the front matter.

KubeRay works with several schedulers: Volcano, **Kueue**, Apache YuniKorn and the default scheduler.

Next.js supports two forms of pre-rendering: **Static Generation** and Server-side Rendering.

Next.js hooks such as **usePathname** are also available inside every page of the site.

Two developer tools that older study material features are **closed to new customers**.

Hexo creates three templates in the scaffolds folder: **draft.md, page.md, post.md** for drafts, pages and posts.

**Partial dependence plots** showing how predictions change as one feature changes over its range.

Tip **decltype** 是一個關鍵字，用於查詢表達式的類型而不進行計算表達式的值。

**lastModifiedDate**（已過時）：用來表示檔案最後修改的日期，只有舊版瀏覽器支持。
`);
    const blanked = [...answersOf(questions, 'cloze'), ...answersOf(questions, 'cloze-reveal')];
    const unfit = [
      'T4',
      'head-svc:8265',
      'deep compares',
      'sidebarTitle',
      'Kueue',
      'Static Generation',
      'usePathname',
      'closed to new customers',
      'draft.md, page.md, post.md',
      'Partial dependence plots',
      'decltype',
      'lastModifiedDate',
    ];
    for (const term of unfit) expect(blanked, term).not.toContain(term);
  });

  it('take distractors only from the same section, else become a self-graded card', () => {
    const questions = questionsOf(`# Sampling

## Resampling

**Random undersampling** removes majority examples, which is simple but discards information.

**Random oversampling** duplicates minority examples and keeps information, but can overfit.

**Class weights** make mistakes on the rare class cost more during training of the model.

**Threshold tuning** moves the decision cut-off after training without touching the data.

## Services

**Amazon Kinesis Data Streams** ingests records from many producers in real time for later processing.
`);
    const under = questions.find((q) => q.kind === 'cloze' && q.answer === 'Random undersampling')!;
    expect(under.question).toBe(
      'In “Sampling › Resampling”, fill in the blank: “_____ removes majority examples, which is simple but discards information.”',
    );
    expect([...under.choices].sort()).toEqual(
      ['Class weights', 'Random oversampling', 'Random undersampling', 'Threshold tuning'].sort(),
    );
    const kinesis = questions.find((q) => q.reveal === 'Amazon Kinesis Data Streams')!;
    expect(kinesis).toMatchObject({
      kind: 'cloze-reveal',
      question:
        'In “Sampling › Services”, fill in the blank: “_____ ingests records from many producers in real time for later processing.”',
      choices: card,
      answer: 'I knew it',
    });
    expect(kinesis.id).toMatch(/\?g=[0-9a-f]{10}s$/);
  });
});

describe('definition questions (round-4 rules)', () => {
  const markdown = `# Cloud

## Characteristics

- **Rapid elasticity** — capacity can grow or shrink quickly, often automatically.
- **Measured service** — usage is metered, and you are billed for what you consume.
- **Resource pooling** — the provider serves many customers from shared hardware.
- **Broad network access** — services are reached over the network from many devices.

## Events

An event is a JSON record that something happened in an account or a service.

## Retraining

Common triggers are a schedule, the arrival of enough new labelled data, or a drift alert.

## Pipes

- **Direction** — is a pipe one-way or two-way?
- **Buffer** — the pipe keeps written bytes in a kernel buffer until they are read.
`;
  const questions = questionsOf(markdown);

  it('are multiple choice only with the other terms of the same list as distractors', () => {
    const elastic = questions.find((q) => q.kind === 'definition' && q.answer === 'Rapid elasticity')!;
    expect(elastic.question).toBe(
      'Which term is described as: “capacity can grow or shrink quickly, often automatically”?',
    );
    expect([...elastic.choices].sort()).toEqual(
      ['Broad network access', 'Measured service', 'Rapid elasticity', 'Resource pooling'].sort(),
    );
  });

  it('become cards otherwise: "What is an event?" for an "X is a …" sentence, the heading for a list item', () => {
    expect(questions.find((q) => q.kind === 'definition-reveal' && q.question === 'What is an event?')).toMatchObject({
      choices: card,
      reveal: 'a JSON record that something happened in an account or a service',
    });
    expect(
      questions.find((q) => q.kind === 'definition-reveal' && q.reveal?.startsWith('the pipe keeps')),
    ).toMatchObject({ question: 'In “Cloud › Pipes”, what do the notes say about “Buffer”?' });
  });

  it('ask "What are …?" of a plural subject, lower-cased where only the sentence capitalised it', () => {
    expect(questions.find((q) => q.question === 'In “Cloud › Retraining”, what are common triggers?')).toMatchObject({
      kind: 'definition-reveal',
      reveal: 'a schedule, the arrival of enough new labelled data, or a drift alert',
    });
  });

  it('never take a question for a definition', () => {
    expect(questions.some((q) => q.answer === 'Direction' || q.question.includes('Direction'))).toBe(false);
  });

  it('never take a Chinese list label ("簡言之", "實現方式") for a term', () => {
    const zh = questionsOf(`# 工廠模式

## 比較

- **簡言之**：簡單工廠用一個靜態方法建立所有產品物件。
- **實現方式**：工廠方法模式透過子類別決定要建立哪一種產品。
- **抽象工廠**：一次建立一整組彼此相關的產品物件。
`);
    const asked = zh.map((q) => q.question + (q.answer ?? ''));
    expect(asked.some((t) => t.includes('簡言之') || t.includes('實現方式'))).toBe(false);
    expect(asked.some((t) => t.includes('抽象工廠'))).toBe(true);
  });
});

describe('round-5 rules: questions state their subject and blank what the section is about', () => {
  const blanked = (qs: QuizQuestion[]): string[] =>
    qs.filter((q) => q.kind === 'cloze' || q.kind === 'cloze-reveal').map((q) => q.reveal ?? q.answer);

  it("blanks no passing example (a code term the heading and title do not name), but the section's own term", () => {
    const questions = questionsOf(`# Cache

## Persistence

You might want to sync your cache to \`localStorage\` between two visits of the same page.

Run \`pnpm install\` in the project root directory before the first build of the site.

## Deduplication

**Request deduplication** drops identical fetches made by many hooks within the same two-second window.
`);
    expect(blanked(questions)).not.toContain('localStorage');
    expect(blanked(questions)).not.toContain('pnpm install');
    expect(blanked(questions)).toContain('Request deduplication');
  });

  it('blanks a bold term only where it is the subject or defined, not a passing word', () => {
    const questions = questionsOf(`# Amazon Personalize

## Training a recommender

You import **datasets**: item interactions (required, such as clicks and purchases), plus optional metadata.

**HRNN recipes** choose the algorithm that trains a solution version on the imported interactions.
`);
    expect(blanked(questions)).not.toContain('datasets');
    expect(blanked(questions)).toContain('HRNN recipes');
  });

  it('names the note and section in a cloze, unless that names the answer', () => {
    const questions = questionsOf(`# SageMaker Canvas

## Building without code

**Ready-to-use models** call AWS AI services for sentiment analysis and document analysis, without training.
`);
    const q = questions.find((x) => x.reveal === 'Ready-to-use models' || x.answer === 'Ready-to-use models')!;
    expect(q.question).toBe(
      'In “SageMaker Canvas › Building without code”, fill in the blank: “_____ call AWS AI services for sentiment analysis and document analysis, without training.”',
    );
  });

  it('asks a common noun phrase with where it comes from, a named term plainly', () => {
    const questions = questionsOf(`# Classic algorithms

## Random forest

The main hyperparameters are the number of trees, the maximum depth and the features tried per split.

## Amazon S3

Amazon S3 is an object storage service that keeps data in buckets across several zones.
`);
    const asked = questions.filter((q) => q.kind === 'definition-reveal').map((q) => q.question);
    expect(asked).toContain('In “Classic algorithms › Random forest”, what are the main hyperparameters?');
    expect(asked).toContain('What is Amazon S3?');
  });

  it('never offers a distractor whose words the definition uses (it reads as right too)', () => {
    const questions = questionsOf(`# Templates

## Benefits

- **Clear history** — every change can be traced to its purpose and its tests through the description.
- **Traceability** — each merged change links to the issue that asked for it and its review.
- **Easy review** — reviewers see the checklist filled in before they read the diff itself.
- **Shared format** — every pull request follows one layout, so nothing is left out by accident.
- **Onboarding** — new people learn the expected steps from the template on their first change.
- **Fast triage** — maintainers sort new requests by label at a glance, without opening each one.
- **Better releases** — release notes can be written from the merged titles in a few minutes.
`);
    const clear = questions.find((q) => q.kind === 'definition' && q.answer === 'Clear history');
    expect(clear).toBeDefined();
    expect(clear!.choices).not.toContain('Traceability');
    expect(clear!.choices).toHaveLength(4);
  });
});

describe('round-5 rules: no anecdote, no step label', () => {
  it('blanks no term in a first-person sentence', () => {
    const questions = questionsOf(`# Docusaurus

## Why

In early 2022 I built my first blog with **Hexo Framework** and a theme found on a forum.

**Docusaurus Classic** ships docs, a blog and pages in one preset for most sites.
`);
    const blanked = questions.filter((q) => q.kind?.startsWith('cloze')).map((q) => q.reveal ?? q.answer);
    expect(blanked).not.toContain('Hexo Framework');
    expect(blanked).toContain('Docusaurus Classic');
  });

  it('takes no step or resource label for a defined term', () => {
    const questions = questionsOf(`# 死結

## 範例

- **步驟①**：thread_one 取得 first_mutex，繼續嘗試取得 second_mutex。
- **R4**：有三個實例，但目前沒有任何執行緒持有或等待它。
- **互斥（Mutual exclusion）**：一次只有一個執行緒可以使用這個資源。
`);
    const asked = questions.map((q) => q.question + ' ' + q.answer + ' ' + (q.reveal ?? ''));
    expect(asked.some((t) => t.includes('步驟①') || /\bR4\b/.test(t))).toBe(false);
    expect(asked.some((t) => t.includes('互斥'))).toBe(true);
  });
});

describe('recall cards', () => {
  const prose = `# Suspense

Suspense lets a component wait for data before it renders, as an experimental feature of React.

## Usage

Wrap the component in a boundary and pass a fallback to show while the data loads.

## Server rendering

When rendering on the server, the fallback is sent first and the content streams in as soon as the data is ready. Streaming keeps the first byte fast for every reader of the page.
`;

  it('give a note with prose and nothing else to ask one card on its longest named section', () => {
    const questions = questionsOf(prose).filter((q) => q.kind === 'recall-reveal');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({
      question: 'In “Suspense”, what does the section “Server rendering” say?',
      choices: card,
      reveal:
        'When rendering on the server, the fallback is sent first and the content streams in as soon as the data is ready. Streaming keeps the first byte fast for every reader of the page.',
    });
    // Same notes, same card: the id comes from its content.
    expect(questionsOf(prose).find((q) => q.kind === 'recall-reveal')!.id).toBe(questions[0]!.id);
  });

  it('start at the first sentence that stands alone, after an alert marker or a lead-in', () => {
    const questions = questionsOf(`# Content directory

## Location

> [!TIP]
> You can keep the content directory in the root of your project or inside the src directory.

Pages in the directory become routes without any page file convention to follow.
`).filter((q) => q.kind === 'recall-reveal');
    expect(questions.map((q) => q.reveal?.split('.')[0])).toEqual([
      'You can keep the content directory in the root of your project or inside the src directory',
    ]);
  });

  it('reveal no placeholder Latin and no opening that leans on the text before it', () => {
    const questions = questionsOf(`# Table of contents

## First long item that needs to wrap

Tempus egestas sed sed risus pretium quam vulputate. Imperdiet proin fermentum leo vel orci porta non pulvinar.

## Data fetching

The returned value will be passed as data, and if it throws, it will be caught as error.
`);
    expect(questions.filter((q) => q.kind === 'recall-reveal')).toEqual([]);
  });

  it('start at no sentence cut from the one before it ("」…", "換句話說，…")', () => {
    const questions = questionsOf(`# 矩陣乘法

## 乘積的反矩陣

換句話說，兩個非平行向量可以涵蓋整個二維平面，任何向量都能由它們組合出來。

## 反向操作

先做的事」在反向操作時要「後做」，就像先穿襪子再穿鞋子，脫的時候順序相反。
`);
    expect(questions.filter((q) => q.kind === 'recall-reveal')).toEqual([]);
  });

  it('are not made for a note that has other questions', () => {
    const questions = questionsOf(
      `${prose}\nAn **Amazon Kinesis Data Stream** ingests records from many producers in real time.\n`,
    );
    expect(questions.some((q) => q.kind === 'cloze-reveal')).toBe(true);
    expect(questions.some((q) => q.kind === 'recall-reveal')).toBe(false);
  });
});
