/**
 * 行政执法证 state, warnings and the case-handler rule as pure functions of plain data. "Today" is
 * always passed in (todayInShanghai(new Date()) at the service boundary), never read here.
 */

import { addCalendarDays, calendarDaysBetween } from '../../../../common/calendar.ts';
import { formatChineseDate } from '../../../../common/format.ts';

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'suspended' | 'revoked';

export const CERTIFICATE_STATES = ['valid', 'expiring', 'expired', 'suspended', 'revoked'] as const;

export const CERTIFICATE_STATE_LABELS: Readonly<Record<CertificateState, string>> = {
  valid: '有效',
  expiring: '临期',
  expired: '过期',
  suspended: '暂扣',
  revoked: '注销',
};

/** First warning: 90 calendar days before expiry (临期); the second, sharper one at 30. */
export const EXPIRY_WARNING_DAYS = 90;
export const EXPIRY_FINAL_WARNING_DAYS = 30;

/** 90 = within 90 days of expiry, 30 = within 30 days; null = no expiry warning. */
export type WarningLevel = 90 | 30;

export interface CertificateFacts {
  issuedOn: string;
  validUntil: string;
  isSuspended: boolean;
  isRevoked: boolean;
}

export interface CertificateStatus {
  state: CertificateState;
  /** calendar days from `today` to `validUntil` (negative once expired) */
  daysLeft: number;
  warningLevel: WarningLevel | null;
}

/**
 * 注销 and 暂扣 win over dates; otherwise 过期 once today is after validUntil (the last day is still
 * valid), 临期 when 0 ≤ days left ≤ 90 (warning level 30 when ≤ 30), else 有效.
 */
export function deriveCertificateState(certificate: CertificateFacts, today: string): CertificateStatus {
  const daysLeft = calendarDaysBetween(today, certificate.validUntil);
  if (certificate.isRevoked) return { state: 'revoked', daysLeft, warningLevel: null };
  if (certificate.isSuspended) return { state: 'suspended', daysLeft, warningLevel: null };
  if (daysLeft < 0) return { state: 'expired', daysLeft, warningLevel: null };
  if (daysLeft <= EXPIRY_WARNING_DAYS) {
    return {
      state: 'expiring',
      daysLeft,
      warningLevel: daysLeft <= EXPIRY_FINAL_WARNING_DAYS ? EXPIRY_FINAL_WARNING_DAYS : EXPIRY_WARNING_DAYS,
    };
  }
  return { state: 'valid', daysLeft, warningLevel: null };
}

/** The last day on which a certificate still counts as 有效 rather than 临期 (for SQL filters). */
export function expiringFrom(today: string): string {
  return addCalendarDays(today, EXPIRY_WARNING_DAYS);
}

/** 'YYYY-MM-DD' plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = date.slice(5, 7);
  let day = date.slice(8, 10);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === '02' && day === '29' && !isLeap) day = '28';
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

export interface ReviewFacts {
  reviewedOn: string;
  result: 'pass' | 'fail';
}

/**
 * 年审 overdue. Rule (our reading of the annual-review practice behind seed 000's 年审情况 column:
 * 行政执法证实行年度审验): from the first anniversary of issue, a certificate in force needs a passing
 * review dated within the year before today (reviewed on or after the same day last year). A
 * certificate that is expired or revoked needs no review.
 */
export function isAnnualReviewOverdue(
  certificate: CertificateFacts,
  reviews: readonly ReviewFacts[],
  today: string,
): boolean {
  const { state } = deriveCertificateState(certificate, today);
  if (state === 'expired' || state === 'revoked') return false;
  if (today < addYears(certificate.issuedOn, 1)) return false;
  const yearAgo = addYears(today, -1);
  return !reviews.some(
    (review) => review.result === 'pass' && review.reviewedOn >= yearAgo && review.reviewedOn <= today,
  );
}

export type CaseHandlerVerdict = { ok: true; certificateNumber: string } | { ok: false; reason: string };

/**
 * Whether someone holding these certificates may be named as a case handler on `onDate`: one
 * certificate must have been issued by then, still be in force on that day, and be neither
 * suspended nor revoked. Suspension and revocation are current flags, so for a past date they are
 * applied as they stand now. The reason is Chinese, for the case form.
 */
export function isCertificateValidOn(
  certificates: ReadonlyArray<CertificateFacts & { number: string }>,
  onDate: string,
): CaseHandlerVerdict {
  if (certificates.length === 0) return { ok: false, reason: '未取得行政执法证，不能作为承办人' };
  const usable = certificates.find(
    (certificate) =>
      !certificate.isRevoked &&
      !certificate.isSuspended &&
      certificate.issuedOn <= onDate &&
      onDate <= certificate.validUntil,
  );
  if (usable) return { ok: true, certificateNumber: usable.number };
  const latest = [...certificates].sort((left, right) => right.issuedOn.localeCompare(left.issuedOn))[0]!;
  if (latest.isRevoked) return { ok: false, reason: `行政执法证（${latest.number}）已注销，不能作为承办人` };
  if (latest.isSuspended)
    return { ok: false, reason: `行政执法证（${latest.number}）已暂扣，不能作为承办人` };
  if (latest.issuedOn > onDate) {
    return {
      ok: false,
      reason: `行政执法证（${latest.number}）于${formatChineseDate(latest.issuedOn)}发证，此前不能作为承办人`,
    };
  }
  return {
    ok: false,
    reason: `行政执法证（${latest.number}）已于${formatChineseDate(latest.validUntil)}到期，不能作为承办人`,
  };
}
