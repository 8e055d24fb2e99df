import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Skeleton, Space, Steps, Tabs, Tooltip, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import {
  ASSESSMENT_KEY,
  computePeriod,
  finalisePeriod,
  getPeriod,
  publishPeriod,
} from '../assessment.api.ts';
import type { PeriodDetail } from '../assessment.types.ts';
import {
  ASSESSMENT_MANAGE_ROLES,
  ASSESSMENT_RATE_ROLES,
  ASSESSMENT_RECORD_ROLES,
  ASSESSMENT_SELF_ROLES,
  SUBJECT_LIST_ROLES,
} from '../assessment-access.ts';
import { PERIOD_STEPS } from '../assessment-labels.ts';
import { DeadlineTag } from '../DeadlineTag.tsx';
import { PeriodRatersPanel } from '../periods/PeriodRatersPanel.tsx';
import { PeriodStatusTag } from '../periods/PeriodStatusTag.tsx';
import { RatingSheetPanel } from '../records/RatingSheetPanel.tsx';
import { RecordsPanel } from '../records/RecordsPanel.tsx';
import { SelfAssessmentPanel } from '../records/SelfAssessmentPanel.tsx';
import { SubjectsTable } from '../records/SubjectsTable.tsx';
import { AppealsPanel } from '../scorecard/AppealsPanel.tsx';
import { DocumentDownloads } from '../scorecard/DocumentDownloads.tsx';
import { BoardProgressCard } from './BoardProgressCard.tsx';
import { RankingPanel } from './RankingPanel.tsx';

interface Action {
  label: string;
  title: string;
  content: string;
  run(periodId: number): Promise<unknown>;
  done: string;
  /** the server's reason the action is refused now; the button is disabled and says it */
  refusal?: string | null;
}

/** What the assessment office may do next, by status (server: assertStatus in each service). */
function actionsFor(period: PeriodDetail): Action[] {
  const compute: Action = {
    label: period.status === 'open' ? '计分' : '重新计分',
    title: `${period.status === 'open' ? '计分' : '重新计分'}：${period.label}`,
    content:
      '按本周期的方案版本计算全部考核对象的得分、等次、排名，适用比例控制和一票否决。计分后仍可补记录并重新计分，公示前结果仅考核办可见。',
    run: computePeriod,
    done: '已计分',
  };
  switch (period.status) {
    case 'open':
      return [compute];
    case 'computed':
      return [
        compute,
        {
          label: '公示',
          title: `公示 ${period.label}考核结果`,
          content: `公示后考核对象可查看本人（本单位）成绩单，并可在 ${period.appealDays} 个工作日内提出申诉。公示期间不能再记录扣分加分，只能通过申诉决定更正。`,
          run: publishPeriod,
          done: '已公示，申诉期开始',
        },
      ];
    case 'published':
      return [
        {
          label: '定档',
          title: `定档 ${period.label}考核结果`,
          content: '定档后结果冻结，任何记录、测评、申诉都不能再改。须申诉期已截止且全部申诉已作出决定。',
          run: finalisePeriod,
          done: '已定档',
          refusal: period.finaliseRefusal,
        },
      ];
    default:
      return [];
  }
}

