/** Raised when Discord does not let the bot in within the configured time. */
class LoginTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`no answer within ${seconds} s`);
  }
}

/** Resolves as `work` does, or rejects with LoginTimeout after `seconds`. */
export async function withinSeconds<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoginTimeout(seconds)), seconds * 1000);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const statusText: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

/**
 * One line for the operator that says what failed and what to check. discord.js reports a hung
 * gateway as "This operation was aborted" and an HTTP error without a body as "No Description".
 */
export function describeLoginFailure(error: unknown, apiBase: string | undefined): string {
  const where = apiBase ? `Discord's API at ${apiBase}` : "Discord's API";
  const check = apiBase
    ? 'check DISCORD_API_BASE (leave it empty for the real Discord)'
    : 'check the network and https://discordstatus.com';
  if (error instanceof LoginTimeout) return `Could not connect to Discord: ${where} gave ${error.message}; ${check}.`;
  const { status, method, url, code, message } = error as {
    status?: number;
    method?: string;
    url?: string;
    code?: string;
    message?: string;
  };
  if (code === 'TokenInvalid' || status === 401)
    return 'Discord rejected the token: check DISCORD_TOKEN in .env (Developer Portal → Bot → Reset Token).';
  if (typeof status === 'number') {
    const route = url ? ` to ${method ?? 'GET'} ${new URL(url).pathname.replace(/^\/api(\/v\d+)?/, '')}` : '';
    const verdict = status >= 500 ? 'Discord may be having an outage; try again later' : check;
    return `Could not connect to Discord: ${where} answered ${status} ${statusText[status] ?? ''}${route}; ${verdict}.`.replace(
      ' ;',
      ';',
    );
  }
  return `Could not connect to Discord: ${message ?? String(error)}; ${check}.`;
}
