import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  NOTICE_SITUATION_LABELS,
  NOTICE_SITUATIONS,
  NOTICE_STATES,
  type NoticeSituation,
} from '../../../common/supervision.ts';
import { errorMessage } from '../../app/api-client.ts';
import { formatDay } from '../../components/date-time.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { downloadFile } from '../../components/file-transfer.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DueTag } from './DueTag.tsx';
import {
  findNotices,
  type NoticeFilter,
  type NoticeView,
  noticeDocxPath,
  SUPERVISION_KEY,
} from './supervision.api.ts';
import { NOTICE_STATE_COLORS, NOTICE_STATE_OPTIONS } from './supervision-labels.ts';
import { UnitSelect } from './UnitSelect.tsx';

const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const positive = (value: string | null) => (value && /^[1-9]\d*$/.test(value) ? Number(value) : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  values.includes(value as T) ? (value as T) : undefined;

/** The filter a link brings (the cockpit's figures: ?orgId&issuedFrom&issuedTo&situation). */
function filterFromUrl(params: URLSearchParams): NoticeFilter {
  return {
    page: 1,
    pageSize: 20,
    state: oneOf(NOTICE_STATES, params.get('state')),
    year: positive(params.get('year')),
    orgId: positive(params.get('orgId')),
    issuedFrom: isoDate(params.get('issuedFrom')),
    issuedTo: isoDate(params.get('issuedTo')),
    situation: oneOf<NoticeSituation>(NOTICE_SITUATIONS, params.get('situation')),
  };
}

/** 监督通知书 and its 发文登记: every notice the account may see, by number, with service and report. */
export default function NoticesPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<NoticeFilter>(() => filterFromUrl(searchParams));
  const notices = useQuery({
    queryKey: [SUPERVISION_KEY, 'notices', filter],
    queryFn: () => findNotices(filter),
    placeholderData: keepPreviousData,
  });
  const update = (patch: Partial<NoticeFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const download = (notice: NoticeView) =>
    downloadFile(noticeDocxPath(notice.id), `行政执法监督通知书${notice.number ?? ''}.docx`).catch((error) =>
      message.error(errorMessage(error)),
    );
  const columns: ColumnsType<NoticeView> = [
    {
      title: '文号',
      dataIndex: 'number',
      width: 170,
      render: (number: string | null, notice) => (
        <Link to={`/supervision/notices/${notice.id}`}>{number ?? '（未编号草稿）'}</Link>
      ),
    },
    {
      title: '签发',
      key: 'issued',
      width: 150,
      render: (_value, notice) =>
        notice.issuedOn ? (
          <>
            {formatDay(notice.issuedOn)}
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>签发人 {notice.signedBy}</div>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '被监督单位',
      key: 'unit',
      width: 180,
      ellipsis: true,
      render: (_value, notice) => notice.unit.name,
    },
    {
      title: '监督事项',
      dataIndex: 'matterTitle',
      ellipsis: true,
      render: (title: string, notice) => <Link to={`/supervision/matters/${notice.matterId}`}>{title}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 140,
      render: (label: string, notice) => <Tag color={NOTICE_STATE_COLORS[notice.state]}>{label}</Tag>,
    },
    {
      title: '送达',
      key: 'served',
      width: 150,
      render: (_value, notice) =>
        notice.servedOn ? (
          <>
            {formatDay(notice.servedOn)}
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
              {notice.serviceManner} · {notice.serviceReceiver}
            </div>
          </>
        ) : (
          '—'
        ),
    },
    { title: '报告期限', key: 'due', width: 190, render: (_value, notice) => <DueTag due={notice.due} /> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_value, notice) => (
        <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => download(notice)}>
          DOCX
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="监督通知书（发文登记）"
        description="行政执法监督通知书按博司监文号连续编号、领导签发后登记发文；送达后被监督单位应在 30 日内书面报告（协调监督工作办法第十五条）。"
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <InputNumber
            placeholder="年度"
            aria-label="按年度筛选"
            min={2000}
            max={2100}
            style={{ width: 110 }}
            value={filter.year}
            onChange={(year) => update({ year: year ?? undefined })}
          />
          <FilterSelect
            label="状态"
            options={NOTICE_STATE_OPTIONS}
            value={filter.state}
            onChange={(state) => update({ state })}
            width={160}
          />
          <UnitSelect
            allowClear
            placeholder="被监督单位"
            value={filter.unitId ?? null}
            onChange={(unitId) => update({ unitId: typeof unitId === 'number' ? unitId : undefined })}
            style={{ width: 220 }}
          />
          {filter.situation && (
            <Tag closable color="blue" onClose={() => update({ situation: undefined })}>
              {NOTICE_SITUATION_LABELS[filter.situation]}
            </Tag>
          )}
          {(filter.issuedFrom || filter.issuedTo) && (
            <Tag closable color="blue" onClose={() => update({ issuedFrom: undefined, issuedTo: undefined })}>
              签发于 {filter.issuedFrom ? formatDay(filter.issuedFrom) : '…'}至
              {filter.issuedTo ? formatDay(filter.issuedTo) : '…'}
            </Tag>
          )}
          {filter.orgId && (
            <Tag closable color="blue" onClose={() => update({ orgId: undefined })}>
              驾驶舱所选机构（含下级）
            </Tag>
          )}
        </Space>
        <PagedResults<NoticeView>
          query={notices}
          page={filter.page}
          pageSize={filter.pageSize}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          columns={columns}
          onOpen={(notice) => navigate(`/supervision/notices/${notice.id}`)}
          renderPhoneItem={(notice) => (
            <>
              <Typography.Text strong>{notice.number ?? '（未编号草稿）'}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {notice.unit.name} · {notice.matterTitle}
              </div>
              <Space size={4} wrap>
                <Tag color={NOTICE_STATE_COLORS[notice.state]}>{notice.stateLabel}</Tag>
                {notice.due && <DueTag due={notice.due} prefix="报告期限 " />}
              </Space>
            </>
          )}
          emptyText={
            filter.state || filter.unitId || filter.year || filter.situation || filter.orgId
              ? '没有符合条件的通知书。'
              : '还没有监督通知书，在监督事项中起草。'
          }
          totalText={(total) => `共 ${total} 份`}
          scrollX={1150}
        />
      </Card>
    </>
  );
}
