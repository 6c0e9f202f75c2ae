/** Discord snowflakes: ms since the Discord epoch << 22 | worker << 17 | process << 12 | increment. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;
let lastMs = 0n;

export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  // Keep ids strictly increasing even when many are made in one millisecond.
  if (ms < lastMs) ms = lastMs;
  if (ms === lastMs) {
    increment += 1n;
    if (increment > 0xfffn) {
      lastMs = ms + 1n;
      ms = lastMs;
      increment = 0n;
    }
  } else {
    lastMs = ms;
    increment = 0n;
  }
  return ((ms << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}
