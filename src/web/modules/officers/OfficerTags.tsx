import { Tag } from 'antd';
import { CERTIFICATE_STATE_COLORS, OFFICER_STATUS_COLORS } from './officer-labels.ts';
import type { CertificateState, OfficerStatus } from './officers.types.ts';

/** 执法证 state as a coloured tag (有效 / 临期 / 过期 / 暂扣 / 注销). */
export function CertificateStateTag({ state, label }: { state: CertificateState; label: string }) {
  return (
    <Tag color={CERTIFICATE_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** 在岗 / 调离 / 退休 / 停职. */
export function OfficerStatusTag({ status, label }: { status: OfficerStatus; label: string }) {
  return (
    <Tag color={OFFICER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
