import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import type { QuizQuestion } from '../../src/notes/types.js';
import { normal } from '../../src/quiz/generate/draft.js';
import { expectIdsFollowSource } from './support/card-edits.js';
import { generateQuestions, generatorKinds, round8Kinds } from '../../src/quiz/generate/index.js';
import { placeholderProse } from '../../src/quiz/generate/quality.js';
import { repeatsPhrase } from '../../src/quiz/generate/term-answer.js';
import { libraryFrom } from '../helpers/sections.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/quiz-walkthrough');
const cards = (root: string): QuizQuestion[] => generateQuestions(loadNotes({ root }).notes, round8Kinds);
const generated = cards(fixture);
const asked = generated.map((q) => [q.kind, q.question, q.reveal]);

describe('command, config and term cards (round 8)', () => {
  it('ask which command does what the lead-in, the heading or a Steps heading says', () => {
    expect(asked).toContainEqual([
      'command-reveal',
      '在「Github Page 部署 › 使用指令部署」中，要安裝hexo的git部署套件，該執行什麼指令？',
      'npm install hexo-deployer-git --save',
    ]);
    expect(asked).toContainEqual([
      'command-reveal',
      '在「Github Page 部署 › 使用指令部署」中，要清理之前建立的靜態檔案 → 建立靜態檔案 → 部署至 Github Pages，該執行什麼指令？',
      'hexo clean\nhexo generate\nhexo deploy',
    ]);
    // The section's own heading is the goal: the card names the note only.
    expect(asked).toContainEqual([
      'command-reveal',
      '在「Github Page 部署」中，要列出現有的工作目錄，該執行什麼指令？',
      'git worktree list',
    ]);
    expect(asked).toContainEqual([
      'command-reveal',
      'In “Search Engine”, which command do you run to install the Inkeep component library?',
      'npm i @inkeep/cxkit-react',
    ]);
    // "cd blog" only says where to stand: the answer is the command.
    expect(asked).toContainEqual([
      'command-reveal',
      '在「Github Page 部署 › 使用指令部署」中，要啟動本地伺服器，該執行什麼指令？',
      'hexo server',
    ]);
  });

  it('ask which setting line does what its comment says', () => {
    expect(asked).toContainEqual([
      'config-reveal',
      '在「Github Page 部署 › 設定 Hexo 連結github repo」的設定中，哪一行設定的作用是「使用 Git 部署」？',
      'type: git',
    ]);
    expect(asked).toContainEqual([
      'config-reveal',
      '在「Github Page 部署 › 設定 Hexo 連結github repo」的設定中，哪一行設定的作用是「網站的網址」？',
      'url: https://example.github.io/blog/',
    ]);
  });

  it('ask what the notes say about a "*Term*: …" item and a term heading over its opening sentence', () => {
    expect(asked).toContainEqual([
      'term-reveal',
      '在「Ch1 Introduction › C Program 執行階段」中，筆記對「Header file」的說明是什麼？',
      '標頭檔，記錄一些通用的變數與函數的定義',
    ]);
    expect(asked).toContainEqual([
      'term-reveal',
      '在「Ch1 Introduction」中，筆記對「sizeof」的說明是什麼？',
      '回傳一資料型態佔有的空間大小(byte)',
    ]);
  });

  it('ask nothing of placeholders, output, boilerplate, labels, topics or commands the lead-in already names', () => {
    const text = generated.map((q) => `${q.question}\n${q.reveal}\n${q.explanation}`).join('\n');
    for (const absent of [
      'lorem-ipsum', // a command under lorem ipsum
      'gitdir', // output shown in a block, not a command
      'import nextra', // imports only
      'git remote show origin', // the lead-in names the command
      'pnpm build', // the lead-in names the command
      '\u0022First Commit\u0022', // a comment that says nothing ("Commit")
      'new_post_name', // a comment that points at the line ("這樣設定")
      'Link', // "*Link*: 參考[4_3.cpp](…)": a pointer, not a definition
      '分類與標籤', // a Chinese heading is as often a topic as a term
      'Reference',
      'pagefind', // "Install `pagefind` …": the goal names the package, the answer is a generic npm line
      'hexo-generator-sitemap', // the goal names the package
      '草稿', // "新文章或草稿": a goal with two alternatives, a one-line answer
      'nest-winston', // "安裝套件": a goal that names nothing
      '「Edit」', // a single capitalised word: self-evident
      '「Execution」',
      'typedef', // "…的縮寫": the name spelled out, not what it is
    ])
      expect(text, absent).not.toContain(absent);
  });

  it('are self-graded cards that never name their answer, explained by their source and linked to its section', () => {
    const notes = loadNotes({ root: fixture }).notes;
    expect(generated.length).toBeGreaterThanOrEqual(10);
    for (const q of generated) {
      expect(q.choices, q.question).toEqual(['I knew it', "I didn't"]);
      expect(normal(q.question), q.question).not.toContain(normal(q.reveal!));
      const note = notes.find((n) => n.route === q.noteRoute)!;
      const section = note.sections.find((s) => s.anchor === q.section)!;
      expect(section, q.id).toBeDefined();
      expect(normal(section.markdown)).toContain(normal(q.reveal!).split(' ')[0]);
    }
  });

  it('keep their ids across an unrelated edit, and retire a card whose source changed', () => {
    expectIdsFollowSource({
      fixture,
      file: 'hexo-deploy.md',
      cards,
      unrelated: ['修改 deploy 區塊與網址設定', '修改 deploy 與 url 設定'],
      source: ['npm install hexo-deployer-git --save', 'npm i hexo-deployer-git'],
      retired: (q) => q.reveal === 'npm install hexo-deployer-git --save',
      replacement: (q) => q.reveal === 'npm i hexo-deployer-git',
    });
  });

  it('are on by default as blind judging passed them (config in round 8, command in round 10, term in round 11)', () => {
    expect(generatorKinds).toContain('config');
    expect(generatorKinds).toContain('command');
    expect(generatorKinds).toContain('term');
    const kinds = generateQuestions(loadNotes({ root: fixture }).notes).map((q) => q.kind);
    expect(kinds).toContain('config-reveal');
    expect(kinds).toContain('command-reveal');
    expect(kinds).toContain('term-reveal');
  });

  it('read long runs of what their patterns look for without stalling', () => {
    // Not timed: a super-linear regex shows as a test timeout.
    const runs = [
      `${'完成後'.repeat(10_000)}安裝${'，'.repeat(10_000)}\n\n\`\`\`sh\nnpm i x\n\`\`\``,
      `\`\`\`yaml\n${'a: b #'.repeat(10_000)}\n${'k:'.repeat(10_000)} # ${' '.repeat(10_000)}x\n\`\`\``,
      `* *${'x'.repeat(10_000)}*: ${'參考 '.repeat(10_000)}${'：'.repeat(10_000)}`,
      `- ${'a:'.repeat(10_000)}${' '.repeat(10_000)}:\n\n\`\`\`sh\ngit ${'-'.repeat(20_000)}\n\`\`\``,
    ];
    const files = Object.fromEntries(runs.map((text, i) => [`r${i}.md`, `# Runs ${i}\n\n## sizeof\n\n${text}\n`]));
    expect(Array.isArray(generateQuestions(libraryFrom(files).notes, round8Kinds))).toBe(true);
  });
});

