import { Card, Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { OfficerCountsTable } from '../records/OfficerCountsTable.tsx';
import { ComplaintList } from './ComplaintList.tsx';

/** 投诉举报: complaints and petitions, and the per-officer period numbers they feed. */
export default function ComplaintsPage() {
  return (
    <>
      <PageHeader
        title="投诉举报"
        description="对执法人员、执法案件的投诉举报和信访：登记、调查结论（查实/不属实）与处理情况。"
      />
      <Card>
        <Tabs
          items={[
            { key: 'list', label: '投诉举报与信访', children: <ComplaintList /> },
            { key: 'counts', label: '执法人员期间统计', children: <OfficerCountsTable /> },
          ]}
        />
      </Card>
    </>
  );
}
