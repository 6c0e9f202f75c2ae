import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

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

const snowflake = optionalString.pipe(z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17-20 digits)').optional());

const schema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_BASE: httpUrl,
  NOTES_DIR: optionalString.default('./notes'),
  NOTES_BASE_URL: httpUrl,
  NOTES_LINK_STYLE: z.enum(['site', 'github']).default('site'),
  QUIZ_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  QUIZ_DB: optionalString.default('./data/nimbus.db'),
  QUIZ_SOURCE: optionalString.pipe(z.enum(['written', 'generated', 'both']).optional()),
  FLASHCARDS_BOLD_CLOZE: optionalString.pipe(z.enum(['true', 'false']).optional()).transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

const expectations: Record<string, string> = {
  DISCORD_APPLICATION_ID: 'a Discord application id (17-20 digits)',
  DISCORD_GUILD_ID: 'a Discord server id (17-20 digits)',
  DISCORD_API_BASE: 'an http(s) URL such as http://127.0.0.1:3000/api',
  NOTES_BASE_URL: 'an http(s) URL such as https://notes.example.com',
  NOTES_LINK_STYLE: '"site" or "github"',
  QUIZ_SECONDS: 'a whole number of seconds from 5 to 3600',
  QUIZ_SOURCE: '"written", "generated" or "both" (empty: written where a topic has them, generated elsewhere)',
  FLASHCARDS_BOLD_CLOZE: '"true" or "false"',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
};

export class ConfigError extends Error {}

/** Parses the environment once; the result is passed down, never re-read deeper in. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
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
