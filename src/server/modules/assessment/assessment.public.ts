/**
 * What other domains read from assessment without an assessment role's view rules (issue 20: the
 * unit procedures, whose callers have already decided the reader may see the period's county).
 */
export { getPeriodForActor, type PeriodRow } from './assessment.access.ts';
export {
  findOrgSubjectResults,
  findPeriodsOfSubjectKinds,
  findPublishedPeriodsOfOrg,
  findSubjectKindOfPeriod,
  findSubjectRows,
} from './assessment.repository.ts';
export { registerPublishGuard } from './results/publish-guards.ts';
