import { describe, expect, it } from 'vitest';
import {
  buildAnnualReport,
  buildUnitRow,
  cellText,
  NO_DUTY_TEXT,
  type UnitFacts,
  yuanText,
} from './annual-report.build.ts';

const unit = (patch: Partial<UnitFacts>): UnitFacts => ({
  orgId: 1,
  name: '县市场监管局',
  duties: [],
  closedByKind: {},
  penaltyGroups: [],
  officers: 0,
  certified: 0,
  reviewedFiles: 0,
  reviewExcellent: 0,
  reviewPass: 0,
  noticesReceived: 0,
  noticesOverdue: 0,
  ...patch,
});

describe('buildUnitRow', () => {
  it('shows 0 for a duty without activity and 无相关职责 for a kind not held', () => {
    const row = buildUnitRow(unit({ duties: ['penalty', 'licensing'], closedByKind: { penalty: 4 } }));
    expect(row.kinds.penalty).toBe(4);
    expect(row.kinds.licensing).toBe(0);
    expect(row.kinds.levy).toBeNull();
    expect(cellText(row.kinds.levy)).toBe(NO_DUTY_TEXT);
    expect(row.kindsWithoutDuty).toEqual([]);
  });

  it('keeps activity without a recorded duty visible, and lists it', () => {
    const row = buildUnitRow(unit({ duties: ['penalty'], closedByKind: { inspection: 2 } }));
    expect(row.kinds.inspection).toBe(2);
    expect(row.kindsWithoutDuty).toEqual(['inspection']);
  });

  it('counts each penalty case once, under its heaviest type, and adds the sums exactly', () => {
    const row = buildUnitRow(
      unit({
        duties: ['penalty'],
        penaltyGroups: [
          { types: ['fine'], cases: 3, fineFen: 30_010, confiscatedFen: 0 },
          { types: ['warning', 'fine'], cases: 2, fineFen: 20_020, confiscatedFen: 0 },
          {
            types: ['licence_revocation', 'fine', 'confiscation'],
            cases: 1,
            fineFen: 10,
            confiscatedFen: 99_999,
          },
          { types: [], cases: 5, fineFen: 0, confiscatedFen: 0 },
        ],
      }),
    );
    expect(row.penalties).toMatchObject({ fine: 5, warning: 0, licence_revocation: 1, confiscation: 0 });
    expect(row.penaltyUntyped).toBe(5);
    expect(yuanText(row.fineFen)).toBe('500.40');
    expect(yuanText(row.confiscatedFen)).toBe('999.99');
  });

  it('has no penalty table without the 处罚 duty', () => {
    expect(buildUnitRow(unit({ duties: ['licensing'] })).penalties).toBeNull();
  });
});

describe('buildAnnualReport', () => {
  it('sums the county; a kind no unit holds stays 无相关职责', () => {
    const report = buildAnnualReport(
      2025,
      '博湖县人民政府',
      [
        unit({ orgId: 1, duties: ['penalty'], closedByKind: { penalty: 2 }, officers: 4, certified: 3 }),
        unit({ orgId: 2, duties: ['penalty', 'licensing'], officers: 1, certified: 1 }),
      ],
      true,
    );
    expect(report.title).toBe('博湖县人民政府2025年度行政执法数据年报');
    expect(report.total).toMatchObject({ officers: 5, certified: 4, certifiedRate: 80 });
    expect(report.total!.kinds).toMatchObject({ penalty: 2, licensing: 0, levy: null });
  });

  it('has no county row for one agency', () => {
    expect(buildAnnualReport(2025, '县市场监管局', [unit({})], false).total).toBeNull();
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1234.56'],
  ])('yuanText(%i) = %s', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });
});
