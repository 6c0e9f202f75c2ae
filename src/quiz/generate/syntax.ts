import { normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { generic } from './heading.js';
import { card, firstPerson } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { placeholderProse } from './quality.js';
import { shellLangs } from './code.js';

/**
 * Self-graded cards on how a feature is written, for cheat sheets and course notes whose section is
 * a heading naming a feature ("Quotes 引用框", "Ternary if operator", "添加空白行") and, first under it,
 * a short code block that shows it (`> 這是一個引用框`, `condition ? operation A : operation B`,
 * `<br/>`) → "在「<note>」中，「<feature>」要怎麼寫？", the block revealed.
 * Shell blocks are commands (code.ts); a block of more than three lines is a program, not a syntax
 * to recall. Read from the parsed code blocks (facts.code).
 */

/** Output, data and plain text show no syntax. */
const notSyntaxLangs = new Set(['text', 'txt', 'plaintext', 'plain', 'log', 'output', 'csv', 'diff', 'mermaid']);
const maxLines = 3;
const maxChars = 160;

/** Headings that name an example, a part of the page or a task, not a feature. */
const notAFeature =
  /^(?:example|exp|ex|demo|output|result|結果|輸出|範例|例子|示例|問題|練習|exercise|reference|參考|安裝|install|setup|部署|deploy)/iu;

/** The feature a heading names: short, no question, no sentence. */
function featureOf(heading: string): string | undefined {
  const h = heading.trim();
  // "1. 相鄰兄弟元素", "2. 父子元素": one case of a numbered list, shown by example markup rather than a syntax.
  if (/^\d/.test(h)) return undefined;
  if (!h || h.length > 40 || generic.test(h) || notAFeature.test(h)) return undefined;
  // "基本語法", "API 格式": says that a syntax follows, not whose.
  if (h.replace(/基本|basic|的|\s|語法|语法|格式|用法|寫法|写法|syntax|format|usage|api/giu, '').length < 2)
    return undefined;
  // "使用 Padding 或 Border": two alternatives, which one block shows only one of.
  if (/或|\bor\b/iu.test(h)) return undefined;
  if (/[?？。!！:：$[\]{}<>`]/.test(h) || h.split(/\s+/).length > 5) return undefined;
  return h;
}

export function syntaxDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text) || facts.section.level < 2) return drafts;
  const blocks = facts.code ?? [];
  // Two blocks under one heading ("-- SQL" then the MongoDB query): either could be the answer.
  if (blocks.length !== 1) return drafts;
  for (const block of blocks) {
    // Only a block that opens its heading's part: the heading says what it shows.
    if (block.heading === undefined || block.lead !== undefined) continue;
    if (shellLangs.has(block.lang) || notSyntaxLangs.has(block.lang)) continue;
    const feature = featureOf(block.heading);
    if (!feature) continue;
    const lines = block.code.split('\n').filter((l) => l.trim());
    if (lines.length === 0 || lines.length > maxLines) continue;
    const code = lines.map((l) => l.trimEnd()).join('\n');
    if (code.length > maxChars || firstPerson(code.replace(/[`'"]/g, ' '))) continue;
    // Comment lines only ("// TODO"), or a block that is the heading's own words: nothing to recall.
    // A comment line ("-- SQL", "# Writing", "// 定義") labels or explains the code: a program, not one syntax.
    if (
      lines.some(
        (l) =>
          /^\s*(?:\/\/|--\s|\/\*|<!--|#(?!include|define|pragma|if|import)\S*\s)/.test(l) || /\s(?:\/\/|#)\s/.test(l),
      )
    )
      continue;
    if (normal(code) === normal(feature) || normal(code).includes(normal(feature))) continue;
    // `import { useConfig } from '…'` under "useConfig hook": how to import it, not how it is written.
    if (lines.every((l) => /^\s*(?:import\s|export\s.*\sfrom\s|(?:const|let|var)\s.*=\s*require\()/.test(l))) continue;
    // "自訂錯誤訊息" under each type of a note: the title alone does not say which one is asked.
    if (facts.note.sections.filter((s) => s.heading.trim() === block.heading!.trim()).length > 1) continue;
    const where = facts.section.noteTitle.trim();
    if (!where || /[$[\]{}<>]/.test(where)) continue;
    // The question in the heading's script: "「添加空白行」要怎麼寫？" in a note whose prose is mostly English.
    const question = fill(templates.syntax, /\p{Script=Han}/u.test(feature) ? 'zh' : lang, { where, feature });
    drafts.push(card('syntax', question, code, code, facts));
  }
  return drafts;
}
