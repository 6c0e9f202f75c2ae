import { DefaultRestOptions, type RESTOptions } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/** Network errors where the request may simply be sent again (discord.js retries only ECONNRESET by name). */
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Whether sending the request twice is harmless. An interaction callback is: Discord refuses a
 * second acknowledgement (40060) and the caller can then read what was posted.
 */
const repeatable = (method: string | undefined, url: string): boolean =>
  ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'].includes((method ?? 'GET').toUpperCase()) ||
  /\/interactions\/\d+\/[^/]+\/callback(\?|$)/.test(url);

/** discord.js's request function, sending a repeatable request again after a transient network error (backoff 100, 200, 400 ms). */
export function retryingRequest(
  base: MakeRequest = DefaultRestOptions.makeRequest,
  retries = 3,
  delayMs = 100,
): MakeRequest {
  return async (url, init) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await base(url, init);
      } catch (error) {
        const code = codeOf(error);
        if (
          attempt >= retries ||
          !code ||
          !transientCodes.has(code) ||
          !repeatable(init.method, url) ||
          init.signal?.aborted
        )
          throw error;
        await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt));
      }
    }
  };
}
