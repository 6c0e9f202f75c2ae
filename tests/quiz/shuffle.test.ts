import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from '../../src/quiz/shuffle.js';

describe('shuffled', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('returns a permutation and leaves the input alone', () => {
    const out = shuffled(items, seededRandom(1));
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('repeats the same order for the same seed', () => {
    expect(shuffled(items, seededRandom(42))).toEqual(shuffled(items, seededRandom(42)));
  });

  it('reaches every order over many seeds, not always the input order', () => {
    const orders = new Set(
      Array.from({ length: 2000 }, (_, seed) => shuffled(['a', 'b', 'c'], seededRandom(seed)).join('')),
    );
    expect(orders.size).toBe(6);
  });

  it('follows the random source: always 0 rotates, always just under 1 keeps the order', () => {
    expect(shuffled([1, 2, 3], () => 0)).toEqual([2, 3, 1]);
    expect(shuffled([1, 2, 3], () => 0.999)).toEqual([1, 2, 3]);
  });
});
