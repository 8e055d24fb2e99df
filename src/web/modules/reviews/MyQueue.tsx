import { Alert, Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { formatDay } from '../../components/date-time.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { useClientPagedQuery } from '../assessment/client-paging.ts';
import { DeadlineTag } from '../assessment/DeadlineTag.tsx';
import { findMyAssignments, type MyAssignmentItem, REVIEWS_KEY } from './reviews.api.ts';

type Row = MyAssignmentItem & { id: number };

/** 我的评查任务: the files assigned to me in campaigns being scored (第十条: 独立评分). */
export function MyQueue() {
  const navigate = useNavigate();
  const paged = useClientPagedQuery<Row>([REVIEWS_KEY, 'mine'], async () =>
    (await findMyAssignments()).items.map((item) => ({ ...item, id: item.assignmentId })),
  );
  const open = (row: Row) => navigate(`/reviews/assignments/${row.assignmentId}`);
  const columns: ColumnsType<Row> = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      width: 180,
      render: (caseNo: string, row) => <Link to={`/reviews/assignments/${row.assignmentId}`}>{caseNo}</Link>,
    },
    { title: '案件名称', dataIndex: 'name', width: 240, ellipsis: true },
    { title: '类别', dataIndex: 'kindLabel', width: 90 },
    { title: '被评查单位', dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: '评查活动', dataIndex: 'campaignName', width: 200, ellipsis: true },
    {
      title: '评分截止',
      dataIndex: 'scoringDueOn',
      width: 210,
      render: (day: string) => (
        <span>
          {formatDay(day)} <DeadlineTag dueOn={day} />
        </span>
      ),
    },
  ];
  return (
    <Card>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="请分别查阅案卷、独立评分，书面记录扣分理由并签名提交（第十条）。提交前看不到其他评查人员的评分。"
      />
      <PagedResults<Row>
        {...paged}
        columns={columns}
        onOpen={open}
        renderPhoneItem={(row) => (
          <>
            <Typography.Text strong>{row.caseNo}</Typography.Text>
            <div>{row.name}</div>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              {row.unitName} · {row.kindLabel}
            </div>
            <div style={{ fontSize: 13, marginTop: 4 }}>
              评分截止 {formatDay(row.scoringDueOn)} <DeadlineTag dueOn={row.scoringDueOn} />
            </div>
          </>
        )}
        emptyText="目前没有分配给您的评查案卷。"
        totalText={(total) => `共 ${total} 件待评案卷`}
        scrollX={1100}
      />
    </Card>
  );
}
