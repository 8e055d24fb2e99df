import dayjs from 'dayjs';

// Formatting uses dayjs rather than common/format.ts: that module pulls in the statutory holiday
// table (chinese-days, ~100 KB) which pages that only print dates do not need.

/** An ISO instant as local date and time, e.g. 2025年3月2日 14:05; '—' for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).format('YYYY年M月D日 HH:mm');
}

/** An ISO instant with seconds, for audit rows: 2025-03-02 14:05:09. */
export function formatTimestamp(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** '2025-03-02' → 2025年3月2日. */
export function formatDay(day: string): string {
  return dayjs(day).format('YYYY年M月D日');
}
