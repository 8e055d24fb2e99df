import { rolesWith } from '../../../common/permissions.ts';
import type { Role } from '../../app/roles.ts';

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse (menu entries, tabs, buttons). Inside a campaign the server's abilities rule.

/** see campaigns of one's subtree or in which one's unit is reviewed */
export const REVIEW_READ_ROLES = rolesWith('review.read');
/** organise campaigns, the expert pool, the panel, the assignment */
export const REVIEW_MANAGE_ROLES = rolesWith('review.manage');
/** act for a reviewed unit: its file list (第二十条) */
export const REVIEW_UNIT_ROLES = rolesWith('review.unit');
/** one's own queue of assigned files (第十条: 独立评分) */
export const REVIEW_SCORE_ROLES = rolesWith('review.score');
/** 案卷评查 in the menu: whoever reads campaigns or scores files (a reviewer only their queue) */
export const REVIEW_PAGE_ROLES: readonly Role[] = [...new Set([...REVIEW_READ_ROLES, ...REVIEW_SCORE_ROLES])];
