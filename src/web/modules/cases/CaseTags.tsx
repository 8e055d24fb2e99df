import { Tag } from 'antd';
import { QUALITY_GRADE_COLORS, QUALITY_GRADE_LABELS, RECORD_STATE_COLORS } from './case-labels.ts';
import type { QualityGrade, RecordState } from './cases.types.ts';

/** 案件记录表 state: 在办 / 正常 / 临期 / 逾期 / 已报送. */
export function RecordStateTag({ state, label }: { state: RecordState; label: string }) {
  return (
    <Tag color={RECORD_STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** 案件质量 grade 优秀 / 合格 / 不合格; a dash when the legal unit has not graded yet. */
export function QualityGradeTag({ grade }: { grade: QualityGrade | null }) {
  if (!grade) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>未评</span>;
  return (
    <Tag color={QUALITY_GRADE_COLORS[grade]} style={{ marginInlineEnd: 0 }}>
      {QUALITY_GRADE_LABELS[grade]}
    </Tag>
  );
}
