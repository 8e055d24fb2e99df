import dayjs, { type Dayjs } from 'dayjs';

/** A DatePicker value as the API's 'YYYY-MM-DD'; null when empty. */
export function toIsoDay(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** An API date for a DatePicker; undefined when empty. */
export function fromIsoDay(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** Optional text from a form: trimmed, '' → null (the API clears the field). */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
