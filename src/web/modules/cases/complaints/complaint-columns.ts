/**
 * The complaints table's fixed column widths (px). At 1366 px the content beside the 220 px menu
 * is about 1050 px wide; these leave 内容摘要 at least 200 px, where 90–180 px columns squeezed it
 * to five characters and broke dates inside (2026年10月30 / 日).
 */
export const COMPLAINT_COLUMN_WIDTHS = {
  kind: 84,
  /** 2026年10月30日 on one line with the cell padding */
  receivedOn: 136,
  source: 96,
  officer: 84,
  caseNo: 156,
  finding: 84,
  handling: 150,
  actions: 60,
} as const;

/** What the table has beside the menu at 1366 px: 1366 − menu 220 − page and card padding 96. */
export const CONTENT_WIDTH_AT_1366 = 1366 - 220 - 96;
