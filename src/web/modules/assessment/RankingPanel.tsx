import { useQuery } from '@tanstack/react-query';
import { Col, Row, Statistic, Typography } from 'antd';
import { ASSESSMENT_KEY, getRanking } from './assessment.api.ts';
import type { PeriodDetail } from './assessment.types.ts';
import { NO_GRADE } from './assessment-labels.ts';
import { GradeChart } from './GradeChart.tsx';
import { SubjectsTable } from './SubjectsTable.tsx';

/** 排名表 with the grade distribution; the table is the server-paged subject list in rank order. */
export function RankingPanel({ period }: { period: PeriodDetail }) {
  const ranking = useQuery({
    queryKey: [ASSESSMENT_KEY, 'ranking', period.id],
    queryFn: () => getRanking(period.id),
  });
  const distribution = ranking.data?.distribution ?? {};
  const hasGrades = Object.keys(distribution).some((grade) => grade !== NO_GRADE);
  return (
    <>
      {ranking.data && !hasGrades && (
        <Typography.Paragraph type="secondary">本方案只计分、排名，不评定等次。</Typography.Paragraph>
      )}
      {ranking.data && hasGrades && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={8}>
            <Typography.Text strong>等次分布</Typography.Text>
            <Row gutter={8} style={{ marginTop: 8 }}>
              {Object.entries(distribution).map(([grade, count]) => (
                <Col key={grade} span={12}>
                  <Statistic title={grade} value={count} suffix="个" />
                </Col>
              ))}
            </Row>
          </Col>
          <Col xs={24} md={16}>
            <GradeChart distribution={distribution} />
          </Col>
        </Row>
      )}
      <SubjectsTable period={period} />
    </>
  );
}
