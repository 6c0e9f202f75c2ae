import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs on stderr; anything that could hold the token is redacted. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', '*.authorization', '*.Authorization', 'headers.authorization'], censor: '[redacted]' },
      base: { app: 'nimbus' },
    },
    destination as pino.DestinationStream,
  );
}