describe('command and term cards skip what round 8 of blind judging rejected (round 10 rules)', () => {
  const asked = (files: Record<string, string>): string[] =>
    generateQuestions(libraryFrom(files).notes, round8Kinds).map((q) => `${q.question} => ${q.reveal}`);
  const hexo = (lead: string, code: string): Record<string, string> => ({
    'hexo.md': `---\ntitle: "部落格"\n---\n\n## **部署**\n\n部落格架好之後，接下來要把網站部署到 GitHub Pages 上，讓大家都看得到。\n\n${lead}\n\n\`\`\`shell\n${code}\n\`\`\`\n`,
  });

  it('ask no command when the goal names every package or argument it takes, in any script', () => {
    expect(
      asked(hexo('安裝 google 引擎的hexo-generator-sitemap套件', 'npm install hexo-generator-sitemap --save')),
    ).toEqual([]);
    expect(asked(hexo('安裝網站地圖產生器', 'npm install hexo-generator-sitemap --save'))).toEqual([
      '在「部落格 › 部署」中，要安裝網站地圖產生器，該執行什麼指令？ => npm install hexo-generator-sitemap --save',
    ]);
    // A goal naming one of two packages still asks for the command.
    expect(asked(hexo('安裝 winston 記錄套件', 'npm install nest-winston winston'))).toHaveLength(1);
    const en = (step: string): string[] =>
      asked({ 'search.mdx': `# Search\n\n## Setup\n\n### ${step}\n\n\`\`\`sh\nnpm i -D pagefind\n\`\`\`\n` });
    expect(en('Install `pagefind` as a dev dependency')).toEqual([]);
    expect(en('Install the static search indexer')).toHaveLength(1);
  });

  it('ask no command when the goal names two alternatives and the block answers one, and drop cd lines', () => {
    const block = 'cd 專案目錄\nhexo new "<文章名稱>"';
    expect(asked(hexo('要創建新文章或草稿.md檔', block))).toEqual([]);
    expect(asked(hexo('要創建新文章.md檔', block))).toEqual([
      '在「部落格 › 部署」中，要創建新文章.md檔，該執行什麼指令？ => hexo new "<文章名稱>"',
    ]);
    expect(asked(hexo('要切換到專案目錄', 'cd 專案目錄'))).toEqual([]);
  });

  it('ask no command for a goal that names nothing in particular or is a condition', () => {
    expect(asked(hexo('安裝套件', 'npm install nest-winston winston'))).toEqual([]);
    expect(asked(hexo('安裝必要插件', 'npm install hexo-renderer-pug --save'))).toEqual([]);
    expect(asked(hexo('執行一支 Java 程式時', 'java Program'))).toEqual([]);
  });

  const course = (body: string): Record<string, string> => ({
    'c.md': `---\ntitle: "Ch1 Introduction"\n---\n\n${body}\n`,
  });

  it('ask no term that is a single capitalised word, and ask identifiers and names of two words', () => {
    const cards = asked(
      course(
        '## **C Program 執行階段**\n\n* *1. Edit*: 編輯程式碼，即Coding\n* *2. Header file*: 標頭檔，記錄一些通用的變數與函數的定義\n* *4. Link*: 連結器把各個目的檔與函式庫連結成執行檔\n* *5. linker*: 連結器把各個目的檔與函式庫連結成執行檔\n',
      ),
    );
    expect(cards.some((c) => c.includes('「Edit」') || c.includes('「Link」'))).toBe(false);
    expect(cards.some((c) => c.includes('「Header file」'))).toBe(true);
    expect(cards.some((c) => c.includes('「linker」'))).toBe(true);
  });

  it('ask no term whose answer only spells out its name', () => {
    const card = (sentence: string): string[] => asked(course(`## **typedef**\n\n${sentence}\n`));
    expect(card('typedef 是 type definition 的縮寫，用在自訂資料型態')).toEqual([]);
    expect(card('typedef is the abbreviation of type definition in every C program')).toEqual([]);
    expect(card('為既有的資料型態取一個新的別名，讓宣告更簡短')).toHaveLength(1);
  });

  it('ask no term that names a task, or whose sentence only introduces it (its translation after it)', () => {
    const cards = asked(
      course(
        '## **Class 筆記**\n\n* *Copying an object*: 用複製的方式建立物件是一個特別的操作\n* *Object pointers*: 指標可以指向一個物件，也就是儲存物件的位址\n* *Mutex Lock*: 對於較長的臨界區段，Linux 核心提供 mutex lock（互斥鎖）\n* *Spin Lock*: 等待時不斷檢查鎖是否釋放，適合很短的臨界區段\n',
      ),
    );
    expect(cards.some((c) => c.includes('「Copying an object」') || c.includes('「Mutex Lock」'))).toBe(false);
    expect(cards.some((c) => c.includes('「Object pointers」'))).toBe(true);
    expect(cards.some((c) => c.includes('「Spin Lock」'))).toBe(true);
  });

  const termCards = (body: string): string[] =>
    asked(course(`## **筆記**\n\n這一章整理課堂上提到的名詞，每個名詞都附上一句說明。\n\n${body}`));

  it('ask no term whose answer says the term again in other words (round 10)', () => {
    expect(
      termCards('* *Object pointers*: A pointer may point to an object, i.e., store the address of an object'),
    ).toEqual([]);
    expect(termCards('* *Object pointers*: The arrow operator calls a member through the address held')).toHaveLength(
      1,
    );
    expect(termCards('* *動態記憶體配置*: 動態配置記憶體，即記憶體的動態配置')).toEqual([]);
    expect(termCards('* *動態記憶體配置*: 程式執行時才向系統要求空間，用完要自行釋放')).toHaveLength(1);
  });

  it('ask no setting whose answer only says it switches its own check on (round 10)', () => {
    expect(termCards('* *strictNullChecks*: 設定是否啟用嚴格的空值檢查')).toEqual([]);
    expect(termCards('* *noUncheckedIndexedAccess*: 設定是否在通過索引簽名訪問屬性時進行嚴格檢查')).toEqual([]);
    expect(termCards('* *strictNullChecks*: Whether to enable strict null checks')).toEqual([]);
    expect(termCards('* *noImplicitReturns*: 設定是否在函數的所有程式碼路徑未明確返回值時報錯')).toHaveLength(1);
  });

  it('ask no term whose opening is about something broader or the old way it replaces (round 10)', () => {
    const opening = (heading: string, sentence: string): string[] => termCards(`## ${heading}\n\n${sentence}\n`);
    expect(opening('Static members', 'A member variable/function may be an attribute/operation of a class.')).toEqual(
      [],
    );
    expect(
      opening('Static members', 'Static members belong to the class, shared by every object of the class.'),
    ).toHaveLength(1);
    expect(
      opening('Java Executor Framework', '傳統的 Java 執行緒建立方式有一個根本的侷限：執行緒無法回傳結果。'),
    ).toEqual([]);
    expect(
      opening('Java Executor Framework', 'Java Executor Framework 把建立執行緒與執行任務分開，並以 Future 取回結果。'),
    ).toHaveLength(1);
  });

  it('ask no term whose answer repeats a phrase twice in a row, a garbled line (round 10)', () => {
    expect(termCards('* *index Configuration*: 審查批准後會收到一封會收到一封確認信件')).toEqual([]);
    expect(termCards('* *index Configuration*: 審查批准後會收到一封確認信件，內含索引名稱')).toHaveLength(1);
    expect(repeatsPhrase('the index the index is built nightly')).toBe(true);
    // Reduplication and repeated letters inside a word are no garble.
    expect(repeatsPhrase('研究研究這個問題，常常練習')).toBe(false);
    expect(repeatsPhrase('Mississippi barbara')).toBe(false);
    // Long inputs stay quick: the check is a bounded loop, not a backreference.
    expect(repeatsPhrase('甲乙丙丁'.repeat(30))).toBe(true);
  });
});

