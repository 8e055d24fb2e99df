/** Builders for coordination tests: a filed dispute, and one carried to a given stage. */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../lib/access.ts';
import { demoOrgByName } from '../../testing/fixtures.ts';
import type { DisputeApplyBody } from './disputes/disputes.schema.ts';
import { applyDispute, reviewDispute } from './disputes/disputes.service.ts';

/** An application body against these respondents, with everything 第七条 asks for. */
export function applicationBody(
  respondentOrgIds: number[],
  overrides: Partial<DisputeApplyBody> = {},
): DisputeApplyBody {
  return {
    matter: '农贸市场内活禽销售环节的监管职责',
    position: '活禽检疫属于动物防疫职责',
    legalBasis: '《中华人民共和国动物防疫法》第八条',
    negotiationRecord: '2026年2月双方分管领导协商，未达成一致。',
    parties: respondentOrgIds.map((orgId) => ({
      orgId,
      position: '对方认为属于市场经营秩序监管',
      legalBasis: '《农产品质量安全法》',
    })),
    ...overrides,
  };
}

/** The demo county's market and agriculture bureaus. */
export async function demoAgencies(db: Db) {
  const [market, agri, transport] = await Promise.all([
    demoOrgByName(db, '博湖县市场监督管理局'),
    demoOrgByName(db, '博湖县农业农村局'),
    demoOrgByName(db, '博湖县交通运输局'),
  ]);
  return { market, agri, transport };
}

/** A dispute filed by `applicant` against `respondentOrgIds` on `today`, accepted when asked. */
export async function fileDispute(
  db: Db,
  actors: { applicant: Actor; supervisor?: Actor },
  respondentOrgIds: number[],
  today: string,
  options: { isAccepted?: boolean } = {},
) {
  const dispute = await applyDispute(db, actors.applicant, applicationBody(respondentOrgIds), today);
  if (options.isAccepted && actors.supervisor) {
    return reviewDispute(db, actors.supervisor, dispute.id, { decision: 'accept' }, today);
  }
  return dispute;
}
