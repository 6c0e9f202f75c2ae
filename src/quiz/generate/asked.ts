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

/** A clause that sets a condition on the question: "在沒有 /proc 的情況下", "若 X", "當 X 時". */
const condition =
  /^(?:在.{1,40}(?:情況下|情况下|時候|时候|時|时|之下|前提下)|若|如果|假如|假設|假设|當|当|沒有|没有|不(?:使用|透過|用)|除了|without\b|if\b|when\b|unless\b)/iu;
/** Words that make a dropped clause a condition: the question would lose it. */
const conditionWord = /沒有|没有|不(?:使用|透過|透过|用|能)|除了|若|如果|假如|without\b|unless\b/iu;

function questionOf(paragraph: string): string | undefined {
  const p = paragraph.trim();
  if (!/[?？]$/.test(p) || p.length > 200) return undefined;
  // One question only: a second "?" inside asks two things.
  if (/[?？]/.test(p.slice(0, -1))) return undefined;
  const zh = zhAsk.exec(p);
  if (zh) {
    // The clause that asks, with its subject ("user-space 程式要如何查詢…") and the conditions right
    // before it ("在沒有 /proc 的情況下，"); a story before those goes, a condition further back is
    // not dropped: the card is not asked.
    const before = p.slice(0, zh.index);
    const sentenceStart = Math.max(...['：', ':', '。', '；', '！'].map((c) => before.lastIndexOf(c)));
    let start = Math.max(...['，', ','].map((c) => before.lastIndexOf(c)));
    while (start > sentenceStart) {
      const previous = Math.max(sentenceStart, ...['，', ','].map((c) => before.lastIndexOf(c, start - 1)));
      if (!condition.test(before.slice(previous + 1, start).trim())) break;
      start = previous;
    }
    start = Math.max(start, sentenceStart);
    if (conditionWord.test(before.slice(Math.max(0, sentenceStart + 1), start + 1))) return undefined;
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

/**
 * The answer's key terms: Latin phrases ("Contiguous Memory Allocation", "system call"), quoted
 * terms (「工廠」) and glosses in brackets (（連續記憶體配置）).
 */
function keyTerms(answer: string): string[] {
  const latin = answer.match(/[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*)*/g) ?? [];
  const quoted = answer.match(/[「『“"][^」』”"]{1,30}[」』”"]/gu)?.map((q) => q.slice(1, -1).trim()) ?? [];
  const glossed = answer.match(/[（(][^（()）]{1,30}[)）]/gu)?.map((q) => q.slice(1, -1).trim()) ?? [];
  return [...latin, ...quoted, ...glossed].filter((t) => t.length >= 2);
}

/** Runs of four Han characters: a Chinese term the answer and a heading share. */
const hanQuads = (text: string): Set<string> => {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? [])
    for (let i = 0; i + 4 <= run.length; i++) out.add(run.slice(i, i + 4));
  return out;
};

/**
 * A heading or title that names what the answer says, and the question does not: "連續記憶體配置
 * (Contiguous Memory Allocation)" over "最直覺的一種方法是 Contiguous Memory Allocation …".
 */
export function namesAnswer(where: string, answer: string, asked: string): boolean {
  const w = normal(where);
  const q = normal(asked);
  for (const term of keyTerms(answer)) {
    const t = normal(term);
    if (!t || q.includes(t)) continue;
    if (w.includes(t) && (t.length >= 3 || /\p{Script=Han}/u.test(t))) return true;
    // Two long words of a Latin phrase ("memory allocation"), neither asked.
    const words = t.split(' ').filter((x) => x.length >= 4 && !q.includes(x));
    if (words.length >= 2 && words.filter((x) => w.split(' ').includes(x)).length >= 2) return true;
  }
  const quads = hanQuads(where);
  const askedQuads = hanQuads(asked);
  return [...hanQuads(answer)].some((x) => quads.has(x) && !askedQuads.has(x));
}

/** The heading path, else the note's title, whichever does not name the answer; else none. */
function placeFor(facts: SectionFacts, answer: string, asked: string): string | undefined {
  const where = whereFor(facts, answer);
  const title = facts.section.noteTitle.trim();
  return [where, title].find((w) => w && !/[$[\]{}<>]/.test(w) && !namesAnswer(w, answer, asked));
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
    const where = placeFor(facts, answer, asked);
    if (!where) continue;
    const question = fill(templates.asked, lang, { where, question: asked });
    if (normal(question).includes(normal(answer))) continue;
    drafts.push(card('asked', question, answer, `${paragraphs[i]}\n${paragraphs[i + 1]}`, facts));
  }
  return drafts;
}