describe('acronym cards skip what a study group already knows or cannot read', () => {
  const note = (body: string): string => `# Week three\n\n## Part\n\n${body}\n`;
  // Cards name the note's title ("In “Week three”, what does EBS stand for?"); the acronym asked is what counts here.
  const acronymCards = (files: Record<string, string>): string[] =>
    generateQuestions(libraryFrom(files).notes)
      .filter((q) => q.kind === 'acronym-reveal')
      .map((q) => q.question.replace(/^In “Week three”, w/, 'W'));

  it('skip an acronym the notes use undefined in five notes or more (and as often as they define it)', () => {
    const files: Record<string, string> = {
      'define.md': note('A large language model (LLM) predicts tokens. Elastic Block Store (EBS) keeps volumes.'),
    };
    for (let i = 0; i < 5; i++)
      files[`use${i}.md`] = note(`Every LLM pipeline step ${i} reads prompts and writes answers.`);
    const asked = acronymCards(files);
    expect(asked).toContain('What does EBS stand for?');
    expect(asked).not.toContain('What does LLM stand for?');
    // With fewer notes taking it for granted, it is asked.
    delete files['use4.md'];
    expect(acronymCards(files)).toContain('What does LLM stand for?');
  });

  it('skip plural and two-letter acronyms', () => {
    const asked = acronymCards({
      'os.md': note(
        'Dynamically Linked Libraries (DLLs) load at run time. Fixed Priority (FP) never changes. Memory-Management Unit (MMU) maps addresses.',
      ),
    });
    expect(asked).toContain('What does MMU stand for?');
    expect(asked.some((q) => /\bDLLs?\b|\bFP\b/.test(q))).toBe(false);
  });
});

describe('prose counted for the volume', () => {
  it('counts no placeholder text', () => {
    expect(placeholderProse('Lorem ipsum dolor sit amet, consectetur adipiscing elit.')).toBe(true);
    expect(placeholderProse('Sed do eiusmod tempor, dolor sit amet.')).toBe(true);
    expect(placeholderProse('Pagefind indexes HTML files after the build.')).toBe(false);
  });
});
