/**
 * What seed 000's per-officer forms (质量监督表, 奖惩记录表) have in common: the header block naming
 * the officer and their certificate, blank space left for what only a person can write, and the
 * 等次 tick boxes.
 */
import { formatChineseDate } from '../../../../common/format.ts';
import type { FormRow } from '../../../lib/form.docx.ts';
import type { OfficerView } from '../../officers/archive/officers.schema.ts';

/** The officer fields the forms print. */
export type OfficerFormFields = Pick<
  OfficerView,
  'name' | 'agencyName' | 'orgName' | 'position' | 'post' | 'duties' | 'certificates'
>;

/** Room to write by hand: a cell Fazhi has no data for, three lines high, left for the unit to fill. */
export const HAND_FILLED = '\n\n';

/** 盖章/签字 and a date line to be completed on paper. */
export const SIGNATURE_DATE = '　　　　年　　月　　日';

/** 所在单位及科室: the unit, and the section when the officer sits in one. */
export function unitAndSection(officer: Pick<OfficerFormFields, 'agencyName' | 'orgName'>): string {
  return officer.orgName === officer.agencyName
    ? officer.agencyName
    : `${officer.agencyName} ${officer.orgName}`;
}

/** 姓名 / 所在单位及科室 / 职务 / 执法岗位及职责 / 行政执法证编号 / 有效期限, two per printed row. */
export function officerHeaderRows(officer: OfficerFormFields): FormRow[] {
  const certificate = officer.certificates[0];
  return [
    [
      { label: '姓名', value: officer.name },
      { label: '所在单位及科室', value: unitAndSection(officer) },
    ],
    [
      { label: '职务', value: officer.position ?? '' },
      { label: '执法岗位及职责', value: [officer.post, officer.duties].filter(Boolean).join('：') },
    ],
    [
      { label: '行政执法证编号', value: certificate?.number ?? '未取得' },
      {
        label: '有效期限',
        value: certificate
          ? `${formatChineseDate(certificate.issuedOn)}至${formatChineseDate(certificate.validUntil)}`
          : '',
      },
    ],
  ];
}

/** '优秀☑　合格□　不合格□': the scheme's grades as boxes, the held one ticked (none when unknown). */
export function gradeBoxes(grades: readonly string[], held: string | null): string {
  return grades.map((grade) => `${grade}${grade === held ? '☑' : '□'}`).join('　');
}
