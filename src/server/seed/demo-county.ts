import type { OrgKind, Role } from '../db/schema.ts';

/**
 * The demo county: 博湖县 (seed 001's county), with its justice bureau, the assessment leading
 * group's office, seven enforcement agencies with sections and legal-affairs units, and five
 * townships with justice offices. Plain data; seed.ts loads it.
 */
export interface DemoOrg {
  key: string;
  kind: OrgKind;
  name: string;
  shortName?: string;
  docPrefix?: string;
  /** true: give it a unified social credit code (government bodies have one) */
  hasUscc?: boolean;
  children?: DemoOrg[];
}

const agency = (
  key: string,
  name: string,
  shortName: string,
  docPrefix: string,
  enforcementTeam: string,
  section: string,
  legalUnit: string,
): DemoOrg => ({
  key,
  kind: 'agency',
  name,
  shortName,
  docPrefix,
  hasUscc: true,
  children: [
    { key: `${key}.team`, kind: 'section', name: enforcementTeam },
    { key: `${key}.section`, kind: 'section', name: section },
    { key: `${key}.legal`, kind: 'legal_unit', name: legalUnit },
  ],
});

const township = (key: string, name: string, shortName: string): DemoOrg => ({
  key,
  kind: 'township',
  name,
  shortName,
  hasUscc: true,
  children: [
    { key: `${key}.office`, kind: 'justice_office', name: `${shortName}司法所` },
    { key: `${key}.team`, kind: 'section', name: `${shortName}综合行政执法队` },
  ],
});

export const DEMO_COUNTY: DemoOrg = {
  key: 'county',
  kind: 'government',
  name: '博湖县人民政府',
  shortName: '博湖县',
  docPrefix: '博政',
  hasUscc: true,
  children: [
    {
      key: 'bureau',
      kind: 'justice_bureau',
      name: '博湖县司法局',
      shortName: '县司法局',
      docPrefix: '博司',
      hasUscc: true,
      children: [
        { key: 'bureau.supervision', kind: 'section', name: '行政执法协调监督科', docPrefix: '博司监' },
        { key: 'bureau.office', kind: 'section', name: '办公室' },
        { key: 'bureau.personnel', kind: 'section', name: '人事教育科' },
        { key: 'bureau.legal', kind: 'legal_unit', name: '法制审核科' },
        // the responsible assessing sections seed 004's item groups name (咨询指导科 科室建设, 督查科
        // 纪律规范 and 班子测评), so a section period finds an owner for every group
        { key: 'bureau.guidance', kind: 'section', name: '咨询指导科' },
        { key: 'bureau.inspection', kind: 'section', name: '督查科' },
      ],
    },
    {
      key: 'leading',
      kind: 'leading_group',
      name: '博湖县行政执法绩效考核领导小组办公室',
      shortName: '考核办',
      docPrefix: '博考办',
    },
    agency(
      'market',
      '博湖县市场监督管理局',
      '县市场监管局',
      '博市监',
      '市场监管综合行政执法大队',
      '食品安全监督管理股',
      '法规股',
    ),
    agency(
      'land',
      '博湖县自然资源局',
      '县自然资源局',
      '博自然资',
      '自然资源执法监察大队',
      '国土空间规划股',
      '政策法规股',
    ),
    agency(
      'agri',
      '博湖县农业农村局',
      '县农业农村局',
      '博农',
      '农业综合行政执法大队',
      '种植业管理股',
      '法规股',
    ),
    agency(
      'transport',
      '博湖县交通运输局',
      '县交通运输局',
      '博交',
      '交通运输综合行政执法大队',
      '运输管理股',
      '法制股',
    ),
    agency(
      'safety',
      '博湖县应急管理局',
      '县应急管理局',
      '博应急',
      '应急管理综合行政执法大队',
      '危险化学品安全监督管理股',
      '法制股',
    ),
    agency(
      'culture',
      '博湖县文化体育广播电视和旅游局',
      '县文体广旅局',
      '博文旅',
      '文化市场综合执法大队',
      '旅游发展股',
      '法制股',
    ),
    agency(
      'health',
      '博湖县卫生健康委员会',
      '县卫健委',
      '博卫健',
      '卫生健康综合监督执法队',
      '医政医管股',
      '法制股',
    ),
    township('t.bohu', '博湖镇人民政府', '博湖镇'),
    township('t.benbutu', '本布图镇人民政府', '本布图镇'),
    township('t.tawen', '塔温觉肯乡人民政府', '塔温觉肯乡'),
    township('t.wulan', '乌兰再格森乡人民政府', '乌兰再格森乡'),
    township('t.caikan', '才坎诺尔乡人民政府', '才坎诺尔乡'),
  ],
};

/** The password of every demo account (the README lists them). */
export const DEMO_PASSWORD = 'Fazhi@2025';

export interface DemoAccount {
  username: string;
  displayName: string;
  orgKey: string;
  roles: Role[];
}

/** One demo account per role. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', orgKey: 'bureau', roles: ['admin'] },
  { username: 'supervisor', displayName: '李建国', orgKey: 'bureau.supervision', roles: ['supervisor'] },
  { username: 'legal', displayName: '王丽娟', orgKey: 'market.legal', roles: ['legal_officer'] },
  { username: 'officer', displayName: '张伟', orgKey: 'market.team', roles: ['officer'] },
  { username: 'assessor', displayName: '赵敏', orgKey: 'bureau.office', roles: ['assessor'] },
  { username: 'leader', displayName: '刘志强', orgKey: 'market', roles: ['leader'] },
  // the bureau's 局长, who signs (签发) the bureau's documents (issue 13)
  { username: 'juzhang', displayName: '周海涛', orgKey: 'bureau', roles: ['leader'] },
  { username: 'reviewer', displayName: '陈静', orgKey: 'land.legal', roles: ['reviewer'] },
  { username: 'sifasuo', displayName: '马晓东', orgKey: 't.bohu.office', roles: ['justice_office'] },
];
