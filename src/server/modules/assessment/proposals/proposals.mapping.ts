/**
 * Which scheme item a fact Fazhi already holds is proposed under, per scheme: the installation's
 * defaults, which a county's manager may change (assessment_proposal_mapping, migration 0103).
 * A fact is proposed only under an item whose seed wording describes it (issue 18 point 9);
 * where no item does, the default is null: nothing is proposed and the fact is shown on the
 * period's board for the assessor to judge. An item missing from the period's scheme version is
 * treated as null too.
 */
export const PROPOSAL_SOURCES = [
  'complaint_substantiated',
  'case_record_late',
  'quality_fail',
  'training_short',
  'certificate_expired',
  'case_closed',
  'review_fail',
  'misconduct_finding',
] as const;

export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

export const PROPOSAL_SOURCE_LABELS: Readonly<Record<ProposalSource, string>> = {
  complaint_substantiated: '投诉经调查属实',
  case_record_late: '案件记录表逾期未报送',
  quality_fail: '案件质量分析不合格',
  training_short: '年度培训未达标',
  certificate_expired: '执法证件过期',
  case_closed: '承办案件办结',
  review_fail: '案卷评查不合格',
  misconduct_finding: '执法监督认定执法过错',
};

export interface DefaultMapping {
  /** the item proposed under; null = no item's wording describes the fact */
  item: string | null;
  /** why, quoting the seed */
  reason: string;
}

/** The defaults, each with the seed wording that decided it (docs/assessment.md lists them). */
export const DEFAULT_PROPOSAL_MAPPINGS: Readonly<
  Record<string, Readonly<Record<ProposalSource, DefaultMapping>>>
> = {
  'zjg-section-quarterly': {
    complaint_substantiated: {
      item: 'zjg.004.d4.4.complaint',
      reason: '第二章第一条四4「查实被服务对象投诉」',
    },
    case_record_late: { item: null, reason: '细则无报送案件记录的扣分项' },
    quality_fail: { item: null, reason: '细则无案件质量扣分项' },
    training_short: {
      item: null,
      reason: '第二章第一条二5「未按要求组织落实教育培训」说的是科室未组织培训，不是个人学时不足',
    },
    certificate_expired: { item: null, reason: '细则无执法证件的扣分项' },
    case_closed: { item: null, reason: '细则考核科室工作，不按个人办案件数计分' },
    review_fail: { item: null, reason: '细则无案卷评查结果的扣分项' },
    misconduct_finding: { item: null, reason: '细则考核科室工作，无执法人员执法过错的扣分项' },
  },
  // seed 000 附表一、二: no item describes these facts. 附表一1-2「态度不诚恳…造成不良影响」and
  // 2-1「吃、拿、卡、要…被举报查实」are particular misconducts, not any substantiated complaint;
  // 1-4 asks for「造成严重后果」, which a late record is not; 2-4「超越工作权限」is not an expired
  // certificate; 附表二1-3「无故不参加…培训」is a missed session, not an hours shortfall.
  'xx-officer-performance': {
    complaint_substantiated: {
      item: null,
      reason: '附表一1-2、2-1 各是特定情形（态度不诚恳造成不良影响；吃拿卡要被举报查实），须由考核人判断',
    },
    case_record_late: {
      item: null,
      reason: '案件记录表填表说明1 规定30日内报送，附表未列逾期扣分；附表一1-4 须「造成严重后果」',
    },
    quality_fail: { item: null, reason: '附表一2-3 须「造成不良影响」，质量分析不合格本身不足以认定' },
    training_short: {
      item: null,
      reason: '附表二1-3「无故不参加单位组织的各类培训」指缺席，不是学时不足',
    },
    certificate_expired: { item: null, reason: '附表一2-4「超越工作权限」不是证件过期' },
    case_closed: { item: null, reason: '附表未按办案件数计分' },
    review_fail: { item: null, reason: '附表一2-3 须「造成不良影响」，评查不合格本身不足以认定' },
    misconduct_finding: {
      item: null,
      reason:
        '附表一2-3「有法不依、执法不严、执法不公或滥用职权造成不良影响」须「造成不良影响」，执法过错认定本身不足以认定，由考核人判断',
    },
  },
  // seed 001 平时考核制度第四条 records 失职失信、群众投诉查实、违规违纪、迟到早退旷工
  'bohu-officer-routine': {
    complaint_substantiated: { item: 'bohu.001.a4.complaint', reason: '第四条「群众投诉查实行为」' },
    case_record_late: {
      item: null,
      reason: '制度未规定案件记录表报送期限（见于 seed 000），是否失职由考核人判断',
    },
    quality_fail: {
      item: 'bohu.001.a5.quality-fail',
      reason:
        '第五条(二)「依法履行办案程序和认定案件事实等情况」（办案程序和认定事实），不是第四条的失职失信',
    },
    training_short: {
      item: null,
      reason: '培训制度第七条只要求每年至少参加1次县司法局业务培训，未达学时不是第四条的违规违纪',
    },
    certificate_expired: { item: null, reason: '证件过期本身不是第四条所列行为' },
    case_closed: { item: 'bohu.001.a5.case-closed', reason: '第五条(一)「执法办案的工作数量」' },
    review_fail: {
      item: 'bohu.001.a5.review-fail',
      reason: '第五条(二)「依法履行办案程序和认定案件事实等情况」，以公布的评查结果为据',
    },
    // 协调监督办法第十五条的通知书、决定书认定的执法过错及其责任追究、违法违纪查处
    misconduct_finding: {
      item: 'bohu.001.a4.violation',
      reason: '第四条「违规违纪行为」：司法局据监督通知书、决定书认定的执法过错、责任追究或违法违纪',
    },
  },
};

/** The item each source is proposed under for a scheme: the county's choices over the defaults. */
export function resolveProposalMapping(
  schemeId: string,
  countyChoices: readonly { source: string; item: string | null }[],
): Record<ProposalSource, string | null> {
  const defaults = DEFAULT_PROPOSAL_MAPPINGS[schemeId];
  const resolved = {} as Record<ProposalSource, string | null>;
  for (const source of PROPOSAL_SOURCES) {
    const choice = countyChoices.find((entry) => entry.source === source);
    resolved[source] = choice ? choice.item : (defaults?.[source].item ?? null);
  }
  return resolved;
}
