/** Organisation kinds, as the server names them. */
export const ORG_KINDS = [
  'government',
  'justice_bureau',
  'agency',
  'township',
  'justice_office',
  'section',
  'legal_unit',
  'leading_group',
] as const;

export type OrgKind = (typeof ORG_KINDS)[number];

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

export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  government: 'red',
  justice_bureau: 'geekblue',
  agency: 'blue',
  township: 'green',
  justice_office: 'cyan',
  section: 'default',
  legal_unit: 'purple',
  leading_group: 'gold',
};

/** Which kinds may be created under which (mirrors the server's org.policy.ts; it has the last word). */
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

/** GET /api/orgs item. */
export interface OrgView {
  id: number;
  parentId: number | null;
  path: string;
  kind: OrgKind;
  kindLabel: string;
  name: string;
  shortName: string | null;
  uscc: string | null;
  docPrefix: string | null;
  sortOrder: number;
  isActive: boolean;
}

export interface OrgCreateInput {
  parentId: number;
  kind: OrgKind;
  name: string;
  shortName?: string | null;
  uscc?: string | null;
  docPrefix?: string | null;
  sortOrder?: number;
}

export type OrgUpdateInput = Partial<Omit<OrgCreateInput, 'parentId' | 'kind'>> & { isActive?: boolean };
