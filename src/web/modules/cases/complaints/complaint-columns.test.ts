import { describe, expect, it } from 'vitest';
import { COMPLAINT_COLUMN_WIDTHS, CONTENT_WIDTH_AT_1366 } from './complaint-columns.ts';

describe('complaints table at 1366 px', () => {
  it('leaves the summary room to read', () => {
    const fixed = Object.values(COMPLAINT_COLUMN_WIDTHS).reduce((sum, width) => sum + width, 0);
    expect(CONTENT_WIDTH_AT_1366 - fixed).toBeGreaterThanOrEqual(200);
  });

  it('fits the longest Chinese date on one line (4 digits, 2+2 digits, 3 characters at 14 px, padding 16)', () => {
    const longest = 4 * 8 + 2 * 8 + 2 * 8 + 3 * 14 + 16;
    expect(COMPLAINT_COLUMN_WIDTHS.receivedOn).toBeGreaterThanOrEqual(longest);
  });
});
