/**
 * Pure rules of a joint enforcement action (联合执法, 协调监督办法第八条): who may do what in which
 * state, as the abilities the web shows and the service enforces.
 */
import type { JointOrigin, JointResponse, JointRole, JointStatus } from '../../../../common/coordination.ts';
import { type Actor, can, isInScope } from '../../../lib/access.ts';
import { canManageCounty } from '../coordination.policy.ts';

export interface JointParticipantFacts {
  orgId: number;
  orgPath: string;
  role: JointRole;
  response: JointResponse;
}

export interface JointFacts {
  status: JointStatus;
  origin: JointOrigin;
  countyPath: string;
  initiatorPath: string;
  participants: readonly JointParticipantFacts[];
}

export interface JointAbilities {
  canEditPlan: boolean;
  canIssueProposal: boolean;
  canRevise: boolean;
  /** the participating organisations the actor may confirm or object for now */
  canRespondFor: number[];
  canRequestCoordination: boolean;
  canStart: boolean;
  canRecord: boolean;
  canClose: boolean;
}

/** The states in which agencies answer the plan: their own negotiation, or the bureau's 建议书. */
export const RESPONSE_STATES: readonly JointStatus[] = ['negotiating', 'proposed'];
/** The states in which the bureau edits and issues its proposal (第八条 建议). */
export const BUREAU_PLAN_STATES: readonly JointStatus[] = ['draft', 'coordination_requested'];

/** The abilities of `actor` on a joint action. */
export function jointAbilities(
  actor: Pick<Actor, 'roles' | 'scopePaths'>,
  facts: JointFacts,
): JointAbilities {
  const manages = canManageCounty(actor, facts.countyPath);
  const leadsAsAgency = can(actor, 'coordination.apply') && isInScope(actor, facts.initiatorPath);
  const runs = manages || leadsAsAgency;
  const answers = can(actor, 'coordination.answer');
  const own = facts.participants.filter((participant) => isInScope(actor, participant.orgPath));
  const { status } = facts;
  return {
    canEditPlan:
      (manages && BUREAU_PLAN_STATES.includes(status)) ||
      (leadsAsAgency && facts.origin === 'agency' && status === 'negotiating'),
    canIssueProposal: manages && BUREAU_PLAN_STATES.includes(status),
    canRevise: manages && status === 'proposed',
    canRespondFor:
      answers && RESPONSE_STATES.includes(status)
        ? own
            .filter((participant) => participant.response !== 'confirmed')
            .map((participant) => participant.orgId)
        : [],
    // 第八条(一): the agencies could not agree on the plan, so they ask the bureau to coordinate
    canRequestCoordination:
      answers &&
      status === 'negotiating' &&
      own.length > 0 &&
      facts.participants.some((participant) => participant.response === 'objected'),
    canStart: runs && status === 'confirmed',
    canRecord: runs && status === 'running',
    canClose: runs && status === 'running',
  };
}

/** Every agency has confirmed the plan: the action may go ahead. */
export function isPlanAgreed(participants: ReadonlyArray<{ response: JointResponse }>): boolean {
  return participants.length > 0 && participants.every((participant) => participant.response === 'confirmed');
}
