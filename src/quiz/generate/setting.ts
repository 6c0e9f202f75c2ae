import type { Draft } from './draft.js';
import type { CodeBlock, SectionFacts } from './facts.js';
import { card, trimEnd } from './howto.js';
import { placeFor } from './usage.js';
import { placeholderProse } from './quality.js';

/**
 * Setting cards (self-graded): the notes tell the reader to put a value into a named key of the
 * config block beside them. "將追蹤碼貼到tracking_id" over a YAML block holding `tracking_id:` →
 * "在「…」中，追蹤碼要貼到哪個設定？" → `tracking_id`; "Paste your API key into `apiKey`" → "In
 * “…”, which setting holds your API key?". A "which setting" card, never "where": the key must be a
 * key of a config block (YAML, TOML, INI, JSON, .env) in the same section. Keys are read line by
 * line from the parsed code blocks; every pattern is anchored or bounded: linear time.
 */

const configLangs = /^(?:ya?ml|toml|ini|json5?|jsonc|env|dotenv|properties|conf)$/i;

/** "key:" / "key =" / "\"key\":" at the start of a line, with its indent (for the parent key). */
const keyLine = /^(\s*)["']?([A-Za-z_][\w.-]{0,60})["']?\s*[:=]/;

interface Key {
  key: string;
  parent?: string;
}

/** The keys of a config block, each with the key it sits under (by indent). */
export function configKeys(block: CodeBlock): Key[] {
  if (!configLangs.test(block.lang.trim())) return [];
  const out: Key[] = [];
  const stack: { indent: number; key: string }[] = [];
  for (const line of block.code.split('\n')) {
    if (/^\s*(?:#|\/\/|;)/.test(line)) continue;
    // A TOML or INI table ("[deploy]") is the parent of the keys after it.
    const table = /^\s*\[([\w.-]{1,60})\]\s*$/.exec(line);
    if (table) {
      stack.length = 0;
      stack.push({ indent: -1, key: table[1]! });
      continue;
    }
    const m = keyLine.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    out.push({ key: m[2]!, parent: stack[stack.length - 1]?.key });
    stack.push({ indent, key: m[2]! });
  }
  return out;
}

/** "將追蹤碼貼到tracking_id", "把 API 金鑰填入 `apiKey`". */
const zhPut =
  /(?:將|将|把)\s*([^\s，,。；;：:]{1,20}?)\s*(貼到|贴到|貼上|填入|填到|填在|填寫到|寫入|写入|寫到|放到|放入|設定到|設定為|设置为|設為)\s*`?([A-Za-z_][\w.-]{0,60})`?/u;
/** "Paste your API key into `apiKey`", "set the tracking ID in tracking_id". */
const enPut =
  /\b(paste|put|set|enter|copy|add|write)\s+((?:the|your|an?)\s+[\w -]{1,40}?|[\w-]{2,30}(?: [\w-]{2,30}){0,3}?)\s+(?:in|into|to|as|under|for)\s+(?:the\s+)?`?([A-Za-z_][\w.-]{0,60})`?/i;

/** Words that stand for something the card cannot show. */
const pointer =
  /^(?:它|其|這|这|此|那|該|该|上面|下面|以下|上述|it|this|that|them|these|those|the above|the following)\b|^(?:它|其|這|这|此|那|該|该|上面|下面|以下|上述)/iu;

function put(sentence: string): { what: string; verb: string; key: string; zh: boolean } | undefined {
  const zh = zhPut.exec(sentence);
  if (zh) return { what: zh[1]!, verb: zh[2]!, key: zh[3]!, zh: true };
  const en = enPut.exec(sentence);
  if (en) return { what: en[2]!.trim(), verb: en[1]!.toLowerCase(), key: en[3]!, zh: false };
  return undefined;
}

export function settingDrafts(facts: SectionFacts): Draft[] {
  if (placeholderProse(facts.section.text)) return [];
  const keys = (facts.code ?? []).flatMap(configKeys);
  if (!keys.length) return [];
  const drafts: Draft[] = [];
  for (const sentence of facts.sentences) {
    const found = put(sentence);
    if (!found || pointer.test(found.what)) continue;
    const key = keys.find((k) => k.key === found.key);
    // A key the block does not have, or one the block names twice under different parents, is no single answer.
    if (!key || keys.filter((k) => k.key === found.key && k.parent !== key.parent).length) continue;
    const what = trimEnd(found.what);
    if (what.toLowerCase().includes(key.key.toLowerCase())) continue;
    const where = placeFor(facts, key.key);
    if (!where) continue;
    const question = found.zh
      ? `在「${where}」中，${what}要${found.verb}哪個設定？`
      : `In “${where}”, which setting holds ${what}?`;
    const answer = !key.parent
      ? key.key
      : found.zh
        ? `${key.key}（${key.parent} 底下）`
        : `${key.key} (under ${key.parent})`;
    drafts.push(card('setting', question, answer, sentence, facts));
  }
  return drafts;
}
