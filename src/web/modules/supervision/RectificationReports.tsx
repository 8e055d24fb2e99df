import { Alert, Space, Tag, Timeline, Typography } from 'antd';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import { formatDay } from '../../components/date-time.ts';
import { attachmentPath, type NoticeView } from './supervision.api.ts';

const REPORT_STATE = {
  submitted: { label: '待审核', color: 'purple' },
  accepted: { label: '已通过', color: 'green' },
  returned: { label: '已退回', color: 'orange' },
} as const;

/** The unit's written reports on a notice or a decision (第十五条), each with its review. */
export function RectificationReports({ reports }: { reports: NoticeView['rectifications'] }) {
  if (reports.length === 0)
    return <Typography.Text type="secondary">被监督单位尚未报告落实情况。</Typography.Text>;
  return (
    <Timeline
      items={reports.map((report, index) => ({
        key: report.id,
        color: report.state === 'accepted' ? 'green' : report.state === 'returned' ? 'orange' : 'blue',
        content: (
          <div>
            <Space wrap size={6}>
              <Typography.Text strong>第 {index + 1} 次报告</Typography.Text>
              <Typography.Text type="secondary">{formatDay(report.submittedOn)}提交</Typography.Text>
              <Tag color={REPORT_STATE[report.state].color}>{REPORT_STATE[report.state].label}</Tag>
            </Space>
            <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
              {report.content}
            </Typography.Paragraph>
            <AttachmentLinks files={report.attachments} pathOf={attachmentPath} />
            {report.returnReason && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 6 }}
                title={`${report.reviewedOn ? formatDay(report.reviewedOn) : ''}退回理由：${report.returnReason}`}
              />
            )}
            {report.state === 'accepted' && report.reviewedOn && (
              <Typography.Text type="success">{formatDay(report.reviewedOn)}审核通过</Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
