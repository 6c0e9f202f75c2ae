/**
 * Fault injection for REST: each fault matches requests by method and path and fires a number
 * of times. What the bot sees is what Discord (or the network) would do:
 * - `status`: an error answer, nothing happens (429 with `retry_after` and optional `global`, 500, 502, 503, …)
 * - `reset`: the connection is destroyed before the request is handled (ECONNRESET), nothing happens
 * - `delayMs`: the request is handled, the answer comes late
 * - `lostResponse`: the request is handled (the message IS posted or edited), then the connection
 *   is destroyed: the bot never learns that it worked
 */
export interface Fault {
  method?: string;
  /** Matches the decoded path below /api/v10 (a RegExp, or a substring). */
  path?: RegExp | string;
  /** How many matching requests it hits (default 1; Infinity for all). */
  times?: number;
  status?: number;
  /** 429 only: seconds in `retry_after` (default 0.05) and whether it is the global limit. */
  retryAfter?: number;
  global?: boolean;
  reset?: boolean;
  delayMs?: number;
  lostResponse?: boolean;
}

export interface ArmedFault extends Fault {
  /** How many requests it hit so far. */
  hits: number;
}

export class FaultPlan {
  readonly armed: ArmedFault[] = [];

  add(fault: Fault): ArmedFault {
    const armed = { ...fault, hits: 0 };
    this.armed.push(armed);
    return armed;
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** The fault that takes this request, if any (and counts the hit). */
  take(method: string, path: string): ArmedFault | undefined {
    const fault = this.armed.find(
      (f) =>
        f.hits < (f.times ?? 1) &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.path || (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (fault) fault.hits += 1;
    return fault;
  }
}

/** The body and headers of an injected error status, shaped as Discord's. */
export function faultAnswer(fault: Fault): { status: number; headers: Record<string, string>; body: unknown } {
  const status = fault.status ?? 500;
  if (status === 429) {
    const retryAfter = fault.retryAfter ?? 0.05;
    const headers: Record<string, string> = {
      'retry-after': String(Math.ceil(retryAfter)),
      'x-ratelimit-scope': fault.global ? 'global' : 'user',
    };
    if (fault.global) headers['x-ratelimit-global'] = 'true';
    else
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'fault',
      });
    return {
      status,
      headers,
      body: {
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: Boolean(fault.global),
        code: fault.global ? 0 : 0,
      },
    };
  }
  return { status, headers: {}, body: { message: `${status}: injected fault`, code: 0 } };
}
