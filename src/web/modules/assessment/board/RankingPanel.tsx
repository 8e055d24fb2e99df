import { useQuery } from '@tanstack/react-query';
import { Col, Row, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { ASSESSMENT_KEY, getRanking } from '../assessment.api.ts';
import type { PeriodDetail, RankingRow } from '../assessment.types.ts';
import { SUBJECT_LIST_ROLES } from '../assessment-access.ts';
import { NO_GRADE } from '../assessment-labels.ts';
import { useClientPagedQuery } from '../client-paging.ts';
import { SubjectsTable } from '../records/SubjectsTable.tsx';
import { FlagTags } from '../scorecard/FlagTags.tsx';
import { useOwnSubject } from '../use-own-subject.ts';
import { GradeChart } from './GradeChart.tsx';

/**
 * 排名表 with the grade distribution. Those who work on every subject get the server-paged subject
 * list in rank order (with filters and self-assessments); everyone else the published table.
 */
export function RankingPanel({ period }: { period: PeriodDetail }) {
  const user = useCurrentUser();
  const seesAll = hasAnyRole(user.roles, SUBJECT_LIST_ROLES);
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
      {seesAll ? <SubjectsTable period={period} /> : <PublishedRanking period={period} />}
    </>
  );
}

type RankedSubject = RankingRow & { id: string };

/**
 * 公示 ranking as everyone in the county may read it once published: rank, name, total, grade
 * and flags (no self-assessments); the account's own row is marked and opens its scorecard.
 */
function PublishedRanking({ period }: { period: PeriodDetail }) {
  const navigate = useNavigate();
  const own = useOwnSubject(period.id);
  const ownKey = own.data?.subject?.subjectKey;
  const paged = useClientPagedQuery<RankedSubject>([ASSESSMENT_KEY, 'ranking', period.id, 'rows'], async () =>
    (await getRanking(period.id)).items.map((row) => ({ ...row, id: row.subjectKey })),
  );
  const scorecardPath = (row: RankedSubject) => `/assessment/periods/${period.id}/subjects/${row.subjectKey}`;
  const name = (row: RankedSubject) =>
    row.subjectKey === ownKey ? (
      <>
        <Link to={scorecardPath(row)}>{row.name}</Link> <Tag color="blue">本人（本单位）</Tag>
      </>
    ) : (
      row.name
    );
  const columns: ColumnsType<RankedSubject> = [
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: '考核对象', key: 'name', width: 220, render: (_value, row) => name(row) },
    { title: '得分', dataIndex: 'total', width: 90, align: 'right' },
    { title: '等次', dataIndex: 'grade', width: 90, render: (grade: string | null) => grade ?? '—' },
    { title: '标记', key: 'flags', render: (_value, row) => <FlagTags flags={row.flags} /> },
  ];
  return (
    <PagedResults<RankedSubject>
      {...paged}
      columns={columns}
      scrollX={640}
      onOpen={(row) => row.subjectKey === ownKey && navigate(scorecardPath(row))}
      emptyText="本周期没有考核结果。"
      totalText={(total) => `共 ${total} 个考核对象`}
      renderPhoneItem={(row) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <div>
            <Typography.Text type="secondary">第 {row.rank} 名 </Typography.Text>
            <Typography.Text strong={row.subjectKey === ownKey}>{name(row)}</Typography.Text>
            <div>
              <FlagTags flags={row.flags} />
            </div>
          </div>
          <div style={{ textAlign: 'right' }}>
            <div style={{ fontSize: 18, fontWeight: 600 }}>{row.total}</div>
            <Typography.Text type="secondary">{row.grade ?? ''}</Typography.Text>
          </div>
        </div>
      )}
    />
  );
}
