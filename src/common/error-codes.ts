/**
 * The one error table (DESIGN.md "Errors"): stable codes and their HTTP status, imported by the server,
 * which throws them, and the web, which tells cases apart by code rather than by status or message.
 */

/** Stable error codes; the message shown to users is Chinese, the code is for programs. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
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
  /** 第十五条: a decision is asked for before the notice's correction deadline has passed */
  | 'SUPERVISION_NOT_OVERDUE'
  | 'RATE_LIMITED'
  /** seed 000 填表说明1: a case record handed in after its due date needs a reason (details.dueOn) */
  | 'CASE_RECORD_LATE_REASON_REQUIRED'
  /** a self-assessment with no claimed item and no note says nothing (自评 says what was found) */
  | 'SELF_ASSESSMENT_EMPTY'
  /** seed 004 第四章第三条: 定档 is refused while the appeal window is open (details.appealClosesOn) */
  | 'APPEAL_WINDOW_OPEN'
  /** 评查办法第十二条(六): a review campaign cannot be published while a file has no final score */
  | 'REVIEW_FILES_UNSCORED'
  /** 第十二条(五): a file flagged for 复评 has no submitted re-review yet */
  | 'REVIEW_RECHECK_MISSING'
  /** a campaign's results are shown to the reviewed unit only once published */
  | 'REVIEW_NOT_PUBLISHED'
  /** a manual assignment change breaks a rule of 第十条/第十一条 (details.problems says which) */
  | 'REVIEW_ASSIGNMENT_RULES'
  /** 第十二条(七): outside the campaign's objection window */
  | 'REVIEW_OBJECTION_CLOSED'
  /** unit results not yet approved (审定) by the leading group for every category (seed 002 三(五)) */
  | 'UNIT_APPROVAL_REQUIRED'
  /** the period was recomputed after the results were submitted for approval */
  | 'UNIT_APPROVAL_STALE'
  /** the same Idempotency-Key is still running, or its first request died before answering */
  | 'IDEMPOTENCY_IN_FLIGHT'
  /** an Idempotency-Key sent again with a different request */
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL';

/** One table from code to HTTP status. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_INACTIVE: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CROSS_SITE_REFUSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RESULTS_NOT_PUBLISHED: 409,
  SUPERVISION_NOT_OVERDUE: 409,
  RATE_LIMITED: 429,
  CASE_RECORD_LATE_REASON_REQUIRED: 400,
  SELF_ASSESSMENT_EMPTY: 400,
  APPEAL_WINDOW_OPEN: 409,
  REVIEW_FILES_UNSCORED: 409,
  REVIEW_RECHECK_MISSING: 409,
  REVIEW_NOT_PUBLISHED: 409,
  REVIEW_ASSIGNMENT_RULES: 409,
  REVIEW_OBJECTION_CLOSED: 409,
  UNIT_APPROVAL_REQUIRED: 409,
  UNIT_APPROVAL_STALE: 409,
  IDEMPOTENCY_IN_FLIGHT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  INTERNAL: 500,
};
