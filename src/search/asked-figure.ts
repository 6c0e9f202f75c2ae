// The figure a question asks for ("max size of an SQS message", "how much does X cost per hour",
// "how long does S3 keep…") and whether a text states a figure of that kind. A section about SQS
// that states no size answers no "max size": the answer line then says "Missing: max size".
// Every regex here is a fixed alternation of words around at most one bounded gap: linear time.

type FigureKind =
  | 'size'
  | 'price'
  | 'duration'
  | 'date'
  | 'version'
  | 'count'
  | 'rate'
  | 'cheaper'
  | 'faster'
  | 'bigger';

export interface AskedFigure {
  kind: FigureKind;
  /** The words of the question that ask for it, as typed ("max size", "how long"). */
  asked: string;
  /** What the figure is of, when the question says so between "max" and the noun ("image" of "max image size"). */
  of: string[];
  /** What a count counts, when the question says so ("read", "replicas" of "how many read replicas"). */
  counted?: string[];
}

const sizeUnits = String.raw`[kmgtpe]i?b|bytes|kilobytes|megabytes|gigabytes|terabytes|petabytes`;
const limitWord = '(?:max|maximum|min|minimum|default|largest|biggest|smallest|highest|lowest|total)';
// Up to three words between "max" and the noun: "max container image size", "default api gateway throttle limit".
const gap = String.raw`(?<of>(?:[\w-]+\s+){0,3}?)`;

// In order: the first kind whose cue the question holds is the one asked.
const priceWord =
  /\b(?:cost|costs|price|pricing|pay|charge|charged|fee|fees|hourly|monthly|per (?:hour|hr|day|month|year|gb|request|shot))\b/i;

// Comparatives a question can ask of two things ("which one is cheaper", "is X faster than Y"),
// by the kind of figure they compare.
const comparatives: Record<'cheaper' | 'faster' | 'bigger', string> = {
  cheaper: String.raw`cheaper|pricier|more expensive|less expensive|more costly|less costly|costs? (?:less|more)`,
  faster: String.raw`faster|slower|quicker|lower latency|higher throughput`,
  bigger: String.raw`bigger|larger|smaller|holds? more|stores? more`,
};
/**
 * A comparative asks a figure when it compares: after "which (one)", before "than" in a question
 * opening with its verb ("is efs cheaper than s3"), or ending a question that names two things
 * with "vs" ("efs bursting vs elastic, cheaper?"). "how to make athena queries cheaper" and "my
 * code is slower than sequential, why" compare nothing.
 */
const comparing = (words: string) =>
  new RegExp(
    String.raw`\bwhich(?: one| of (?:them|these|those|the two|both))?(?:'?s| is| are| would be| will be| gets?| runs?)? (?:${words})\b|^\W*(?:is|are|does|do|would|will|was)\b[^?]{0,80}?\b(?:${words}) than\b|\b(?:vs|versus)\b[^?]{0,80}?\b(?:${words})\W*$`,
    'i',
  );

