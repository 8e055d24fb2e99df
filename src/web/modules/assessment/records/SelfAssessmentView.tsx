import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { formatDay } from '../../../components/date-time.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ASSESSMENT_KEY, getSelfAssessment } from '../assessment.api.ts';
import type { SelfAssessmentView as View } from '../assessment.types.ts';

/** 自查自评 as submitted: when and by whom, each line with its item, clause and section, the self score. */
export function SelfAssessmentView({ view }: { view: View }) {
  if (!view.isSubmitted) {
    return (
      <Empty
        description={view.dueOn ? `尚未报送自查自评（${formatDay(view.dueOn)} 截止）` : '尚未报送自查自评'}
      />
    );
  }
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'on', label: '报送日期', children: formatDay(view.submittedOn!) },
          { key: 'by', label: '报送人', children: view.submittedByName ?? '—' },
          { key: 'total', label: '自评得分', children: view.selfTotal ?? '—' },
          { key: 'due', label: '截止日期', children: view.dueOn ? formatDay(view.dueOn) : '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        自查事项（{view.items.length} 项）
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={view.items}
        locale={{ emptyText: '自查未发现扣分、加分事项' }}
        renderItem={(line) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{line.label}</Typography.Text>
              <span style={{ whiteSpace: 'nowrap' }}>
                {line.level && <Tag>{line.level}</Tag>}
                {line.value ? `${line.value} 分` : `${line.count} 次`}
              </span>
            </div>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {[line.clause, line.assessor && `负责：${line.assessor}`].filter(Boolean).join(' · ')}
            </div>
            {line.note && <div style={{ fontSize: 13 }}>{line.note}</div>}
          </List.Item>
        )}
      />
      {view.note && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            自评说明
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{view.note}</Typography.Paragraph>
        </>
      )}
    </>
  );
}

/** A subject's self-assessment in a drawer (from the subject list). */
export function SelfAssessmentDrawer({
  periodId,
  subjectKey,
  name,
  onClose,
}: {
  periodId: number;
  subjectKey: string;
  name: string;
  onClose(): void;
}) {
  const isPhone = useIsPhone();
  const view = useQuery({
    queryKey: [ASSESSMENT_KEY, 'self-assessment', periodId, subjectKey],
    queryFn: () => getSelfAssessment(periodId, subjectKey),
  });
  return (
    <Drawer
      open
      title={`${name} · 自查自评`}
      width={isPhone ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
    >
      {view.isPending ? (
        <Skeleton active />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={() => view.refetch()} />
      ) : (
        <SelfAssessmentView view={view.data} />
      )}
    </Drawer>
  );
}
