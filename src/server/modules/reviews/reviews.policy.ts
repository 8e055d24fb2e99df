/**
 * Who may do what in case-file reviews, and which campaigns each account sees — once as a TypeScript
 * predicate (for single rows and abilities) and once as the SQL condition the repositories use
 * (reviews.policy.test.ts checks that they agree).
 *
 * 评查办法第六条: the justice bureau organises county campaigns; an agency's legal-affairs unit reviews
 * its own agency's files. So a campaign's scope_path is the organiser's subtree, and the roles that
 * hold review.manage organise campaigns inside their own role's subtree only (never through the wider
 * scope another of their roles may give).
 */
import { can, type Permission, type Role } from '../../../common/permissions.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, scopeRootFor } from '../../lib/access.ts';
import { findAncestry, findOrgById } from '../org/org.repository.ts';

/** An account as the review rules see it. */
export interface ReviewViewer {
  userId: number;
  /** subtrees in which the account organises campaigns (the review.manage roles' scope roots) */
  managePaths: string[];
  /** subtrees whose campaigns and units the account reads (the review.read roles' scope roots) */
  readPaths: string[];
  /** subtrees whose units the account speaks for as a reviewed unit (review.unit roles) */
  unitPaths: string[];
}

/** The subtrees the actor's roles that hold `permission` give (not every role's scope). */
function pathsFor(
  roles: readonly Role[],
  ancestry: Parameters<typeof scopeRootFor>[1],
  permission: Permission,
) {
  const roots = roles
    .filter((role) => can({ roles: [role] }, permission))
    .map((role) => scopeRootFor(role, ancestry))
    .filter((path): path is string => path !== null);
  const unique = [...new Set(roots)];
  return unique.filter((path) => !unique.some((other) => other !== path && path.startsWith(other))).sort();
}

/** Resolves the actor's review scopes from their organisation's ancestry (one query). */
export async function resolveReviewViewer(db: Db, actor: Actor): Promise<ReviewViewer> {
  const org = await findOrgById(db, actor.orgId);
  const ancestry = org ? await findAncestry(db, org) : [];
  return {
    userId: actor.id,
    managePaths: pathsFor(actor.roles, ancestry, 'review.manage'),
    readPaths: pathsFor(actor.roles, ancestry, 'review.read'),
    unitPaths: pathsFor(actor.roles, ancestry, 'review.unit'),
  };
}

/** What the predicates need of a campaign. */
export interface CampaignScope {
  scopePath: string;
  /** paths of the organisations under review */
  unitPaths: readonly string[];
}

const covers = (prefixes: readonly string[], path: string) =>
  prefixes.some((prefix) => path.startsWith(prefix));

/** The organiser's side: plan, draw, assign, publish (第六条, 第十二条). */
export function canManageCampaign(viewer: ReviewViewer, campaign: Pick<CampaignScope, 'scopePath'>): boolean {
  return covers(viewer.managePaths, campaign.scopePath);
}

/** Sees the campaign: its organiser, a reader of its subtree, or a reader of one of its units. */
export function canSeeCampaign(viewer: ReviewViewer, campaign: CampaignScope): boolean {
  return (
    canManageCampaign(viewer, campaign) ||
    covers(viewer.readPaths, campaign.scopePath) ||
    campaign.unitPaths.some((path) => covers(viewer.readPaths, path) || covers(viewer.unitPaths, path))
  );
}

/** Speaks for this unit of the campaign: its file list, objections, rectification (第二十条). */
export function canActForUnit(viewer: ReviewViewer, unitPath: string): boolean {
  return covers(viewer.unitPaths, unitPath);
}
