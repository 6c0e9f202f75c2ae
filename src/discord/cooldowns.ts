import type { Config, Rate } from '../config.js';

/**
 * At most `count` actions per `seconds` per key (a user, a channel), over a sliding window.
 * Memory stays bounded: keys whose window has passed are dropped as new ones arrive.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly rate: Rate | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may act again; 0 when it may now. */
  waitFor(key: string): number {
    if (!this.rate) return 0;
    const times = this.live(key);
    return times.length < this.rate.count ? 0 : times[0]! + this.rate.seconds * 1000 - this.now();
  }

  record(key: string): void {
    if (!this.rate) return;
    const times = this.live(key);
    times.push(this.now());
    this.recent.set(key, times);
    if (this.recent.size > 10_000)
      for (const k of [...this.recent.keys()]) if (this.live(k).length === 0) this.recent.delete(k);
  }

  private live(key: string): number[] {
    const since = this.now() - this.rate!.seconds * 1000;
    return (this.recent.get(key) ?? []).filter((t) => t > since);
  }
}

export interface Cooldowns {
  quizUser: RateLimiter;
  quizChannel: RateLimiter;
  askUser: RateLimiter;
  askChannel: RateLimiter;
}

export const createCooldowns = (config: Config, now?: () => number): Cooldowns => ({
  quizUser: new RateLimiter(config.QUIZ_RATE_USER, now),
  quizChannel: new RateLimiter(config.QUIZ_RATE_CHANNEL, now),
  askUser: new RateLimiter(config.ASK_RATE_USER, now),
  askChannel: new RateLimiter(config.ASK_RATE_CHANNEL, now),
});

const inSeconds = (ms: number) => `${Math.max(1, Math.ceil(ms / 1000))} s`;

/**
 * Takes one action for a user in a channel if both limits allow it; otherwise returns the
 * friendly message to show (and counts nothing).
 */
export function takeTurn(
  user: RateLimiter,
  channel: RateLimiter,
  userId: string,
  channelId: string,
  what: { one: string; many: string },
): string | undefined {
  const userWait = user.waitFor(userId);
  if (userWait > 0)
    return `Easy there: you can post another ${what.one} in ${inSeconds(userWait)}. Private ones (\`private:true\`) are not limited.`;
  const channelWait = channel.waitFor(channelId);
  if (channelWait > 0)
    return `This channel has had a lot of ${what.many} just now: try again in ${inSeconds(channelWait)}, or use \`private:true\`.`;
  user.record(userId);
  channel.record(channelId);
  return undefined;
}
