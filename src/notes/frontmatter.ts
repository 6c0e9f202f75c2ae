import matter from 'gray-matter';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const quizItemSchema = z.strictObject({
  question: z.string().trim().min(1, 'question is empty'),
  choices: z.array(text).min(3, 'needs 3 to 5 choices').max(5, 'needs 3 to 5 choices'),
  answer: text,
  explanation: z.string().trim().min(1, 'explanation is empty'),
  section: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.replace(/^#/, '')),
});
type QuizItem = z.infer<typeof quizItemSchema>;

// Docusaurus tags may be objects with a label.
const tag = z.union([text, z.looseObject({ label: z.string() }).transform((t) => t.label)]);
const fields = {
  title: z.string().trim().min(1, 'title is empty'),
  description: z.string().trim(),
  tags: z.union([
    z.array(tag),
    z.string().transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]),
  quiz: z.array(z.unknown()),
} as const;
const knownKeys = new Set(Object.keys(fields));
const label = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
/** Keys that decide a note's route, title or order in other tools' layouts. */
const layoutFields = {
  id: label,
  slug: label,
  sidebar_label: label,
  sidebarTitle: label,
  sidebar_position: z.coerce.number(),
  aliases: z.union([z.array(text), z.string().transform((s) => [s])]),
} as const;

/**
 * The front matter a note may have. Every key is optional: a note without front matter still
 * loads. Example:
 *
 * ```yaml
 * title: Amazon S3
 * description: Buckets, objects and storage classes.
 * tags: [aws, storage]
 * quiz:
 *   - question: Which class suits archives restored within 12 hours?
 *     choices: [S3 Standard, S3 Glacier Deep Archive, S3 One Zone-IA]
 *     answer: S3 Glacier Deep Archive
 *     explanation: Deep Archive is the lowest-cost class, restored in hours.
 *     section: s3-storage-classes-compared
 * ```
 */
export interface FrontMatter {
  title?: string;
  /** Docusaurus `id`, `slug`, `sidebar_label`/Nextra `sidebarTitle`, `sidebar_position`; Obsidian `aliases`. */
  id?: string;
  slug?: string;
  sidebarLabel?: string;
  sidebarPosition?: number;
  aliases?: string[];
  description?: string;
  tags: string[];
  quiz: { item: QuizItem; line: number }[];
}

export interface FrontMatterResult {
  data: FrontMatter;
  content: string;
  problems: { line: number; message: string; severity?: 'warning' }[];
}

/** Reads and validates front matter field by field, so one bad value never loses the rest. */
export function readFrontMatter(source: string, otherKeys: ReadonlySet<string> = new Set()): FrontMatterResult {
  const problems: FrontMatterResult['problems'] = [];
  const data: FrontMatter = { tags: [], quiz: [] };
  // gray-matter reads front matter only at the very start (after a BOM). Without any, it is not
  // called: it would copy the whole note into a Buffer and look its text up as a cache key.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (!text.startsWith('---')) return { data, content: text, problems };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would keep every file in memory.
    parsed = matter(source, { language: 'yaml' });
  } catch (error) {
    const err = error as { mark?: { line?: number }; reason?: string; message: string };
    // js-yaml counts lines of the matter text from 0, and that text starts on the "---" line.
    problems.push({
      line: (err.mark?.line ?? 0) + 1,
      message: `front matter is not valid YAML: ${err.reason ?? err.message}`,
    });
    return { data, content: source, problems };
  }
  const raw: unknown = parsed.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if ((parsed.matter ?? '').trim())
      problems.push({ line: 2, message: 'front matter must be a mapping of keys to values' });
    return { data, content: parsed.content, problems };
  }

  const counter = new LineCounter();
  // Parsed again for its line numbers only when one is needed (a quiz, a problem).
  let doc: ReturnType<typeof parseDocument> | undefined;
  // The matter text starts with the newline after the opening "---", so its line numbers are the file's.
  const lineOf = (path: (string | number)[], fallback = 1): number => {
    doc ??= parseDocument(parsed.matter ?? '', { lineCounter: counter });
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : counter.linePos(offset).line;
  };

  const record = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key in layoutFields) {
      const result = layoutFields[key as keyof typeof layoutFields].safeParse(value);
      if (!result.success)
        problems.push({
          line: lineOf([key]),
          message: `front matter "${key}": ${result.error.issues[0]?.message}`,
          severity: 'warning',
        });
      else if (key === 'id' || key === 'slug') data[key] = result.data as string;
      else if (key === 'sidebar_label' || key === 'sidebarTitle') data.sidebarLabel = result.data as string;
      else if (key === 'sidebar_position') data.sidebarPosition = result.data as number;
      else if (key === 'aliases') data.aliases = result.data as string[];
      continue;
    }
    if (!knownKeys.has(key)) {
      if (!otherKeys.has(key))
        problems.push({
          line: lineOf([key]),
          message: `unknown front matter key "${key}" (expected ${[...knownKeys].join(', ')})`,
          severity: 'warning',
        });
      continue;
    }
    const result = fields[key as keyof typeof fields].safeParse(value);
    if (!result.success) {
      problems.push({
        line: lineOf([key]),
        message: `front matter "${key}": ${result.error.issues[0]?.message}`,
        severity: key === 'quiz' ? undefined : 'warning',
      });
      continue;
    }
    if (key === 'title') data.title = result.data as string;
    else if (key === 'description') data.description = result.data as string;
    else if (key === 'tags') data.tags = result.data as string[];
  }

  if (Array.isArray(record.quiz)) {
    const itemLines = sequenceItemLines(parsed.matter ?? '', 'quiz', record.quiz);
    record.quiz.forEach((value, index) => {
      const line = itemLines?.[index] ?? lineOf(['quiz', index]);
      const result = quizItemSchema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const path = issue.path as (string | number)[];
        const field = path.join('.');
        const missing =
          path.length === 1 &&
          typeof value === 'object' &&
          value !== null &&
          (value as Record<string, unknown>)[path[0] as string] === undefined;
        const message = missing ? `"${field}" is missing` : `${field ? `${field}: ` : ''}${issue.message}`;
        problems.push({
          line: path.length ? lineOf(['quiz', index, ...path], line) : line,
          message: `quiz question ${index + 1}: ${message}`,
        });
        return;
      }
      const item = result.data;
      if (!item.choices.includes(item.answer)) {
        problems.push({
          line: lineOf(['quiz', index, 'answer']),
          message: `quiz question ${index + 1}: answer "${item.answer}" is not among its choices`,
        });
        return;
      }
      if (new Set(item.choices).size !== item.choices.length) {
        problems.push({
          line: lineOf(['quiz', index, 'choices']),
          message: `quiz question ${index + 1}: choices repeat`,
        });
        return;
      }
      data.quiz.push({ item, line });
    });
  }
  return { data, content: parsed.content, problems };
}

/**
 * The lines of a top-level block sequence's items, as parsing the YAML again for positions gives
 * them (that second parse took a third of a cold start's front matter time), when every item is a
 * mapping written `- key: …` at one indentation; undefined for anything else (flow sequences, an
 * item that starts on the line after its `-`, a comment after the key), which the caller parses.
 * `matter` starts with the line break that ends the opening `---`, so its lines are the file's.
 */
export function sequenceItemLines(matter: string, key: string, items: unknown[]): number[] | undefined {
  if (!items.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) return undefined;
  const lines = matter.split('\n');
  const start = lines.indexOf(`${key}:`);
  if (start < 0) return undefined;
  const found: number[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const depth = line.length - content.length;
    if (depth === 0 && !content.startsWith('-')) break;
    indent ??= depth;
    if (depth > indent) continue;
    if (depth < indent || !/^- +[^\s#-]/.test(content)) return undefined;
    found.push(i + 1);
  }
  return found.length === items.length ? found : undefined;
}
