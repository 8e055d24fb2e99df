import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { AttachmentLinks } from '../../../components/AttachmentLinks.tsx';
import { AttachmentUploadButton } from '../../../components/AttachmentUpload.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { PagedResults } from '../../../components/PagedResults.tsx';
import {
  ASSESSMENT_KEY,
  attachmentPath,
  deleteAttachment,
  listRecords,
  uploadRecordAttachment,
  withdrawRecord,
} from '../assessment.api.ts';
import type { AssessmentRecord, PeriodDetail, RecordFilter, RecordListItem } from '../assessment.types.ts';
import { useCatalogue } from '../use-catalogue.ts';
import { useServerPage } from '../use-server-page.ts';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { SubjectPicker } from './SubjectPicker.tsx';

const STATUS_TAGS: Record<AssessmentRecord['status'], { label: string; color: string }> = {
  active: { label: '有效', color: 'green' },
  proposed: { label: '待确认', color: 'gold' },
  dismissed: { label: '不采纳', color: 'default' },
  withdrawn: { label: '已撤回', color: 'default' },
};

/** 考核记录: the records of the actor's item groups, and 记录扣分加分 while the period takes records. */
export function RecordsPanel({ period }: { period: PeriodDetail }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isAdding, setAdding] = useState(false);
  const catalogue = useCatalogue(period.schemeVersionId);
  const records = useServerPage<RecordListItem, RecordFilter>(
    [ASSESSMENT_KEY, 'records', period.id],
    (filter) => listRecords(period.id, filter),
    { page: 1, pageSize: 20 },
  );
  const isRecording = period.status === 'open' || period.status === 'computed';
  const isOffice = user.roles.includes('supervisor');
  const ownGroups = new Set(
    period.groups.filter((group) => group.orgId === user.orgId).map((group) => group.id),
  );
  const items = [...(catalogue.data?.items.values() ?? [])].filter(
    (item) =>
      item.kind !== 'rating' && (isOffice || (item.ownerGroup !== null && ownGroups.has(item.ownerGroup))),
  );

  const recordableItems = new Set(items.map((item) => item.id));
  /** evidence changes with the record: while the period takes records, by a section that may record it */
  const canEditEvidence = (record: RecordListItem) =>
    isRecording &&
    (record.status === 'active' || record.status === 'proposed') &&
    recordableItems.has(record.item);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
  const evidence = (record: RecordListItem) => (
    <>
      <AttachmentLinks
        files={record.attachments}
        pathOf={(file) => attachmentPath(period.id, file.id)}
        lockedHint={record.canDownloadEvidence ? null : '考核结果公示后可下载本人考核记录的证据材料'}
        onRemove={
          canEditEvidence(record)
            ? async (file) => {
                await deleteAttachment(period.id, file.id);
                await refresh();
              }
            : undefined
        }
      />
      {canEditEvidence(record) && (
        <AttachmentUploadButton
          label="上传证据"
          upload={(file) => uploadRecordAttachment(period.id, record.id, file)}
          onUploaded={refresh}
        />
      )}
    </>
  );

  const withdraw = async (record: RecordListItem) => {
    try {
      await withdrawRecord(period.id, record.id);
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY] });
      message.success('已撤回（留痕）');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const amount = (record: RecordListItem) =>
    [record.count > 1 && `${record.count} 次`, record.level, record.value && `${record.value} 分`]
      .filter(Boolean)
      .join(' · ') || '1 次';

  const columns: ColumnsType<RecordListItem> = [
    { title: '编号', dataIndex: 'id', width: 64, render: (id: number) => `R${id}` },
    { title: '日期', dataIndex: 'occurredOn', width: 116, render: (day: string) => formatDay(day) },
    { title: '考核对象', dataIndex: 'subjectName', width: 100 },
    { title: '考核项目', dataIndex: 'itemLabel' },
    { title: '次数 / 等级', key: 'amount', width: 90, render: (_value, record) => amount(record) },
    {
      title: '依据 / 说明',
      key: 'note',
      width: 190,
      render: (_value, record) => (
        <>
          {record.evidence && (
            <div>
              <Typography.Text type="secondary">依据 {record.evidence.id}</Typography.Text>
            </div>
          )}
          {record.note}
          {evidence(record)}
        </>
      ),
    },
    { title: '记录人', dataIndex: 'recorderName', width: 80, render: (name: string | null) => name ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (status: AssessmentRecord['status']) => (
        <Tag color={STATUS_TAGS[status].color}>{STATUS_TAGS[status].label}</Tag>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_value, record) =>
        isRecording &&
        record.status === 'active' && (
          <Popconfirm title="撤回这条记录？撤回后不计分，记录保留备查。" onConfirm={() => withdraw(record)}>
            <Button type="link" size="small" danger>
              撤回
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 8,
          marginBottom: 12,
          flexWrap: 'wrap',
        }}
      >
        <Typography.Text type="secondary">
          {isOffice
            ? '考核办可记录全部项目。'
            : `本科室负责：${
                period.groups
                  .filter((group) => ownGroups.has(group.id))
                  .map((group) => group.label)
                  .join('、') || '（无）'
              }`}
        </Typography.Text>
        {isRecording && items.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录扣分、加分
          </Button>
        )}
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 240 }}>
          <SubjectPicker
            periodId={period.id}
            allowClear
            value={records.filter.subjectKey}
            onChange={(subjectKey) => records.setFilter({ subjectKey })}
          />
        </div>
        <Select
          allowClear
          placeholder="记录状态"
          aria-label="按记录状态筛选"
          style={{ width: 120 }}
          value={records.filter.status}
          onChange={(status?: AssessmentRecord['status']) => records.setFilter({ status })}
          options={Object.entries(STATUS_TAGS).map(([value, { label }]) => ({ value, label }))}
        />
      </Space>
      <PagedResults<RecordListItem>
        {...records}
        columns={columns}
        scrollX={900}
        emptyText={isRecording ? '还没有记录，可点击“记录扣分、加分”。' : '本周期没有考核记录。'}
        totalText={(total) => `共 ${total} 条记录`}
        renderPhoneItem={(record) => (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{record.itemLabel}</Typography.Text>
              <Tag color={STATUS_TAGS[record.status].color}>{STATUS_TAGS[record.status].label}</Tag>
            </div>
            <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
              R{record.id} · {record.subjectName} · {formatDay(record.occurredOn)} · {amount(record)}
              {record.recorderName && ` · ${record.recorderName}`}
            </div>
            {record.note && <div style={{ fontSize: 13 }}>{record.note}</div>}
            {evidence(record)}
          </>
        )}
      />
      {isAdding && <RecordFormDrawer period={period} items={items} onClose={() => setAdding(false)} />}
    </>
  );
}
