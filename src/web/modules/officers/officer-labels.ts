import type {
  CertificateState,
  OfficerSeries,
  OfficerStatus,
  TrainingKind,
  WorkLogKind,
} from './officers.types.ts';

// Labels match the server's (officers.policy.ts, certificate-state.ts) so filters read like the rows.

export const OFFICER_STATUS_OPTIONS: { value: OfficerStatus; label: string }[] = [
  { value: 'active', label: '在岗' },
  { value: 'transferred', label: '调离' },
  { value: 'retired', label: '退休' },
  { value: 'suspended', label: '停职' },
];

/** seed 003 篇1 序列; '' = 未设置 (the officer is pooled with no series). */
export const OFFICER_SERIES_OPTIONS: { value: OfficerSeries | ''; label: string }[] = [
  { value: 'leader', label: '领导' },
  { value: 'staff', label: '一般工作人员' },
  { value: '', label: '未设置' },
];

export const OFFICER_STATUS_COLORS: Record<OfficerStatus, string> = {
  active: 'green',
  transferred: 'default',
  retired: 'default',
  suspended: 'orange',
};

export const CERTIFICATE_STATE_OPTIONS: { value: CertificateState | 'none'; label: string }[] = [
  { value: 'valid', label: '有效' },
  { value: 'expiring', label: '临期' },
  { value: 'expired', label: '过期' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '注销' },
  { value: 'none', label: '未持证' },
];

/** 有效 green, 临期 amber, 过期 red, 暂扣 volcano, 注销 grey. */
export const CERTIFICATE_STATE_COLORS: Record<CertificateState, string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  suspended: 'volcano',
  revoked: 'default',
};

export const TRAINING_KIND_OPTIONS: { value: TrainingKind; label: string }[] = [
  { value: 'post', label: '岗位培训' },
  { value: 'thematic', label: '专题培训' },
  { value: 'self_study', label: '自主培训' },
];

export const WORK_LOG_KIND_OPTIONS: { value: WorkLogKind; label: string }[] = [
  { value: 'daily', label: '日记实' },
  { value: 'weekly', label: '周记实' },
  { value: 'self_evaluation', label: '小结自评' },
];

export const GENDER_OPTIONS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
] as const;
