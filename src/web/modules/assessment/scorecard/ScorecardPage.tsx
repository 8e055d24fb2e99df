import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../../components/AttachmentLinks.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import {
  ASSESSMENT_KEY,
  attachmentPath,
  getPeriod,
  getProvisional,
  getScorecard,
} from '../assessment.api.ts';
import type { AppealSummary, ComponentScore, SubjectResult } from '../assessment.types.ts';
import { ASSESSMENT_MANAGE_ROLES } from '../assessment-access.ts';
import { DocumentDownloads } from './DocumentDownloads.tsx';
import { ExplanationTable } from './ExplanationTable.tsx';
import { FlagTags } from './FlagTags.tsx';

const APPEAL_OUTCOMES: Record<string, { label: string; color: string }> = {
  pending: { label: '待决定', color: 'gold' },
  upheld: { label: '申诉成立', color: 'green' },
  rejected: { label: '维持原结果', color: 'default' },
};

/** One appeal: reasons, proof, decision and the records it withdrew or added (cited in the explanation above). */
function AppealOutcome({ appeal, periodId }: { appeal: AppealSummary; periodId: number }) {
  const outcome = APPEAL_OUTCOMES[appeal.status] ?? { label: appeal.status, color: 'default' };
  const changes = [
    appeal.withdrawn.length > 0 && `撤销 ${appeal.withdrawn.join('、')}`,
    appeal.added.length > 0 && `补记 ${appeal.added.join('、')}`,
  ].filter(Boolean);
  return (
    <div>
      <Tag color={outcome.color}>{outcome.label}</Tag>
      {appeal.reasons}
      <AttachmentLinks files={appeal.attachments} pathOf={(file) => attachmentPath(periodId, file.id)} />
      <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
        {appeal.status === 'pending'
          ? `${formatDay(appeal.decideBy)}前作出决定`
          : `${appeal.decidedOn ? `${formatDay(appeal.decidedOn)}决定：` : ''}${appeal.decision ?? ''}${
              changes.length > 0 ? `（${changes.join('，')}）` : ''
            }`}
      </div>
    </div>
  );
}

function ResultSummary({ result }: { result: SubjectResult }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Statistic title="总分" value={result.total} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="等次" value={result.grade ?? '不评等次'} />
        {result.bandGrade && result.bandGrade !== result.grade && (
          <Tag color="orange">按分数段为{result.bandGrade}</Tag>
        )}
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="名次" value={result.rank} prefix="第" suffix="名" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="自评得分" value={result.selfTotal ?? '未报送'} />
      </Col>
      <Col span={24}>
        <FlagTags flags={result.flags} />
        {result.triggers.map((trigger) => (
          <Tag key={trigger.rule} color="red">
            {trigger.label}
            {trigger.clause ? `（${trigger.clause}）` : ''}
          </Tag>
        ))}
      </Col>
    </Row>
  );
}

/** 成绩单: total, grade, rank, component scores and every explanation line (provisional while open). */
export default function ScorecardPage() {
  const params = useParams();
  const periodId = Number(params.id);
  const subjectKey = params.subjectId ?? '';
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const period = useQuery({
    queryKey: [ASSESSMENT_KEY, 'period', periodId],
    queryFn: () => getPeriod(periodId),
  });
  const isOpen = period.data?.status === 'open';
  const scorecard = useQuery({
    queryKey: [ASSESSMENT_KEY, 'scorecard', periodId, subjectKey],
    queryFn: () => getScorecard(periodId, subjectKey),
    enabled: period.data !== undefined && !isOpen,
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
  });
  const isNotYetVisible =
    scorecard.error instanceof ApiError && scorecard.error.code === 'RESULTS_NOT_PUBLISHED';
  const provisional = useQuery({
    queryKey: [ASSESSMENT_KEY, 'provisional', periodId, subjectKey],
    queryFn: () => getProvisional(periodId, subjectKey),
    enabled: period.data !== undefined && (isOpen || isNotYetVisible),
  });
  if (period.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (period.isError) return <ErrorState error={period.error} onRetry={() => period.refetch()} />;
  const isProvisional = isOpen || isNotYetVisible;
  const source = isProvisional ? provisional : scorecard;
  if (source.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (source.isError) return <ErrorState error={source.error} onRetry={() => source.refetch()} />;
  const result = isProvisional ? provisional.data!.result : scorecard.data!.result;
  const name = scorecard.data?.subject.name ?? result.name ?? subjectKey;
  const canManage = hasAnyRole(user.roles, ASSESSMENT_MANAGE_ROLES);

  return (
    <>
      <PageHeader
        title={`${name} · ${period.data.label}成绩单`}
        description={
          <>
            <Link to={`/assessment/periods/${periodId}`}>返回{period.data.label}考核</Link>
            {' · '}
            {period.data.schemeName}（第 {period.data.versionNo} 版）
          </>
        }
      />
      {isProvisional && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            canManage
              ? '本周期尚未计分，以下为按现有记录实时计算的预计得分。'
              : '考核结果尚未公示，以下为按现有记录实时计算的预计得分，以公示结果为准。'
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <ResultSummary result={result} />
        {!isProvisional && <DocumentDownloads period={period.data} subjectKey={subjectKey} />}
      </Card>
      <Card title="分项得分" size="small" style={{ marginBottom: 16 }}>
        <Table<ComponentScore>
          rowKey="path"
          size="small"
          pagination={false}
          dataSource={result.components}
          columns={[
            { title: '分项', dataIndex: 'label' },
            { title: '得分', dataIndex: 'score', width: 100, align: 'right' },
            { title: '计入总分', dataIndex: 'counted', width: 100, align: 'right' },
          ]}
        />
      </Card>
      <Card title="得分说明" size="small" style={{ marginBottom: 16 }}>
        <ExplanationTable
          lines={result.explanation}
          total={result.total}
          records={scorecard.data?.records}
          periodId={periodId}
        />
      </Card>
      {scorecard.data && scorecard.data.appeals.length > 0 && (
        <Card title="申诉及决定" size="small">
          <Descriptions
            size="small"
            column={1}
            layout={isPhone ? 'vertical' : 'horizontal'}
            items={scorecard.data.appeals.map((appeal) => ({
              key: appeal.id,
              label: `${formatDay(appeal.submittedOn)}提出`,
              children: <AppealOutcome appeal={appeal} periodId={periodId} />,
            }))}
          />
        </Card>
      )}
    </>
  );
}
