import { normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { broken, card, firstPerson, trimEnd, whereFor } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { leansOnContext, placeholderProse, pointsAway } from './quality.js';

/**
 * Self-graded cards on the questions notes ask themselves: a paragraph that asks how to do something
 * ("…，要如何讓文章只在首頁顯示部分內容…呢？", "How do you …?") and, right after it, the paragraph that
 * answers ("只要在想要開始隱藏的內文上頭加上`<!-- more -->`，首頁就會…") → the question as the notes
 * put it, the answer revealed. Walk-throughs often state a step's goal this way, sentences before
 * the command or markup that does it.
 */

/** Where the question starts: its interrogative ("要如何", "怎麼", "How do"), after any story before it. */
const zhAsk = /(?:要|該|该)?(?:如何|怎麼|怎么|怎樣|怎样)/u;
const enAsk = /\bhow (?:do|can|should|to)\b/i;

function questionOf(paragraph: string): string | undefined {
  const p = paragraph.trim();
  if (!/[?？]$/.test(p) || p.length > 200) return undefined;
  // One question only: a second "?" inside asks two things.
  if (/[?？]/.test(p.slice(0, -1))) return undefined;
  const zh = zhAsk.exec(p);
  if (zh) {
    // The clause that asks, with its subject ("user-space 程式要如何查詢…"); a story before it goes.
    const before = p.slice(0, zh.index);
    const start = Math.max(...['，', '：', ',', ':', '。', '；'].map((c) => before.lastIndexOf(c)));
    // "該怎麼辦？": how to do what, the question does not say.
    if (p.length - (zh.index + zh[0].length) <= 4) return undefined;
    const q = p
      .slice(start + 1)
      .trim()
      .replace(/^(?:那麼|那么|那|所以|但|而)\s*/u, '')
      .replace(/^(?:我們|我们)\s*/u, '')
      .replace(/\s*(?:呢|嗎|吗)?\s*[?？]$/u, '？');
    // A clause that starts with a bare "怎麼" lost its subject to the clause before ("…，怎麼讀寫檔案？");
    // "要如何…" / "該如何…" asks how one does it and needs none.
    if (q.startsWith(zh[0]) && !/^(?:要|該|该)/u.test(zh[0])) return undefined;
    return q.length >= 8 ? q : undefined;
  }
  const en = enAsk.exec(p);
  if (en?.index !== 0) return undefined;
  return p;
}

/** An answer worth revealing: its first sentence, standing alone, short enough to check. */
function answerOf(paragraph: string): string | undefined {
  const text = paragraph.trim();
  // "…你需要考慮以下幾個問題：": the answer is the list after it.
  if (/[:：]$/.test(text)) return undefined;
  const first = text
    .split(/(?<=[。！])|(?<=\.)\s/u)[0]
    ?.trim()
    .replace(/^(?:答案是|答案就是|the answer is)\s*[:：]?\s*/iu, '');
  if (!first) return undefined;
  const a = trimEnd(first);
  if (a.length < 6 || a.length > 160 || /[?？]$/.test(first)) return undefined;
  // A scene or an aside, not the answer: "假設…", "例如…", "在實際開發中…", "你可能想得到…".
  if (/^(?:假設|假设|例如|比如|在實際|在实际|如果|若|當|当|suppose|for example|imagine)/iu.test(a) || /你|您/u.test(a))
    return undefined;
  const plain = a.replace(/<!--[^>]*-->/g, 'comment');
  if (broken(plain) || pointsAway(plain)) return undefined;
  if (firstPerson(a) || leansOnContext(plain.replace(/`/g, ''))) return undefined;
  return a;
}

export function askedDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text)) return drafts;
  const { paragraphs } = facts;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const asked = questionOf(paragraphs[i]!);
    if (!asked || firstPerson(asked) || pointsAway(asked)) continue;
    const answer = answerOf(paragraphs[i + 1]!);
    if (!answer) continue;
    const where = whereFor(facts, answer);
    if (!where) continue;
    const question = fill(templates.asked, lang, { where, question: asked });
    if (normal(question).includes(normal(answer))) continue;
    drafts.push(card('asked', question, answer, `${paragraphs[i]}\n${paragraphs[i + 1]}`, facts));
  }
  return drafts;
}
