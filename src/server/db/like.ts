/**
 * LIKE patterns from what a user typed: `%` and `_` are literal characters in a search box, so they
 * are escaped (PostgreSQL's default LIKE escape is the backslash) before the keyword is wrapped.
 */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** '%keyword%' matching the keyword anywhere, literally. */
export const containsPattern = (keyword: string) => `%${escapeLike(keyword)}%`;
