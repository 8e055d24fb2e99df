import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api-client.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { downloadFile } from '../../components/file-transfer.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type StepField, StepModal } from './StepModal.tsx';
import { RectificationCard } from './UnitDetailPage.tsx';
import {
  addCommendation,
  decideApproval,
  getFollowUp,
  getUnitPeriod,
  submitForApproval,
  UNITS_KEY,
  type UnitPeriod,
} from './units.api.ts';

type Category = UnitPeriod['categories'][number];
const APPROVAL_COLORS: Record<string, string> = {
  not_submitted: 'default',
  submitted: 'blue',
  approved: 'green',
  returned: 'orange',
};

/** One category's results and its 审定 state, with the office's and the leading group's buttons. */
function CategoryCard({ periodId, category }: { periodId: number; category: Category }) {
  const isPhone = useIsPhone();
  const [step, setStep] = useState<null | 'submit' | 'decide'>(null);
  const submitFields: StepField[] = [{ name: 'note', label: '报审说明', kind: 'textarea', isOptional: true }];
  const decideFields: StepField[] = [
    {
      name: 'decision',
      label: '审定意见',
      kind: 'select',
      options: [
        { value: 'approve', label: '审定通过' },
        { value: 'return', label: '退回' },
      ],
    },
    { name: 'note', label: '意见（退回须写明理由）', kind: 'textarea', isOptional: true },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${category.categoryLabel}（${category.results.length} 个单位）`}
      extra={
        <Space size={4}>
          <Tag color={APPROVAL_COLORS[category.status]}>{category.statusLabel}</Tag>
          {category.isStale && <Tag color="red">已重新计分</Tag>}
        </Space>
      }
    >
      {isPhone ? (
        <List
          size="small"
          dataSource={category.results}
          renderItem={(row) => (
            <List.Item>
              <span>
                {row.rank ?? '—'}. {row.name}
              </span>
              <span>
                {row.total ?? '—'} 分{' '}
                <Tag color={row.grade === '不称职' || row.grade === '不合格' ? 'red' : undefined}>
                  {row.grade ?? '—'}
                </Tag>
              </span>
            </List.Item>
          )}
        />
      ) : (
        <Table
          size="small"
          rowKey="subjectKey"
          pagination={false}
          dataSource={category.results}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 70 },
            { title: '单位', dataIndex: 'name' },
            { title: '总分', dataIndex: 'total', width: 100 },
            {
              title: '等次',
              dataIndex: 'grade',
              width: 100,
              render: (grade: string | null) => (
                <Tag color={grade === '不称职' || grade === '不合格' ? 'red' : undefined}>{grade ?? '—'}</Tag>
              ),
            },
          ]}
        />
      )}
      <div style={{ marginTop: 8, fontSize: 13 }}>
        {category.submittedOn && (
          <div>
            {formatDay(category.submittedOn)} 由{category.submittedByName}报送
            {category.note ? `：${category.note}` : ''}
          </div>
        )}
        {category.decidedOn && (
          <div>
            {formatDay(category.decidedOn)} {category.decidedByName}
            {category.status === 'approved' ? '审定通过' : '退回'}
            {category.decisionNote ? `：${category.decisionNote}` : ''}
          </div>
        )}
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        {category.abilities.canSubmit && (
          <Button type="primary" onClick={() => setStep('submit')}>
            报送领导小组审定
          </Button>
        )}
        {category.abilities.canDecide && (
          <Button type="primary" onClick={() => setStep('decide')}>
            审定
          </Button>
        )}
      </Space>
      {step === 'submit' && (
        <StepModal
          title={`报送审定：${category.categoryLabel}`}
          fields={submitFields}
          done="已报送领导小组审定"
          submit={(values) =>
            submitForApproval(periodId, category.category, values.note as string | undefined)
          }
          onClose={() => setStep(null)}
        />
      )}
      {step === 'decide' && (
        <StepModal
          title={`审定：${category.categoryLabel}`}
          fields={decideFields}
          initialValues={{ decision: 'approve' }}
          done="审定意见已记录"
          submit={(values) => decideApproval(periodId, category.category, values as never)}
          onClose={() => setStep(null)}
        />
      )}
    </Card>
  );
}

/** After publication: failing units' plans and the commendation list (五(一)(二)). */
function FollowUpSection({ period }: { period: UnitPeriod }) {
  const { message } = App.useApp();
  const [isCommending, setCommending] = useState(false);
  const followUp = useQuery({
    queryKey: [UNITS_KEY, 'follow-up', period.id],
    queryFn: () => getFollowUp(period.id),
  });
  if (followUp.isPending) return null;
  if (followUp.isError) return <ErrorState error={followUp.error} onRetry={() => followUp.refetch()} />;
  const data = followUp.data;
  const unitOptions = period.categories.flatMap((category) =>
    category.results.map((row) => ({ value: row.orgId, label: row.name })),
  );
  return (
    <>
      {/* the office that commends is the office that reports (002 五): 考核情况报告 to the county */}
      {data.canCommend && (
        <div style={{ marginBottom: 12 }}>
          <Button
            onClick={() =>
              downloadFile(
                `/unit-periods/${data.periodId}/assessment-report.docx`,
                `${data.periodLabel}考核情况报告.docx`,
              ).catch((error) => message.error(errorMessage(error)))
            }
          >
            考核情况报告（Word）
          </Button>
        </div>
      )}
      <Card size="small" title="不合格单位整改（五(二)）" style={{ marginBottom: 12 }}>
        {data.rectifications.length === 0 ? (
          <Empty description="没有须整改的单位。" />
        ) : (
          data.rectifications.map((plan) => <RectificationCard key={plan.orgId} plan={plan} />)
        )}
      </Card>
      <Card
        size="small"
        title="先进单位和先进个人（五(一)）"
        extra={
          data.canCommend && (
            <Button size="small" onClick={() => setCommending(true)}>
              添加
            </Button>
          )
        }
      >
        <List
          dataSource={data.commendations}
          locale={{ emptyText: <Empty description="还没有评选先进。" /> }}
          renderItem={(row) => (
            <List.Item>
              <Space wrap size={4}>
                <Tag color="gold">{row.kindLabel}</Tag>
                <span>
                  {row.unitName}
                  {row.personName ? ` ${row.personName}` : ''}
                </span>
                <Typography.Text type="secondary">{row.reason}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {isCommending && (
        <StepModal
          title="评选先进"
          fields={[
            {
              name: 'kind',
              label: '类别',
              kind: 'select',
              options: [
                { value: 'unit', label: '先进单位' },
                { value: 'individual', label: '先进个人' },
              ],
            },
            { name: 'orgId', label: '单位', kind: 'select', options: unitOptions },
            { name: 'personName', label: '姓名（先进个人）', isOptional: true },
            { name: 'reason', label: '事由', kind: 'textarea' },
          ]}
          initialValues={{ kind: 'unit' }}
          done="已列入表彰名单"
          submit={(values) => addCommendation(period.id, values as never)}
          onClose={() => setCommending(false)}
        />
      )}
    </>
  );
}

/** One unit period: results by category, 审定, then the follow-up once published. */
export default function UnitPeriodPage() {
  const periodId = Number(useParams().id);
  const period = useQuery({
    queryKey: [UNITS_KEY, 'period', periodId],
    queryFn: () => getUnitPeriod(periodId),
  });
  if (period.isPending) return null;
  if (period.isError) return <ErrorState error={period.error} onRetry={() => period.refetch()} />;
  const view = period.data;
  const isPublished = view.status === 'published' || view.status === 'finalised';
  return (
    <>
      <PageHeader
        title={`${view.label} · ${view.schemeName}`}
        description="分类考核结果、领导小组审定、整改与表彰"
      />
      {view.publishRefusal && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={view.publishRefusal} />
      )}
      {view.status === 'open' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="本周期尚未计分；计分后可分类报送领导小组审定。"
        />
      )}
      {view.categories.map((category) => (
        <CategoryCard key={category.category} periodId={view.id} category={category} />
      ))}
      {isPublished && <FollowUpSection period={view} />}
    </>
  );
}
