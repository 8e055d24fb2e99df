import { describe, expect, it } from 'vitest';
import {
  addYears,
  type CertificateFacts,
  deriveCertificateState,
  isAnnualReviewOverdue,
  isCertificateValidOn,
} from './certificate-state.ts';

const certificate = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  issuedOn: '2022-06-01',
  validUntil: '2025-06-30',
  isSuspended: false,
  isRevoked: false,
  ...overrides,
});

describe('deriveCertificateState', () => {
  it.each([
    ['2025-01-01', 'valid', null, 180],
    ['2025-03-31', 'valid', null, 91],
    ['2025-04-01', 'expiring', 90, 90],
    ['2025-05-30', 'expiring', 90, 31],
    ['2025-05-31', 'expiring', 30, 30],
    ['2025-06-30', 'expiring', 30, 0],
    ['2025-07-01', 'expired', null, -1],
  ] as const)(
    'on %s a certificate valid until 2025-06-30 is %s (warning %s, %i days left)',
    (today, state, level, daysLeft) => {
      expect(deriveCertificateState(certificate(), today)).toEqual({ state, warningLevel: level, daysLeft });
    },
  );

  it('puts the 90-day boundary on the 90th day before expiry (inclusive)', () => {
    expect(deriveCertificateState(certificate(), '2025-03-31')).toMatchObject({
      state: 'valid',
      daysLeft: 91,
    });
    expect(deriveCertificateState(certificate(), '2025-04-01')).toMatchObject({
      state: 'expiring',
      daysLeft: 90,
      warningLevel: 90,
    });
  });

  it.each([
    [{ isRevoked: true }, 'revoked'],
    [{ isSuspended: true }, 'suspended'],
    [{ isRevoked: true, isSuspended: true }, 'revoked'],
    [{ isSuspended: true, validUntil: '2020-01-01' }, 'suspended'],
  ] as const)('flags win over dates: %o → %s', (flags, state) => {
    expect(deriveCertificateState(certificate(flags), '2025-01-01').state).toBe(state);
  });
});

describe('addYears', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-03-01', -1, '2024-03-01'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});

describe('isAnnualReviewOverdue', () => {
  const issued = certificate({ issuedOn: '2023-03-10', validUntil: '2028-03-09' });
  it.each([
    ['before the first anniversary', [], '2024-03-09', false],
    ['on the first anniversary without a review', [], '2024-03-10', true],
    ['with a pass within the year', [{ reviewedOn: '2024-03-01', result: 'pass' }], '2025-03-01', false],
    [
      'a pass exactly a year ago still counts',
      [{ reviewedOn: '2024-03-01', result: 'pass' }],
      '2025-03-01',
      false,
    ],
    ['the day after that it does not', [{ reviewedOn: '2024-03-01', result: 'pass' }], '2025-03-02', true],
    ['a failed review does not count', [{ reviewedOn: '2025-01-01', result: 'fail' }], '2025-03-01', true],
  ] as const)('%s', (_label, reviews, today, expected) => {
    expect(isAnnualReviewOverdue(issued, reviews, today)).toBe(expected);
  });
  it('does not ask an expired or revoked certificate for a review', () => {
    expect(isAnnualReviewOverdue(certificate({ validUntil: '2024-01-01' }), [], '2025-01-01')).toBe(false);
    expect(isAnnualReviewOverdue(certificate({ isRevoked: true }), [], '2025-01-01')).toBe(false);
  });
});

describe('isCertificateValidOn', () => {
  const number = '65282920220001';
  it.each([
    ['no certificate', [], '2025-01-01', false, '未取得行政执法证'],
    ['in force', [certificate({ number } as never)], '2025-01-01', true, ''],
    ['on its last day', [certificate({ number } as never)], '2025-06-30', true, ''],
    ['the day after', [certificate({ number } as never)], '2025-07-01', false, '已于2025年6月30日到期'],
    ['before issue', [certificate({ number } as never)], '2022-05-31', false, '发证'],
    ['suspended', [certificate({ number, isSuspended: true } as never)], '2025-01-01', false, '已暂扣'],
    ['revoked', [certificate({ number, isRevoked: true } as never)], '2025-01-01', false, '已注销'],
  ] as const)('%s', (_label, certificates, onDate, ok, reason) => {
    const verdict = isCertificateValidOn(certificates as never, onDate);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });
  it('a renewed certificate makes the holder eligible again', () => {
    const old = { ...certificate(), number: 'A' };
    const renewed = { ...certificate({ issuedOn: '2025-06-20', validUntil: '2030-06-19' }), number: 'B' };
    expect(isCertificateValidOn([old, renewed], '2025-08-01')).toEqual({ ok: true, certificateNumber: 'B' });
  });
});
