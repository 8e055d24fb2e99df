import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { MATTER_STATUS_LABELS, MATTER_STATUSES } from '../../../../common/coordination.ts';
import { rolesWith } from '../../../../common/permissions.ts';
import { useCurrentUser } from '../../../app/auth-context.tsx';
import { hasAnyRole } from '../../../app/roles.ts';
import { DateRangeFilter } from '../../../components/DateRangeFilter.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect.tsx';
import { PagedResults } from '../../../components/PagedResults.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { FormModal, type FormSpec } from '../../supervision/FormModal.tsx';
import {
  COORDINATION_KEY,
  findMajorMatters,
  MAJOR_MATTERS_EXPORT_PATH,
  type MajorMatterFilter,
  type MajorMatterView,
} from '../coordination.api.ts';
import { majorMatterForm, meetingForm, resolveForm } from './major-matter-forms.ts';

const STATUS_OPTIONS = MATTER_STATUSES.map((value) => ({ value, label: MATTER_STATUS_LABELS[value] }));
const STATUS_COLORS: Record<MajorMatterView['status'], string> = {
  open: 'gold',
  discussed: 'blue',
  resolved: 'green',
};
const pre = { whiteSpace: 'pre-wrap' } as const;

function MatterDetail({ matter }: { matter: MajorMatterView }) {
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="提出日期">{formatDay(matter.raisedOn)}</Descriptions.Item>
        <Descriptions.Item label="涉及单位">{matter.orgName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="事项情况">
          <span style={pre}>{matter.description}</span>
        </Descriptions.Item>
        {matter.resolution && (
          <Descriptions.Item label="协调处理结果">
            <span style={pre}>{matter.resolution}</span>
            {matter.resolvedOn && <div>（{formatDay(matter.resolvedOn)}）</div>}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        研究会议
      </Typography.Title>
      {matter.meetings.length === 0 ? (
        <Typography.Text type="secondary">尚未召开研究会议。</Typography.Text>
      ) : (
        <Timeline
          items={matter.meetings.map((meeting) => ({
            key: meeting.id,
            content: (
              <div>
                <Typography.Text strong>{formatDay(meeting.heldOn)}</Typography.Text>
                <div>参会人员：{meeting.attendees}</div>
                <Typography.Paragraph style={{ ...pre, margin: 0 }}>{meeting.minutes}</Typography.Paragraph>
              </div>
            ),
          }))}
        />
      )}
    </>
  );
}

/** 重大疑难事项 (协调监督办法第九条): logged, discussed at a meeting, resolved. */
export default function MajorMattersPage() {
  const user = useCurrentUser();
  const isBureau = hasAnyRole(user.roles, rolesWith('coordination.manage'));
  const [filter, setFilter] = useState<MajorMatterFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<FormSpec<unknown> | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const matters = useQuery({
    queryKey: [COORDINATION_KEY, 'major-matters', filter, paging],
    queryFn: () => findMajorMatters({ ...filter, ...paging }),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<MajorMatterFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setPaging((current) => ({ ...current, page: 1 }));
  };
  const open = (spec: FormSpec<MajorMatterView>) => setForm(spec as FormSpec<unknown>);
  const actions = (matter: MajorMatterView) =>
    matter.canManage && (
      <Space size={0} wrap>
        <Button size="small" type="link" onClick={() => open(meetingForm(matter))}>
          记录会议
        </Button>
        <Button size="small" type="link" onClick={() => open(resolveForm(matter))}>
          登记处理结果
        </Button>
      </Space>
    );
  const columns: ColumnsType<MajorMatterView> = [
    {
      title: '提出日期',
      key: 'raisedOn',
      width: 140,
      render: (_value, matter) => formatDay(matter.raisedOn),
    },
    {
      title: '事项',
      key: 'title',
      render: (_value, matter) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(matter.id)}
        >
          {matter.title}
        </Button>
      ),
    },
    { title: '涉及单位', key: 'org', width: 200, render: (_value, matter) => matter.orgName ?? '—' },
    {
      title: '研究会议',
      key: 'meetings',
      width: 90,
      render: (_value, matter) => `${matter.meetings.length} 次`,
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_value, matter) => <Tag color={STATUS_COLORS[matter.status]}>{matter.statusLabel}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_value, matter) => actions(matter),
    },
  ];
  const exportQuery = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  const selected = matters.data?.items.find((matter) => matter.id === openId) ?? null;
  return (
    <>
      <PageHeader
        title="重大疑难事项"
        description="重大或者疑难的行政执法问题登记、研究和协调处理（协调监督办法第九条）。"
        extra={
          <>
            {isBureau && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => open(majorMatterForm())}>
                登记事项
              </Button>
            )}
            <ExportButton
              path={MAJOR_MATTERS_EXPORT_PATH}
              fileName="重大疑难事项台账.xlsx"
              query={exportQuery}
            />
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="搜索事项名称或情况"
            aria-label="搜索事项名称或情况"
            style={{ width: 220 }}
            onSearch={(keyword) => update({ keyword: keyword || undefined })}
          />
          <FilterSelect
            label="状态"
            options={STATUS_OPTIONS}
            value={filter.status}
            onChange={(status) => update({ status })}
            width={140}
          />
          {isBureau && (
            <OrgTreeSelect
              allowClear
              placeholder="涉及单位（含下级机构）"
              value={filter.orgId}
              onChange={(orgId) => update({ orgId })}
              style={{ width: 240 }}
            />
          )}
          <DateRangeFilter
            label="提出日期"
            from={filter.raisedFrom}
            to={filter.raisedTo}
            onChange={({ from, to }) => update({ raisedFrom: from, raisedTo: to })}
          />
        </Space>
        <PagedResults<MajorMatterView>
          query={matters}
          page={paging.page}
          pageSize={paging.pageSize}
          onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
          columns={columns}
          onOpen={(matter) => setOpenId(matter.id)}
          renderPhoneItem={(matter) => (
            <>
              <Typography.Text strong>{matter.title}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {formatDay(matter.raisedOn)} · {matter.orgName ?? '未指定单位'}
              </div>
              <Tag color={STATUS_COLORS[matter.status]}>{matter.statusLabel}</Tag>
            </>
          )}
          emptyText={isBureau ? '还没有重大疑难事项，点“登记事项”开始。' : '还没有重大疑难事项。'}
          totalText={(total) => `共 ${total} 件`}
          scrollX={900}
        />
      </Card>
      {selected && (
        <Modal
          open
          title={selected.title}
          footer={actions(selected) || null}
          onCancel={() => setOpenId(null)}
          width={720}
        >
          <MatterDetail matter={selected} />
        </Modal>
      )}
      {form && <FormModal spec={form} onClose={() => setForm(null)} />}
    </>
  );
}
