/**
 * Finding a note or topic by the name someone typed: the one matcher behind `/topic name:`, its
 * autocomplete, `/quiz topic:` and the terminal.
 */

/** What a name is compared with. */
export interface NameKeys {
  /** A route such as "cloud/storage"; its last part counts on its own. */
  path: string;
  /** Titles the item goes by (its own first, then aliases). */
  titles: readonly string[];
  /** More text a typed name may be part of (e.g. the folders above a note). */
  context?: string;
}

/** "Guide/Page", "guide page", "guide-page" and "Guide › Page" all read the same. */
const loose = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[/_\s›-]+/g, ' ')
    .trim();

/** Edit distance, stopping early once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How well a typed name fits: 5 the whole path or a title, 4 the path's last part, 3 a prefix of a
 * title or the last part, 2 part of a title, the path or the context, 1 a close spelling (one typo
 * up to 4 letters, two beyond) of a title or the last part, 0 no match.
 */
function nameFit(keys: NameKeys, wanted: string): number {
  const path = loose(keys.path);
  const last = loose(keys.path.split('/').at(-1) ?? '');
  const titles = keys.titles.map(loose);
  if (path === wanted || titles.includes(wanted)) return 5;
  if (last === wanted) return 4;
  if (last.startsWith(wanted) || titles.some((t) => t.startsWith(wanted))) return 3;
  if (path.includes(wanted) || titles.some((t) => t.includes(wanted)) || loose(keys.context ?? '').includes(wanted))
    return 2;
  const max = wanted.length <= 4 ? 1 : 2;
  if ([last, ...titles].some((k) => editDistance(wanted, k, max) <= max)) return 1;
  return 0;
}

/**
 * The items a typed name matches, best first; equally good ones keep the order they were given
 * in. An empty name matches everything, in order.
 */
export function matchByName<T>(items: readonly T[], name: string, keysOf: (item: T) => NameKeys, limit = 25): T[] {
  const wanted = loose(name);
  if (!wanted) return items.slice(0, limit);
  const found: { item: T; score: number; at: number }[] = [];
  items.forEach((item, at) => {
    const score = nameFit(keysOf(item), wanted);
    if (score) found.push({ item, score, at });
  });
  return found
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, limit)
    .map((f) => f.item);
}
