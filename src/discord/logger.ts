import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs on stderr. Fields that hold credentials are redacted by path, and every
 * secret is scrubbed from the written line too: an error message may quote the token.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr, secrets: (string | undefined)[] = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level,
      hooks: { streamWrite: (line) => hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), line) },
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', '*.authorization', '*.Authorization', 'headers.authorization'], censor: '[redacted]' },
      base: { app: 'nimbus' },
    },
    destination as pino.DestinationStream,
  );
}
