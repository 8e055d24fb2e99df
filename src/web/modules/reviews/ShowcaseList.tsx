import { useQuery } from '@tanstack/react-query';
import { Card, Input, InputNumber, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDateTime, formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LocalPagedList } from './LocalPagedList.tsx';
import { findShowcase, REVIEWS_KEY, type ShowcaseItem } from './reviews.api.ts';

/** 优秀案卷展示 (第十八条): the files organisers marked excellent, readable by every agency, parties masked. */
export function ShowcaseList() {
  const showcase = useQuery({ queryKey: [REVIEWS_KEY, 'showcase'], queryFn: findShowcase });
  const [keyword, setKeyword] = useState('');
  const [year, setYear] = useState<number | null>(null);
  if (showcase.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (showcase.isError) return <ErrorState error={showcase.error} onRetry={() => showcase.refetch()} />;
  const shown = showcase.data.items.filter(
    (item) =>
      (!year || item.year === year) &&
      (!keyword ||
        [item.caseNo, item.name, item.unitName, item.kindLabel].some((text) => text.includes(keyword))),
  );
  const columns: ColumnsType<ShowcaseItem> = [
    { title: '案号', dataIndex: 'caseNo', width: 190 },
    { title: '案件名称', dataIndex: 'name', ellipsis: true },
    { title: '类别', dataIndex: 'kindLabel', width: 100 },
    { title: '承办单位', dataIndex: 'unitName', width: 200, ellipsis: true },
    {
      title: '结案日期',
      dataIndex: 'closedOn',
      width: 140,
      render: (day: string | null) => (day ? formatDay(day) : '—'),
    },
    { title: '评查活动', dataIndex: 'campaignName', width: 220, ellipsis: true },
    { title: '推荐理由', dataIndex: 'note', width: 240, ellipsis: true, render: (note) => note ?? '—' },
  ];
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        评查中评为优秀、由组织单位列入展示的案卷，供各执法单位学习借鉴（第十八条）；当事人信息已隐去。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索案号、名称、单位或类别"
          aria-label="搜索优秀案卷"
          style={{ width: 240 }}
          onSearch={(value) => setKeyword(value.trim())}
        />
        <InputNumber
          placeholder="年度"
          aria-label="按年度筛选"
          min={2000}
          max={2100}
          value={year}
          onChange={setYear}
        />
      </Space>
      <LocalPagedList<ShowcaseItem>
        items={shown}
        rowKey={(item) => item.fileId}
        columns={columns}
        scrollX={1300}
        emptyText={keyword || year ? '没有符合条件的优秀案卷。' : '还没有列入展示的优秀案卷。'}
        totalText={(total) => `共 ${total} 件优秀案卷`}
        renderPhoneItem={(item) => (
          <>
            <Typography.Text strong>{item.name}</Typography.Text>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
              {item.caseNo} · {item.unitName}
            </div>
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <Tag>{item.kindLabel}</Tag>
              <Tag color="gold">{item.year}年 优秀案卷</Tag>
              <span style={{ fontSize: 13 }}>列入于 {formatDateTime(item.markedAt)}</span>
            </Space>
            {item.note && <div style={{ fontSize: 13, marginTop: 4 }}>{item.note}</div>}
          </>
        )}
      />
    </Card>
  );
}
