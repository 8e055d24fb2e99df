import { describe, expect, it } from 'vitest';
import { containsPattern } from './like.ts';

describe('containsPattern', () => {
  it('keeps % _ and \\ typed in a search box literal', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('C:\\')).toBe('%C:\\\\%');
    expect(containsPattern('张伟')).toBe('%张伟%');
  });
});
