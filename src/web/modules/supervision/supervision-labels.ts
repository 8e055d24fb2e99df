import { rolesWith } from '../../../common/permissions.ts';
import {
  EVIDENCE_MEANS,
  EVIDENCE_MEANS_LABELS,
  MATTER_FIELD_LABELS,
  MATTER_FIELDS,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
  MATTER_SOURCE_LABELS,
  MATTER_SOURCES,
  MATTER_STATE_LABELS,
  MATTER_STATES,
  NOTICE_STATE_LABELS,
  NOTICE_STATES,
  REFERRAL_STATE_LABELS,
  REFERRAL_STATES,
  SERVICE_MANNERS,
} from '../../../common/supervision.ts';

function optionsOf<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const KIND_OPTIONS = optionsOf(MATTER_KINDS, MATTER_KIND_LABELS);
export const FIELD_OPTIONS = optionsOf(MATTER_FIELDS, MATTER_FIELD_LABELS);
export const SOURCE_OPTIONS = optionsOf(MATTER_SOURCES, MATTER_SOURCE_LABELS);
export const MATTER_STATE_OPTIONS = optionsOf(MATTER_STATES, MATTER_STATE_LABELS);
export const EVIDENCE_OPTIONS = optionsOf(EVIDENCE_MEANS, EVIDENCE_MEANS_LABELS);
export const NOTICE_STATE_OPTIONS = optionsOf(NOTICE_STATES, NOTICE_STATE_LABELS);
export const REFERRAL_STATE_OPTIONS = optionsOf(REFERRAL_STATES, REFERRAL_STATE_LABELS);
export const SERVICE_MANNER_OPTIONS = SERVICE_MANNERS.map((manner) => ({ value: manner, label: manner }));

/** Tag colours of a notice's states: open work blue/orange, closed green, withdrawn grey. */
export const NOTICE_STATE_COLORS: Record<(typeof NOTICE_STATES)[number], string> = {
  draft: 'default',
  awaiting_sign_off: 'gold',
  issued: 'blue',
  served: 'blue',
  reported: 'purple',
  returned: 'orange',
  accepted: 'green',
  withdrawn: 'default',
};
export const REFERRAL_STATE_COLORS: Record<(typeof REFERRAL_STATES)[number], string> = {
  submitted: 'gold',
  accepted: 'green',
  returned: 'default',
};

// From the one permission table (src/common/permissions.ts): the server decides, these only hide
// what it would refuse.
export const SUPERVISION_READ_ROLES = rolesWith('supervision.read');
export const SUPERVISION_MANAGE_ROLES = rolesWith('supervision.manage');
export const SUPERVISION_ANSWER_ROLES = rolesWith('supervision.answer');
export const SUPERVISION_REFER_ROLES = rolesWith('supervision.refer');
export const SUPERVISION_SIGN_ROLES = rolesWith('supervision.sign');
/** Who opens the notice register (发文登记): the bureau's supervisors and leaders. */
export const NOTICE_REGISTER_ROLES = [...new Set([...SUPERVISION_MANAGE_ROLES, ...SUPERVISION_SIGN_ROLES])];
/** Who opens the referrals list: the offices that refer and the bureau that decides. */
export const REFERRAL_PAGE_ROLES = [...new Set([...SUPERVISION_REFER_ROLES, ...SUPERVISION_MANAGE_ROLES])];
