import { describe, expect, it } from 'vitest';
import { withoutNumbering } from '../../src/quiz/generate/heading.js';

describe('withoutNumbering (where a card says it comes from)', () => {
  it('drops a section number of any depth, not only its first levels', () => {
    expect(withoutNumbering('3.6.2 同步')).toBe('同步');
    expect(withoutNumbering('5 多層佇列排程 (Multilevel Queue Scheduling)')).toBe(
      '5 多層佇列排程 (Multilevel Queue Scheduling)',
    );
    expect(withoutNumbering('1. Install')).toBe('Install');
    expect(withoutNumbering('2) Configure')).toBe('Configure');
    expect(withoutNumbering('1. 2. Nested')).toBe('Nested');
  });

  it('keeps numbers that are the heading’s own words', () => {
    expect(withoutNumbering('0.0.0.0：萬用匹配符')).toBe('0.0.0.0：萬用匹配符');
    expect(withoutNumbering('2023 review')).toBe('2023 review');
    expect(withoutNumbering('3.6.2')).toBe('3.6.2');
  });
});
