import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

/**
 * The unit's 报告落实情况 and the supervisor's 通过报告 / 退回重报 (第十五条), the same on a notice and
 * on a decision; shown by the view's abilities.
 */
export function ReportReviewButtons({
  canReport,
  canReview,
  isBusy,
  acceptTitle,
  onReport,
  onAccept,
  onReturn,
}: {
  canReport: boolean;
  canReview: boolean;
  isBusy: boolean;
  /** the confirmation asked before 通过报告 */
  acceptTitle: string;
  onReport: () => void;
  onAccept: () => void;
  onReturn: () => void;
}) {
  return (
    <>
      {canReport && (
        <Button type="primary" icon={<SendOutlined />} onClick={onReport}>
          报告落实情况
        </Button>
      )}
      {canReview && (
        <>
          <Popconfirm title={acceptTitle} okText="通过" cancelText="取消" onConfirm={onAccept}>
            <Button type="primary" icon={<CheckOutlined />} loading={isBusy}>
              通过报告
            </Button>
          </Popconfirm>
          <Button icon={<RollbackOutlined />} onClick={onReturn}>
            退回重报
          </Button>
        </>
      )}
    </>
  );
}
