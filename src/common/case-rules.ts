/**
 * Case rules both the API and the web form apply: 行政处罚法第四十二条 — an administrative case is
 * handled by at least two officers holding enforcement certificates.
 */
export const MIN_CASE_HANDLERS = 2;
