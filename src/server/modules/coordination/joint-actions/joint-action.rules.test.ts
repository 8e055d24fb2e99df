import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/permissions.ts';
import { isPlanAgreed, type JointFacts, jointAbilities } from './joint-action.rules.ts';

const county = '/1/';
const market = '/1/3/';
const agri = '/1/4/';
const actor = (roles: Role[], scopePaths: string[]) => ({ roles, scopePaths });
const supervisor = actor(['supervisor'], [county]);
const marketLegal = actor(['legal_officer'], [market]);
const agriLegal = actor(['legal_officer'], [agri]);
const facts = (status: JointFacts['status'], overrides: Partial<JointFacts> = {}): JointFacts => ({
  status,
  origin: 'agency',
  countyPath: county,
  initiatorPath: market,
  participants: [
    { orgId: 3, orgPath: market, role: 'initiator', response: 'confirmed' },
    { orgId: 4, orgPath: agri, role: 'participant', response: 'pending' },
  ],
  ...overrides,
});

describe('jointAbilities', () => {
  it.each([
    [
      'the initiating agency edits its own plan while negotiating',
      marketLegal,
      facts('negotiating'),
      'canEditPlan',
      true,
    ],
    [
      'a participant does not edit the initiator’s plan',
      agriLegal,
      facts('negotiating'),
      'canEditPlan',
      false,
    ],
    [
      'the bureau does not edit the agencies’ own plan',
      supervisor,
      facts('negotiating'),
      'canEditPlan',
      false,
    ],
    [
      'the bureau edits a plan referred to it (第八条(一))',
      supervisor,
      facts('coordination_requested'),
      'canEditPlan',
      true,
    ],
    [
      'the bureau issues its 建议书 from a draft',
      supervisor,
      facts('draft', { origin: 'bureau' }),
      'canIssueProposal',
      true,
    ],
    [
      'an agency never issues the bureau’s 建议书',
      marketLegal,
      facts('draft', { origin: 'bureau' }),
      'canIssueProposal',
      false,
    ],
    ['the bureau revises an issued proposal', supervisor, facts('proposed'), 'canRevise', true],
    ['the initiator starts a confirmed action', marketLegal, facts('confirmed'), 'canStart', true],
    ['a participant does not start it', agriLegal, facts('confirmed'), 'canStart', false],
    ['the bureau records inspections while running', supervisor, facts('running'), 'canRecord', true],
    ['nothing is recorded once closed', supervisor, facts('closed'), 'canRecord', false],
  ] as const)('%s', (_name, who, state, ability, expected) => {
    expect(jointAbilities(who, state)[ability]).toBe(expected);
  });

  it('lets an agency answer only for itself, and only while the plan is open', () => {
    expect(jointAbilities(agriLegal, facts('negotiating')).canRespondFor).toEqual([4]);
    expect(jointAbilities(marketLegal, facts('negotiating')).canRespondFor).toEqual([]);
    expect(jointAbilities(agriLegal, facts('confirmed')).canRespondFor).toEqual([]);
    expect(jointAbilities(supervisor, facts('proposed')).canRespondFor).toEqual([]);
  });

  it('lets the agencies ask the bureau to coordinate only once one has objected (第八条(一))', () => {
    expect(jointAbilities(marketLegal, facts('negotiating')).canRequestCoordination).toBe(false);
    const objected = facts('negotiating', {
      participants: [
        { orgId: 3, orgPath: market, role: 'initiator', response: 'confirmed' },
        { orgId: 4, orgPath: agri, role: 'participant', response: 'objected' },
      ],
    });
    expect(jointAbilities(marketLegal, objected).canRequestCoordination).toBe(true);
    expect(jointAbilities(supervisor, objected).canRequestCoordination).toBe(false);
  });
});

describe('isPlanAgreed', () => {
  it.each([
    [[], false],
    [[{ response: 'confirmed' }], true],
    [[{ response: 'confirmed' }, { response: 'pending' }], false],
    [[{ response: 'confirmed' }, { response: 'objected' }], false],
  ] as const)('%j → %s', (participants, expected) => {
    expect(isPlanAgreed(participants)).toBe(expected);
  });
});
