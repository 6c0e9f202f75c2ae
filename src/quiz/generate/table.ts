import { givesAway, normal, type Draft } from './draft.js';
import type { SectionFacts } from './facts.js';
import { fill, templates, type Lang } from './lang.js';
import { placeholderTable, shapeOf } from './quality.js';

const maxPerTable = 3;
const distinct = (values: string[]): number => new Set(values.map(normal)).size;
/** Two cells say the same when one contains the other ("Milliseconds" in "Milliseconds, with a fee"). */
const overlaps = (a: string, b: string): boolean => {
  const x = normal(a);
  const y = normal(b);
  return x === y || x.includes(y) || y.includes(x);
};

/**
 * From a comparison table: the row given one of its cells ("which storage class has …"), and a
 * cell given its row. A cell is asked only if no other row's cell in that column says the same,
 * and a distractor cell never says what the answer says.
 */
/** A first column of attribute names ("Aspect", "Feature", or none) means the things compared are the columns. */
const attributeHeader =
  /^(?:|aspect|feature|features|characteristic|criteria|criterion|property|attribute|dimension|category|question|questions|特性|特點|特徵|項目|比較|比較項目|比較面向|面向|característica|aspecto|свойство|характеристика|параметр)$/i;

function orient(header: string[], rows: string[][]): { header: string[]; rows: string[][] } {
  if (!attributeHeader.test(header[0]?.trim() ?? '')) return { header, rows };
  // Transposed: each compared thing becomes a row keyed by its column header.
  const newHeader = ['', ...rows.map((r) => r[0] ?? '')];
  const newRows = header.slice(1).map((name, c) => [name, ...rows.map((r) => r[c + 1] ?? '')]);
  return { header: newHeader, rows: newRows };
}

export function tableDrafts(facts: SectionFacts, noteLang: Lang, pick: (n: number, salt: string) => number): Draft[] {
  const drafts: Draft[] = [];
  for (const table of facts.tables) {
    let lang = noteLang;
    const { header, rows } = orient(table.header, table.rows);
    if (placeholderTable(header, rows)) continue;
    const keys = rows.map((r) => r[0]!);
    // Keys are names of things compared, not questions or sentences ("Which instances are oversized?").
    if (distinct(keys) !== keys.length || keys.some((k) => !k || k.length > 60 || shapeOf(k) === 'sentence')) continue;
    // Row numbers and labels ("2", "(b)") name nothing a reader learns.
    if (keys.some((k) => /^[(（]?[\p{L}\p{N}]{1,2}[)）.]?$/u.test(k.trim()))) continue;
    // A Chinese table in a note whose prose reads English is still asked in Chinese.
    if (/\p{Script=Han}/u.test([...header, ...keys].join(''))) lang = 'zh';
    // A key column headed by a plain noun names the things ("storage class"); else (“0.x (deprecated)”) say "option".
    const plainNoun = /^[\p{L}][\p{L} -]{0,30}$/u.test(header[0]?.trim() ?? '') && !/\d/.test(header[0]!);
    const keyName = plainNoun ? header[0]!.trim() : { en: 'option', zh: '項目', es: 'opción', ru: 'вариант' }[lang];
    const tableName = facts.section.heading;
    const tableDraftsHere: Draft[] = [];
    for (let c = 1; c < header.length; c++) {
      const column = rows.map((r) => r[c] ?? '');
      if (!header[c]?.trim() || distinct(column) < 3) continue;
      for (let r = 0; r < rows.length; r++) {
        const cell = column[r]!;
        if (cell.length < 2 || cell.length > 120) continue;
        const unique = column.every((other, i) => i === r || !overlaps(other, cell));
        if (!unique) continue;
        const rowText = header.map((h, i) => `${h}: ${rows[r]![i]}`).join('; ');
        // A short Chinese cell for an English key ("左邊框" for left) is its translation: it gives the key away.
        const gloss = /\p{Script=Han}/u.test(cell) && !/\p{Script=Han}/u.test(keys[r]!) && cell.length <= 12;
        // The table's name may share words with any row; what must not point at the answer is the
        // cell and column asked with it ("Notebook job" → "Reuse exploratory notebooks").
        if (!gloss && !givesAway(`${header[c]} ${cell}`, keys[r]!))
          tableDraftsHere.push({
            kind: 'table-row',
            question: fill(templates.tableKey, lang, {
              table: tableName,
              key: /^\p{Lu}\p{Ll}/u.test(keyName) ? keyName.toLowerCase() : keyName,
              column: header[c]!,
              cell,
            }),
            answer: keys[r]!,
            explanation: rowText,
            facts,
            tiers: [keys],
            sameColumn: true,
            overlapAllowed: true,
            reject: (candidate) => overlaps(column[keys.indexOf(candidate)] ?? '', cell),
          });
        if (!givesAway(`${header[c]} ${keys[r]}`, cell))
          tableDraftsHere.push({
            kind: 'table-cell',
            question: fill(templates.tableCell, lang, { table: tableName, column: header[c]!, row: keys[r]! }),
            answer: cell,
            explanation: rowText,
            facts,
            tiers: [column],
            sameColumn: true,
            overlapAllowed: true,
            reject: (candidate) => overlaps(candidate, cell),
          });
      }
    }
    // A few per table, chosen by content (seeded), so a big table does not flood the quiz.
    const chosen = new Set<number>();
    for (let i = 0; i < maxPerTable && chosen.size < tableDraftsHere.length; i++) {
      let k = pick(tableDraftsHere.length, `${tableName}${i}`);
      while (chosen.has(k)) k = (k + 1) % tableDraftsHere.length;
      chosen.add(k);
    }
    drafts.push(...[...chosen].sort((a, b) => a - b).map((k) => tableDraftsHere[k]!));
  }
  return drafts;
}
