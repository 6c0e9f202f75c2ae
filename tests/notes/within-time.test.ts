import { describe, expect, it } from 'vitest';
import { OutOfTimeError, withinTime } from '../../src/notes/within-time.js';

const spin = (): number => {
  let turns = 0;
  for (;;) if (++turns < 0) return turns;
};

describe('withinTime', () => {
  it('stops a function still running at the limit, on this thread', () => {
    const started = performance.now();
    expect(() => withinTime(100, spin)).toThrow(OutOfTimeError);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(90);
    expect(took).toBeLessThan(10_000);
  });

  it('returns what the function returns, as an object of this realm, and passes its errors through', () => {
    const value = withinTime(1000, () => ({ list: [1, 2] }));
    expect(value.list).toBeInstanceOf(Array);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    const failure = new RangeError('bad note');
    expect(() =>
      withinTime(1000, () => {
        throw failure;
      }),
    ).toThrow(failure);
  });

  it('leaves the thread working after a stop', () => {
    expect(() => withinTime(20, spin)).toThrow(OutOfTimeError);
    expect(withinTime(1000, () => [3, 1, 2].sort().join())).toBe('1,2,3');
  });
});
