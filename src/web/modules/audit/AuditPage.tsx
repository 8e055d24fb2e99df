import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Input, Row, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatTimestamp } from '../../components/date-time.ts';
import { PagedResults } from '../../components/PagedResults.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditDetailDrawer } from './AuditDetailDrawer.tsx';
import { AUDIT_KEY, type AuditEntry, type AuditFilter, findAuditEntries } from './audit.api.ts';
import { AUDIT_ACTION_OPTIONS, auditActionColor, auditActionLabel, entityTypeLabel } from './audit-labels.ts';

function ActionTag({ action }: { action: string }) {
  return <Tag color={auditActionColor(action)}>{auditActionLabel(action)}</Tag>;
}

function entityText(entry: AuditEntry): string {
  return `${entityTypeLabel(entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ''}`;
}

/** 审计日志: who did what and when, filterable, with a before/after drawer per entry. */
export default function AuditPage() {
  const isPhone = useIsPhone();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const [keywordInput, setKeywordInput] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const entries = useQuery({
    queryKey: [AUDIT_KEY, filter],
    queryFn: () => findAuditEntries(filter),
    placeholderData: keepPreviousData,
  });
  const changeFilter = (patch: Partial<AuditFilter>) =>
    setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const hasFilter = Boolean(filter.keyword || filter.action || filter.from || filter.to);
  const emptyText = hasFilter ? '没有符合条件的记录，请调整搜索词、操作类型或日期范围。' : '还没有审计记录。';

  const columns: ColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatTimestamp(at) },
    { title: '操作人', dataIndex: 'actorName', width: 120, render: (name: string | null) => name ?? '系统' },
    {
      title: '操作',
      dataIndex: 'action',
      width: 140,
      render: (action: string) => <ActionTag action={action} />,
    },
    { title: '对象', key: 'entity', width: 130, render: (_value, entry) => entityText(entry) },
    { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
    {
      title: '详情',
      key: 'detail',
      width: 80,
      fixed: 'right',
      render: (_value, entry) => (
        <Button type="link" size="small" onClick={() => setOpened(entry)}>
          查看
        </Button>
      ),
    },
  ];

  const body = (
    <PagedResults<AuditEntry>
      query={entries}
      page={filter.page}
      pageSize={filter.pageSize}
      onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
      onOpen={setOpened}
      columns={columns}
      scrollX={800}
      pageSizeOptions={[20, 50, 100]}
      emptyText={emptyText}
      totalText={(total) => `共 ${total} 条`}
      renderPhoneItem={(entry) => (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <ActionTag action={entry.action} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTimestamp(entry.at)}
            </Typography.Text>
          </div>
          <div style={{ marginTop: 4 }}>
            {entry.actorName ?? '系统'} · {entityText(entry)}
          </div>
        </>
      )}
    />
  );

  return (
    <>
      <PageHeader title="审计日志" description="系统中每一次修改、登录和退出都有记录，记录不可更改。" />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12} xl={7}>
            <Input.Search
              allowClear
              placeholder="搜索操作人、对象或内容"
              value={keywordInput}
              onChange={(event) => setKeywordInput(event.target.value)}
              onSearch={(value) => changeFilter({ keyword: value.trim() || undefined })}
              aria-label="搜索审计记录"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="操作类型"
              options={AUDIT_ACTION_OPTIONS}
              value={filter.action}
              onChange={(action) => changeFilter({ action })}
              style={{ width: '100%' }}
              aria-label="按操作类型筛选"
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <DatePicker.RangePicker
              value={range}
              onChange={(value) => {
                setRange(value);
                changeFilter({
                  from: value?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  to: value?.[1]?.format('YYYY-MM-DD') ?? undefined,
                });
              }}
              style={{ width: '100%' }}
              placeholder={['开始日期', '结束日期']}
              inputReadOnly={isPhone}
            />
          </Col>
        </Row>
        {body}
      </Card>
      {opened && <AuditDetailDrawer entry={opened} onClose={() => setOpened(null)} />}
    </>
  );
}
