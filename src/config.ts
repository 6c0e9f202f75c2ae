import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { allGeneratorKinds } from './quiz/generate/kinds.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

/** Comma-separated globs, e.g. "docs/**,guides/*.md". */
function globList(value: string | undefined): string[] | undefined {
  const globs = value
    ?.split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  return globs?.length ? globs : undefined;
}

const snowflake = optionalString.pipe(
  z
    .string()
    .regex(/^\d{17,20}$/, 'expected a Discord id (17-20 digits)')
    .optional(),
);

/** "N/S": at most N per S seconds; "off" (or 0) for no limit. Blank means the default. */
const rate = (fallback: string) =>
  optionalString
    .default(fallback)
    .pipe(z.string().regex(/^(off|0|\d{1,4}\/\d{1,6})$/))
    .transform((value): Rate | undefined => {
      const [count, seconds] = value.split('/').map(Number);
      return count && seconds ? { count, seconds } : undefined;
    });

/** A rate limit: `count` actions per `seconds`; undefined when off. */
export interface Rate {
  count: number;
  seconds: number;
}

const schema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_BASE: httpUrl,
  DISCORD_CONNECT_SECONDS: z.coerce.number().int().min(3).max(600).default(20),
  NOTES_DIR: optionalString.default('./notes'),
  NOTES_BASE_URL: httpUrl,
  // Unset: "github" for GitHub-style folders (a README per folder), else "site".
  NOTES_LINK_STYLE: optionalString.pipe(z.enum(['site', 'github']).optional()),
  NOTES_LAYOUT: optionalString
    .pipe(z.enum(['auto', 'nextra', 'docusaurus', 'obsidian', 'github', 'plain']).optional())
    .default('auto'),
  NOTES_LANGUAGE: optionalString,
  NOTES_INCLUDE: optionalString.transform(globList),
  NOTES_EXCLUDE: optionalString.transform(globList),
  // Per-note parse budget: a note over either limit is skipped and reported, never stalls loading.
  NOTES_PARSE_BUDGET_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  NOTES_MAX_FILE_KB: z.coerce.number().int().min(1).max(20_480).default(2048),
  QUIZ_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  QUIZ_DB: optionalString.default('./data/nimbus.db'),
  CACHE_DIR: optionalString.default('./data/cache'),
  NOTES_GIT_URL: optionalString,
  NOTES_GIT_BRANCH: optionalString,
  NOTES_GIT_TOKEN: optionalString,
  NOTES_GIT_SSH_KEY: optionalString,
  NOTES_GIT_DIR: optionalString.default('./data/notes-git'),
  NOTES_GIT_SUBDIR: optionalString.default('.'),
  NOTES_SYNC_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  NOTES_WATCH: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  QUIZ_SOURCE: optionalString.pipe(z.enum(['written', 'generated', 'both']).optional()),
  // Generated kinds beyond the default (generatorKinds) are below the judged quality bar: opt-in.
  QUIZ_GENERATED_KINDS: optionalString
    .transform((v) =>
      v === 'all'
        ? [...allGeneratorKinds]
        : v
            ?.split(',')
            .map((k) => k.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(allGeneratorKinds)).optional()),
  FLASHCARDS_BOLD_CLOZE: optionalString.pipe(z.enum(['true', 'false']).optional()).transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUIZ_RATE_USER: rate('3/60'),
  QUIZ_RATE_CHANNEL: rate('6/60'),
  ASK_RATE_USER: rate('6/60'),
  ASK_RATE_CHANNEL: rate('20/60'),
  QUIZ_OPEN_PER_CHANNEL: optionalString
    .default('1')
    .pipe(z.string().regex(/^\d{1,3}$/))
    .transform(Number)
    .pipe(z.number().int().max(100)),
});

export type Config = z.infer<typeof schema>;

const expectations: Record<string, string> = {
  DISCORD_APPLICATION_ID: 'a Discord application id (17-20 digits)',
  DISCORD_GUILD_ID: 'a Discord server id (17-20 digits)',
  DISCORD_API_BASE: 'an http(s) URL such as http://127.0.0.1:3000/api',
  DISCORD_CONNECT_SECONDS: 'a whole number of seconds from 3 to 600',
  NOTES_BASE_URL: 'an http(s) URL such as https://notes.example.com',
  NOTES_LINK_STYLE: '"site" or "github"',
  NOTES_LAYOUT: 'one of auto, nextra, docusaurus, obsidian, github, plain',
  QUIZ_SECONDS: 'a whole number of seconds from 5 to 3600',
  NOTES_WATCH: '"true" or "false"',
  NOTES_PARSE_BUDGET_MS: 'a whole number of milliseconds from 10 to 600000',
  NOTES_MAX_FILE_KB: 'a whole number of kilobytes from 1 to 20480',
  NOTES_SYNC_MINUTES: 'a whole number of minutes from 1 to 1440',
  QUIZ_SOURCE: '"written", "generated" or "both" (empty: written where a topic has them, generated elsewhere)',
  QUIZ_GENERATED_KINDS: `"all" or a comma-separated list of ${allGeneratorKinds.join(', ')}`,
  FLASHCARDS_BOLD_CLOZE: '"true" or "false"',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  QUIZ_RATE_USER: 'a rate such as 3/60 (3 per 60 seconds), or off',
  QUIZ_RATE_CHANNEL: 'a rate such as 6/60 (6 per 60 seconds), or off',
  ASK_RATE_USER: 'a rate such as 6/60 (6 per 60 seconds), or off',
  ASK_RATE_CHANNEL: 'a rate such as 20/60 (20 per 60 seconds), or off',
  QUIZ_OPEN_PER_CHANNEL: 'a whole number from 0 (no limit) to 100',
};

export class ConfigError extends Error {}

/** The cache folder, or undefined when CACHE_DIR is "off". */
export const cacheDirOf = (config: Pick<Config, 'CACHE_DIR'>): string | undefined =>
  config.CACHE_DIR.toLowerCase() === 'off' ? undefined : config.CACHE_DIR;

/** Parses the environment once; the result is passed down, never re-read deeper in. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // `NAME=` in .env means "not set": every variable is optional, so blank takes the default.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  // Never echo the value: it may be a secret.
  throw new ConfigError(`Invalid ${name}: expected ${expectations[name] ?? issue.message}.`);
}

/** Reads `.env` (if present) into the environment, then parses it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): Config {
  loadDotenv({ path: dotenvPath, quiet: true, processEnv: env as Record<string, string> });
  return parseConfig(env);
}
