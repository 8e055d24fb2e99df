import type { OrgKind } from '../../db/schema.ts';

/** Chinese labels of organisation kinds (GLOSSARY.md). */
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  government: '人民政府',
  justice_bureau: '司法局',
  agency: '行政执法部门',
  township: '乡镇人民政府',
  justice_office: '司法所',
  section: '科室/执法机构',
  legal_unit: '法制机构',
  leading_group: '领导小组(办公室)',
};

/** Which kinds may sit under which: a justice office belongs to a township, a section to a unit. */
export const ALLOWED_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  government: ['government', 'justice_bureau', 'agency', 'township', 'leading_group'],
  justice_bureau: ['section', 'legal_unit', 'leading_group'],
  agency: ['agency', 'section', 'legal_unit'],
  township: ['justice_office', 'section', 'legal_unit'],
  justice_office: ['section'],
  section: ['section'],
  legal_unit: [],
  leading_group: ['section'],
};

export function canContain(parent: OrgKind, child: OrgKind): boolean {
  return ALLOWED_CHILD_KINDS[parent].includes(child);
}
