import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Progress, Row, Skeleton, Statistic, Tabs, Typography } from 'antd';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ASSESSMENT_KEY, getBoard } from '../assessment.api.ts';
import type { PeriodBoard, PeriodDetail } from '../assessment.types.ts';
import { RaterProgress } from '../periods/RaterProgress.tsx';
import { GroupProgress } from './GroupProgress.tsx';
import { LateAlerts } from './LateAlerts.tsx';

function Figures({ board }: { board: PeriodBoard }) {
  const self = board.selfAssessments;
  const owned = board.groups.filter((group) => group.orgId !== null && group.scoring !== 'rating');
  const recorded = owned.filter((group) => group.activeRecords > 0);
  const sheets = board.ratings?.raters.flatMap((rater) => rater.sheets) ?? [];
  const rated = sheets.reduce((sum, sheet) => sum + sheet.done, 0);
  const expected = sheets.reduce((sum, sheet) => sum + sheet.done + sheet.missing, 0);
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
      <Col xs={24} sm={board.ratings ? 6 : 8}>
        <Statistic title="自查自评已报送" value={self.submitted} suffix={`/ ${self.subjects}`} />
        <Progress percent={percent(self.submitted, self.subjects)} size="small" showInfo={false} />
      </Col>
      <Col xs={12} sm={board.ratings ? 6 : 8}>
        <Statistic title="有效考核记录" value={board.records.active} suffix="条" />
        {board.records.proposed > 0 && (
          <Typography.Text type="warning">另有 {board.records.proposed} 条提议待确认</Typography.Text>
        )}
      </Col>
      {owned.length > 0 && (
        <Col xs={12} sm={board.ratings ? 6 : 8}>
          <Statistic title="已有记录的项目组" value={recorded.length} suffix={`/ ${owned.length}`} />
          <Progress percent={percent(recorded.length, owned.length)} size="small" showInfo={false} />
        </Col>
      )}
      {board.ratings && (
        <Col xs={12} sm={6}>
          <Statistic title="班子测评已评" value={rated} suffix={`/ ${expected}`} />
          <Progress percent={percent(rated, expected)} size="small" showInfo={false} />
        </Col>
      )}
    </Row>
  );
}

/** Names of the subjects that have not submitted a self-assessment (the first ones; the subject list filters all). */
function MissingSelfAssessments({ board }: { board: PeriodBoard }) {
  const self = board.selfAssessments;
  if (self.missing === 0)
    return <Typography.Text type="success">全部考核对象已报送自查自评。</Typography.Text>;
  return (
    <>
      <List
        size="small"
        dataSource={self.missingSubjects}
        renderItem={(subject) => (
          <List.Item>
            {subject.name}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {subject.orgName === subject.name ? '' : subject.orgName}
            </Typography.Text>
          </List.Item>
        )}
      />
      {self.missing > self.missingSubjects.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          另有 {self.missing - self.missingSubjects.length} 个，可在「考核对象」中按「未报送自评」筛选查看。
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 工作进度: figures, who is late, and the detail per item group, self-assessment and rater. */
export function BoardProgressCard({ period }: { period: PeriodDetail }) {
  const board = useQuery({
    queryKey: [ASSESSMENT_KEY, 'board', period.id],
    queryFn: () => getBoard(period.id),
  });
  return (
    <Card title="工作进度" size="small" style={{ marginBottom: 16 }}>
      {board.isPending ? (
        <Skeleton active />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <>
          <Figures board={board.data} />
          <LateAlerts board={board.data} />
          <Tabs
            size="small"
            items={[
              board.data.groups.length > 0
                ? { key: 'groups', label: '项目组记录', children: <GroupProgress board={board.data} /> }
                : {
                    key: 'groups',
                    label: '考核记录',
                    children: (
                      <Typography.Text type="secondary">
                        本方案未指定负责考核科室，考核记录均由考核办录入（见下方「考核记录」）。
                      </Typography.Text>
                    ),
                  },
              {
                key: 'self',
                label: `未报送自评（${board.data.selfAssessments.missing}）`,
                children: <MissingSelfAssessments board={board.data} />,
              },
              ...(board.data.ratings
                ? [
                    {
                      key: 'ratings',
                      label: '班子测评',
                      children: <RaterProgress ratings={board.data.ratings} />,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}
