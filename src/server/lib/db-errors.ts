/** PostgreSQL error codes we turn into user-facing conflicts (SQLSTATE, the same on every server). */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

export const isUniqueViolation = (error: unknown) => codeOf(error) === UNIQUE_VIOLATION;
export const isForeignKeyViolation = (error: unknown) => codeOf(error) === FOREIGN_KEY_VIOLATION;

/** PostgreSQL's data-exception class (22xxx): a value out of range, badly encoded, an invalid date … */
export const isDataException = (error: unknown) => /^22[0-9A-Z]{3}$/.test(codeOf(error) ?? '');
