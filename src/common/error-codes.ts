/**
 * The one error table (DESIGN.md "Errors"): stable codes and their HTTP status, imported by the server,
 * which throws them, and the web, which tells cases apart by code rather than by status or message.
 */

/** Stable error codes; the message shown to users is Chinese, the code is for programs. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_INACTIVE'
  | 'FORBIDDEN'
  /** the account must change its password before anything else (admin-created or reset) */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** a state-changing request from another site (CSRF) */
  | 'CROSS_SITE_REFUSED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** an assessment period's results are not yet computed (managers) or published (subjects) */
  | 'RESULTS_NOT_PUBLISHED'
  | 'RATE_LIMITED'
  /** unit results not yet approved (审定) by the leading group for every category (seed 002 三(五)) */
  | 'UNIT_APPROVAL_REQUIRED'
  /** the period was recomputed after the results were submitted for approval */
  | 'UNIT_APPROVAL_STALE'
  | 'INTERNAL';

/** One table from code to HTTP status. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_INACTIVE: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CROSS_SITE_REFUSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RESULTS_NOT_PUBLISHED: 409,
  RATE_LIMITED: 429,
  UNIT_APPROVAL_REQUIRED: 409,
  UNIT_APPROVAL_STALE: 409,
  INTERNAL: 500,
};