// In order: the first kind whose cue the question holds is the one asked. With `shown`, the cue
// counts only when that also matches, and its words are the ones shown.
const cues: readonly { kind: FigureKind; cue: RegExp; shown?: RegExp }[] = [
  {
    kind: 'duration',
    cue: new RegExp(
      String.raw`\bhow (?:long|soon)\b|\bhow much (?:time|notice|warning)\b|\bhow many (?:hours|days|minutes|seconds|weeks|months|years)\b|\b${limitWord}\s+${gap}(?:timeout|ttl|retention(?: period)?|duration|lifetime|run ?time|wait ?time|waiting period|period)\b|\b(?:timeout|ttl|retention)\s+(?:max|maximum|default|limit)\b|\bwhat(?:'?s| is| are) (?:the )?(?:[\w-]+ ){0,2}?latency\b|\bin (?:milliseconds|ms|seconds|secs|minutes|mins|hours|hrs|days)\b(?=\W*$)`,
      'i',
    ),
  },
  {
    kind: 'size',
    cue: new RegExp(
      String.raw`\bhow (?:big|large)\b|\bhow much (?:memory|storage|space|disk|ram|data)\b|\b${limitWord}\s+${gap}(?:size|memory|storage)\b|\bsize limit\b|(?:\b[\w-]+ )?\bin (?:${sizeUnits})\b`,
      'i',
    ),
  },
  // "how much does X cost", "price per hour": shown as the price word typed ("cost", "per month").
  { kind: 'price', cue: /\bhow much\b/i, shown: priceWord },
  // "how much $ …", "how much money": a price, shown as typed.
  { kind: 'price', cue: /\bhow much (?:\$|money\b|dollars?\b|usd\b|eur\b|euros?\b)/i },
  {
    kind: 'price',
    cue: /\b(?:cost|costs|price|pricing|fee|fees) per (?:hour|hr|day|month|year|gb|request|shot|unit)\b|\b(?:hourly|monthly) (?:price|cost|rate)\b/i,
  },
  // "what is the price per labeled object": shown as the price word.
  { kind: 'price', cue: /\bwhat(?:'?s| is| are) the (?:price|cost|fee)s?\b/i, shown: /\b(?:price|cost|fee)s?\b/i },
  {
    kind: 'cheaper',
    cue: comparing(comparatives.cheaper),
    shown: new RegExp(String.raw`\b(?:${comparatives.cheaper})\b`, 'i'),
  },
  {
    kind: 'faster',
    cue: comparing(comparatives.faster),
    shown: new RegExp(String.raw`\b(?:${comparatives.faster})\b`, 'i'),
  },
  {
    kind: 'bigger',
    cue: comparing(comparatives.bigger),
    shown: new RegExp(String.raw`\b(?:${comparatives.bigger})\b`, 'i'),
  },
  {
    kind: 'date',
    cue: /\bwhen (?:was|were|did|will)\b|\b(?:what|which) (?:year|yr|month|date)\b|\bsince when\b|\b(?:release|launch) date\b/i,
  },
  { kind: 'version', cue: /\b(?:which|what|latest|current|newest) (?:[\w-]+ )?version\b/i },
  // "how many reads per second": a count of what it names, before the rate below; so is a
  // named limit ("default api gateway throttle limit in requests per second").
  {
    kind: 'count',
    cue: new RegExp(
      String.raw`\bhow many\b|\b${limitWord}\s+${gap}(?:number|limit|quota|count|capacity)\b|\b(?:default )?(?:limit|quota) (?:on|of|per|for)\b|(?:\bno\.|#) ?of\b|\bbaseline (?:iops|throughput|bandwidth)\b|\b(?:passing|pass) (?:score|mark)\b`,
      'i',
    ),
  },
  // A rate: "per sec", "/sec", "MB/s", "tps", "max throughput", "throughput limit". A bare "/s" is
  // often a plural ("role/s") or "w/ s…".
  {
    kind: 'rate',
    cue: new RegExp(
      String.raw`\bper ?(?:sec|second|s)\b|\/ ?sec(?:ond)?\b|\b[kmgt]i?b ?\/ ?s\b|\b(?:tps|rps|qps)\b|\bthroughput (?:limit|quota|cap|max|maximum)\b|\b${limitWord}\s+${gap}(?:throughput|bandwidth|rate|tps|rps|qps)\b|\bhow fast\b`,
      'i',
    ),
  },
  { kind: 'count', cue: /\bhow (?:much|often)\b|\b(?:max|maximum|minimum)\b/i },
];

/** The figure the question asks for, or null when it asks none. */
export function askedFigure(question: string): AskedFigure | null {
  for (const { kind, cue, shown } of cues) {
    const match = cue.exec(question);
    const words = match && shown ? shown.exec(question) : match;
    if (words) {
      const of = wordsOf(match?.groups?.of ?? '').filter((w) => !limitWords.has(w));
      // What is counted is read from the cue on: "max size … how many shards" counts shards.
      const counted = kind === 'count' ? countedOf(question.slice(match!.index), match![0]) : undefined;
      let asked = words[0].toLowerCase().replace(/\s+/g, ' ');
      // A bare "max" says what it limits next: "max subscriptions per sns topic" asks "max subscriptions".
      if (counted && bareLimit.test(asked)) asked = `${asked} ${counted.join(' ')}`;
      return { kind, asked, of, ...(counted ? { counted } : {}) };
    }
  }
  return null;
}

const bareLimit = /^(?:max|maximum|min|minimum)$/;

// "how many read replicas can…", "max number of IAM users allowed", "max no. of shards", "max
// subscriptions per topic": the up to two words after the cue (and after "number of" following it).
const countedCue =
  /(?:\b(?:how many|number of|max|maximum|min|minimum)|(?:\bno\.|#) ?of)\s+(?:(?:number|no\.|#) ?of\s+)?([\p{L}\p{N}-]+)(?:\s+([\p{L}\p{N}-]+))?/iu;
/** Words that end the counted noun phrase ("shards you can have", "nodes in a cluster"). */
const glue = new Set(
  'a an the of in on at to for per by with from into within across can could do does did is are was were be have has had will would should may might must you i we they it there allowed needed needs need'.split(
    ' ',
  ),
);
/** Not what is counted: a limit word or a number ("min max desired capacity", "max 10"). */
const notCounted = /^(?:max|maximum|min|minimum|default|number|no|\d.*)$/;

/** The words naming what a count question counts ("read replicas" of "how many read replicas can…"), if any. */
function countedOf(fromCue: string, cue: string): string[] | undefined {
  const match = countedCue.exec(fromCue);
  if (!match) return undefined;
  // After a bare "max", what it limits comes next ("max subscriptions"), not later in the question.
  if (bareLimit.test(cue.toLowerCase()) && match.index !== 0) return undefined;
  // After a bare "max", only a plural counts ("max subscriptions"): "a minimum bill", "max
  // concurrency" name an amount, not a count.
  if (bareLimit.test(cue.toLowerCase()) && !/[^s]s$/i.test(match[1]!)) return undefined;
  const words: string[] = [];
  for (const w of [match[1], match[2]]) {
    if (w === undefined || glue.has(w.toLowerCase()) || notCounted.test(w.toLowerCase())) break;
    words.push(w.toLowerCase());
  }
  return words.length ? words : undefined;
}

const numberWords =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand|a|an|a few|several)';
const countWords =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|twice|double|dozen)';
const amount = String.raw`(?:\d[\d,.]*|${numberWords})`;
const figures: Record<FigureKind, RegExp> = {
  size: new RegExp(
    String.raw`\b\d[\d,.]*\s?(?:${sizeUnits}|byte|kilobyte|megabyte|gigabyte|terabyte|petabyte|characters|chars)\b`,
    'gi',
  ),
  price:
    /[$€£]\s?\d|\b\d[\d,.]*\s?(?:usd|dollars?|cents?|eur|euros?)\b|\bfree tier\b|\bno (?:extra )?(?:charge|cost)\b|\bfree of charge\b/gi,
  duration: new RegExp(
    String.raw`\b${amount}[\s-]?(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\b|\b(?:single|double)[\s-]digit (?:ms|milliseconds?)\b|\bsub-?milliseconds?\b|\b(?:in|within) (?:milliseconds|microseconds)\b`,
    'gi',
  ),
  // An amount per unit of time: "1,000 records per second", "1 MB/s", "3,000 TPS". Words are
  // whitespace-separated (a glued unit only first), so a long word is never split: linear time.
  rate: new RegExp(
    String.raw`\b(?:\d[\d,.]*|${countWords})(?:\s*[\p{L}-]+)?(?:\s+[\p{L}-]+){0,2}?\s*(?:\bper\s+|\ba\s+|\/\s*)(?:second|sec|s|minute|min|hour|hr)\b|\b\d[\d,.]*\s*(?:[kmgt]bps|[kmgt]b\/s|tps|rps|qps|iops)\b`,
    'giu',
  ),
  // A comparison stated of the kind asked: "Standard-IA costs less", "the fastest option", "larger volumes".
  cheaper:
    /\b(?:cheaper|cheapest|pricier|(?:less|more|least|most) (?:expensive|costly)|costs? (?:less|more)|(?:lower|higher|lowest|highest)[\s-](?:cost|price)s?|pays? (?:less|more)|no (?:extra |additional )?(?:charge|cost)|free of charge)\b/gi,
  faster:
    /\b(?:faster|fastest|slower|slowest|quicker|quickest|(?:lower|lowest|higher|highest) (?:latency|throughput)|speeds? up|takes? longer)\b/gi,
  bigger: /\b(?:bigger|biggest|larger|largest|smaller|smallest|(?:more|less) (?:storage|memory|space|capacity))\b/gi,
  date: /\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/gi,
  version: /\bv?\d+(?:\.\d+)+\b|\bv\d+\b|\bversion \d/gi,
  count: new RegExp(String.raw`\b\d[\d,.]*\b|\b${countWords}\b`, 'gi'),
};

/** The units a figure of each kind is given in: typed with the question ("in kb"), they ask the figure. */
const units: Partial<Record<FigureKind, RegExp>> = {
  size: new RegExp(
    String.raw`^(?:${sizeUnits}|byte|kilobyte|megabyte|gigabyte|terabyte|petabyte|characters|chars)$`,
    'i',
  ),
  duration: /^(?:ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)$/i,
  price: /^(?:usd|dollars?|cents?|eur|euros?)$/i,
  rate: /^(?:s|secs?|seconds?|mins?|minutes?|tps|rps|qps)$/i,
};

/** Whether a word is a unit of the figure asked ("kb" when a size is asked): part of the figure, not a subject. */
export const isUnitOf = (word: string, figure: AskedFigure): boolean => units[figure.kind]?.test(word) ?? false;

const limitSpelling: Record<string, string> = { max: 'maximum', min: 'minimum' };
const limitWords = new Set([
  'maximum',
  'minimum',
  'default',
  'largest',
  'biggest',
  'smallest',
  'highest',
  'lowest',
  'total',
]);
const wordsOf = (text: string): string[] =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => limitSpelling[w] ?? w);
const settingStart = new RegExp(String.raw`^${limitWord}\b`, 'i');

/**
 * Whether the text itself uses every word of the figure asked ("min max desired capacity",
 * "maximum run time"): the question then names a setting the text describes, it does not ask its
 * value. Only "max/min/default …" phrases name a setting; "how long" or "cost" name none.
 */
export function namesAsked(text: string, figure: AskedFigure): boolean {
  if (!settingStart.test(figure.asked)) return false;
  const asked = wordsOf(figure.asked);
  const all = wordsOf(text);
  const words = new Set(all);
  if (!asked.every((w) => words.has(w))) return false;
  // A count of something names the setting only next to what it counts: "maximum number of
  // training jobs" is not the "maximum number of hyperparameters" asked.
  const { counted } = figure;
  if (counted === undefined) return true;
  return all.some(
    (w, i) =>
      asked.includes(w) &&
      all.slice(Math.max(0, i - countReach), i + countReach + 1).some((x) => counted.some((c) => sameNoun(x, c))),
  );
}

/**
 * Whether the text states a figure of this kind that the question did not type itself, and names
 * what the figure is of when the question says it ("max image size": a size next to "image").
 */
export function holdsFigure(text: string, figure: AskedFigure, question: string): boolean {
  if (figure.of.length > 0) {
    const words = wordsOf(text);
    if (!figure.of.every((w) => words.some((x) => x.startsWith(w) || w.startsWith(x)))) return false;
  }
  // A figure the question typed is not an answer ("a 5 MB stream"); a comparative it typed is.
  const typed = new Set(
    comparison.has(figure.kind) ? [] : (question.match(figures[figure.kind]) ?? []).map((f) => f.toLowerCase()),
  );
  // A date's year is no count: "checked in December 2026" states no number of questions.
  const stated = figure.kind === 'count' ? text.replace(monthAndYear, ' ') : text;
  if (figure.counted !== undefined) return countsNear(stated, figure.counted, typed);
  if ((stated.match(figures[figure.kind]) ?? []).some((f) => !typed.has(f.toLowerCase()))) return true;
  // "how fast" is answered by a time too ("doubling every 3.4 months"), a saving by a share ("up to 90%").
  if (figure.kind === 'rate' && figure.asked === 'how fast')
    return holdsFigure(text, { ...figure, kind: 'duration' }, question);
  return figure.kind === 'price' && saving.test(question) && share.test(text);
}

const comparison: ReadonlySet<FigureKind> = new Set(['cheaper', 'faster', 'bigger']);
const monthAndYear =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b/gi;
const saving = /\b(?:save|saves|saving|savings|discount|discounts)\b/i;
const share = /\d\s?%|\bpercent\b/i;

/** How close a number must be to what it counts: "up to 5 read replicas", "15 replicas per instance". */
const countReach = 3;
const countWord = new RegExp(String.raw`^(?:\d[\d,.]*|${countWords})$`, 'i');

/** Two spellings of one noun: all but their last letter shared ("replica", "replicas"; "policy", "policies"; "ip", "ips"). */
function sameNoun(a: string, b: string): boolean {
  if (a.replace(/s$/, '') === b.replace(/s$/, '')) return true;
  const shorter = Math.min(a.length, b.length);
  let shared = 0;
  while (shared < shorter && a[shared] === b[shared]) shared++;
  return shared >= Math.max(3, shorter - 1);
}

/**
 * "one" is mostly "a" ("within one shard", "one or more data centres"): it counts only when said as
 * a count ("only one", "at most one", "exactly one", "one NAT gateway per AZ").
 */
const countsOne = (words: readonly string[], i: number): boolean =>
  /^(?:only|just|exactly|least|most)$/.test(words[i - 1] ?? '') || words.slice(i + 1, i + 4).includes('per');

/**
 * A number after what is counted counts it, unless it counts a kind of something else: "tags, and
 * contains two kinds of action" counts kinds; "a replica limit of five", "tags, up to 50 per
 * object" count what went before.
 */
const countsBack = (words: readonly string[], i: number, counted: readonly string[]): boolean =>
  words[i + 2] !== 'of' || counted.some((c) => sameNoun(words[i + 1] ?? '', c));

/** A share or a fraction counts nothing: "90% of requests", "weights of 0.9 and 0.1", "50 percent". */
const isShare = (words: readonly string[], i: number): boolean =>
  /%$|\.\d/.test(words[i]!) || words[i + 1] === 'percent';

/** Whether the text states a number (one the question did not type) within reach of a word naming what is counted. */
function countsNear(text: string, counted: readonly string[], typed: ReadonlySet<string>): boolean {
  const words = text.toLowerCase().match(/\d(?:[\d,.]*\d)?%?|[\p{L}\p{N}]+/gu) ?? [];
  const nouns = words.flatMap((w, i) => (counted.some((c) => sameNoun(w, c)) ? [i] : []));
  return words.some(
    (w, i) =>
      countWord.test(w) &&
      !isShare(words, i) &&
      (w !== 'one' || countsOne(words, i)) &&
      !typed.has(w) &&
      nouns.some((j) => j !== i && Math.abs(i - j) <= countReach && (j > i || countsBack(words, i, counted))),
  );
}
