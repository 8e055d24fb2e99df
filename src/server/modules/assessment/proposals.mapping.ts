/**
 * Which scheme item a fact Fazhi already holds is proposed under, per scheme (data, not code;
 * docs/assessment.md explains each choice). A scheme without an entry gets no proposals of that
 * source; an item missing from the period's scheme version is skipped.
 */
export type ProposalSource =
  | 'complaint_substantiated'
  | 'case_record_late'
  | 'quality_fail'
  | 'training_short'
  | 'certificate_expired';

export const PROPOSAL_SOURCE_LABELS: Readonly<Record<ProposalSource, string>> = {
  complaint_substantiated: '投诉经调查属实',
  case_record_late: '案件记录表逾期未报送',
  quality_fail: '案件质量分析不合格',
  training_short: '年度培训未达标',
  certificate_expired: '执法证件过期',
};

export const PROPOSAL_MAPPINGS: Readonly<Record<string, Partial<Record<ProposalSource, string>>>> = {
  // seed 004: 查实被服务对象投诉 (第二章第一条四4); 未按要求组织落实教育培训 (第二章第一条二5)
  'zjg-section-quarterly': {
    complaint_substantiated: 'zjg.004.d4.4.complaint',
    training_short: 'zjg.004.d2.5.training',
  },
  // seed 000 附表一/二: the nearest items; the assessor confirms or dismisses each proposal
  'xx-officer-performance': {
    complaint_substantiated: 'xx.000.t1.1.2.attitude',
    case_record_late: 'xx.000.t1.1.4.inefficiency',
    quality_fail: 'xx.000.t1.2.3.dereliction',
    training_short: 'xx.000.t2.1.3.no-show',
    certificate_expired: 'xx.000.t1.2.4.beyond-authority',
  },
  // seed 001 平时考核制度第四条: 投诉查实, 失职失信, 违规违纪
  'bohu-officer-routine': {
    complaint_substantiated: 'bohu.001.a4.complaint',
    case_record_late: 'bohu.001.a4.duty-failure',
    quality_fail: 'bohu.001.a4.duty-failure',
    training_short: 'bohu.001.a4.violation',
    certificate_expired: 'bohu.001.a4.violation',
  },
};
