import type { FormSpec } from './FormModal.tsx';
import { acceptReferral, type ReferralView, returnReferral } from './supervision.api.ts';
import { FIELD_OPTIONS, KIND_OPTIONS } from './supervision-labels.ts';

// biome-ignore lint/suspicious/noExplicitAny: the form's values are checked by the server's schema
type Values = Record<string, any>;

export function acceptReferralForm(
  referral: ReferralView,
  onSaved: (matterId: number) => void,
): FormSpec<ReferralView> {
  return {
    title: '受理提请并立项监督事项',
    okText: '受理立项',
    fields: [
      { name: 'title', label: '事项名称' },
      { name: 'kind', label: '监督方式', kind: 'select', options: KIND_OPTIONS },
      { name: 'field', label: '监督领域', kind: 'select', options: FIELD_OPTIONS },
      { name: 'dueOn', label: '办结期限', kind: 'date', isOptional: true },
    ],
    initialValues: { kind: 'case', title: `${referral.unit.name}执法行为（${referral.office.name}提请）` },
    save: (values: Values) =>
      acceptReferral(referral.id, {
        title: values.title,
        kind: values.kind,
        field: values.field,
        dueOn: values.dueOn,
      }),
    done: '已受理，监督事项已立项',
    onSaved: (saved) => {
      if (saved.matterId) onSaved(saved.matterId);
    },
  };
}

export function returnReferralForm(referral: ReferralView): FormSpec<ReferralView> {
  return {
    title: '退回提请',
    okText: '退回',
    fields: [{ name: 'reason', label: '退回理由', kind: 'textarea', maxLength: 2000 }],
    save: (values: Values) => returnReferral(referral.id, values.reason),
    done: '提请已退回',
  };
}