/** 周期看板: where the period stands, what each office has done, and the tabs for each role's work. */
export default function PeriodBoardPage() {
  const periodId = Number(useParams().id);
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const period = useQuery({
    queryKey: [ASSESSMENT_KEY, 'period', periodId],
    queryFn: () => getPeriod(periodId),
  });
  if (period.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (period.isError) return <ErrorState error={period.error} onRetry={() => period.refetch()} />;
  const data = period.data;
  const canManage = hasAnyRole(user.roles, ASSESSMENT_MANAGE_ROLES);
  const canRecord = hasAnyRole(user.roles, ASSESSMENT_RECORD_ROLES);
  const canRate = hasAnyRole(user.roles, ASSESSMENT_RATE_ROLES);
  const canSelf = hasAnyRole(user.roles, ASSESSMENT_SELF_ROLES);
  const isRecording = data.status === 'open' || data.status === 'computed';
  const isPublished = data.status === 'published' || data.status === 'finalised';
  const stepIndex = PERIOD_STEPS.findIndex((step) => step.status === data.status);

  const confirm = (action: Action) =>
    modal.confirm({
      title: action.title,
      content: action.content,
      okText: action.label,
      cancelText: '取消',
      onOk: async () => {
        try {
          await action.run(periodId);
          await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
          message.success(action.done);
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const hasResults = canManage ? data.status !== 'open' : isPublished;
  const tabs = [
    hasResults
      ? { key: 'ranking', label: '排名与等次', children: <RankingPanel period={data} /> }
      : {
          key: 'subjects',
          label: hasAnyRole(user.roles, SUBJECT_LIST_ROLES) ? '考核对象' : '本人（本单位）',
          children: <SubjectsTable period={data} />,
        },
    canRecord && {
      key: 'records',
      label: '考核记录',
      children: <RecordsPanel period={data} />,
    },
    (canRate || canManage) && {
      key: 'ratings',
      label: '测评',
      children: <RatingSheetPanel period={data} />,
    },
    canManage && { key: 'raters', label: '测评人', children: <PeriodRatersPanel period={data} /> },
    canSelf &&
      isRecording && { key: 'self', label: '自查自评', children: <SelfAssessmentPanel period={data} /> },
    (isPublished || canManage) && {
      key: 'appeals',
      label: '申诉',
      children: <AppealsPanel period={data} />,
    },
  ].filter((tab) => tab !== false);
  // a subject's own work first: its self-assessment (or its appeal once published)
  if (!hasAnyRole(user.roles, SUBJECT_LIST_ROLES)) {
    tabs.sort(
      (a, b) =>
        Number(b.key === 'self' || b.key === 'appeals') - Number(a.key === 'self' || a.key === 'appeals'),
    );
  }

  return (
    <>
      <PageHeader
        title={`${data.label}考核`}
        description={`${data.schemeName}（第 ${data.versionNo} 版）`}
        extra={
          canManage &&
          actionsFor(data).map((action, index) =>
            action.refusal ? (
              <Space key={action.label} size={8} wrap>
                <Typography.Text type="secondary" id={`refusal-${index}`}>
                  {action.refusal}
                </Typography.Text>
                <Tooltip title={action.refusal}>
                  <Button disabled aria-describedby={`refusal-${index}`}>
                    {action.label}
                  </Button>
                </Tooltip>
              </Space>
            ) : (
              <Button
                key={action.label}
                type={index === 0 ? 'default' : 'primary'}
                onClick={() => confirm(action)}
              >
                {action.label}
              </Button>
            ),
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={stepIndex}
          status={data.status === 'finalised' ? 'finish' : 'process'}
          size="small"
          responsive
          items={PERIOD_STEPS.map((step) => ({ title: step.title, description: step.description }))}
        />
        <Descriptions
          size="small"
          style={{ marginTop: 20 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'status', label: '状态', children: <PeriodStatusTag period={data} /> },
            { key: 'subjects', label: '考核对象', children: `${data.subjectCount} 个` },
            {
              key: 'self',
              label: '自查自评截止',
              children: data.selfDueOn ? (
                <>
                  {formatDay(data.selfDueOn)}
                  {isRecording && <DeadlineTag dueOn={data.selfDueOn} />}
                </>
              ) : (
                '—'
              ),
            },
            {
              key: 'published',
              label: '公示日期',
              children: data.publishedOn ? formatDay(data.publishedOn) : '未公示',
            },
            {
              key: 'appeal',
              label: '申诉截止',
              children: data.appealClosesOn ? (
                <>
                  {formatDay(data.appealClosesOn)}
                  {data.status === 'published' && <DeadlineTag dueOn={data.appealClosesOn} />}
                </>
              ) : (
                `公示之日起 ${data.appealDays} 个工作日`
              ),
            },
            { key: 'decision', label: '申诉决定期限', children: `受理之日起 ${data.decisionDays} 个工作日` },
          ]}
        />
        <DocumentDownloads period={data} />
      </Card>
      {(canManage || canRecord) && isRecording && <BoardProgressCard period={data} />}
      {tabs.length > 0 ? (
        <Card>
          <Tabs items={tabs} destroyOnHidden />
        </Card>
      ) : (
        <Card>
          <Typography.Text type="secondary">
            考核结果公示后可在此查看排名与本人（本单位）成绩单。
          </Typography.Text>
        </Card>
      )}
    </>
  );
}
