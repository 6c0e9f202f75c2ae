import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The token part of REST paths that carry one: interaction callbacks and webhooks
 * (followups, `@original`). An interaction token works for 15 minutes, a webhook token forever.
 * Linear: one character class, no nesting.
 */
const tokenInPath = /\/(interactions|webhooks)\/(\d+)\/[A-Za-z0-9_.-]+/g;

/** Removes the bot token, the given secrets and every interaction or webhook token from a text. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  const hidden = secrets.reduce(
    (out, secret) => (secret.length >= 8 ? out.split(secret).join('[redacted]') : out),
    text,
  );
  return hidden.replace(tokenInPath, '/$1/$2/[redacted]');
}

/**
 * Structured logs on stderr. Fields that hold credentials are redacted by path, and every
 * secret is scrubbed from the written line too: an error message may quote the token, and a
 * REST error's `url` holds the interaction token.
 */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: (string | undefined)[] = [],
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level,
      hooks: { streamWrite: (line) => scrubSecrets(line, hidden) },
      redact: {
        paths: [
          'token',
          '*.token',
          'config.DISCORD_TOKEN',
          '*.authorization',
          '*.Authorization',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
      base: { app: 'nimbus' },
    },
    destination as pino.DestinationStream,
  );
}
