import { describe, expect, it } from 'vitest';
import { buildCircular } from './reports.build.ts';

describe('buildCircular', () => {
  it('prints the closing-date range as a county office writes dates', () => {
    const content = buildCircular({
      campaign: {
        name: '2026年上半年行政执法案卷评查',
        year: 2026,
        methodLabel: '随机抽查',
        organiserName: '博湖县司法局',
        closedFrom: '2025-12-02',
        closedTo: '2026-06-02',
        reviewerNames: [],
        publishedOn: '2026-07-01',
      },
      units: [],
      number: '博司评〔2026〕1号',
      numberPrefix: '博司评',
      date: '2026-07-01',
      signer: null,
    });
    const text = JSON.stringify(content);
    expect(text).toContain('2025年12月2日至2026年6月2日办结');
    expect(text).not.toContain('2025-12-02');
  });
});
