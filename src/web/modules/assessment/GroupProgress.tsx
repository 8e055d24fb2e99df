import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { ASSESSMENT_KEY, listRecords } from './assessment.api.ts';
import type { ItemGroup, PeriodDetail } from './assessment.types.ts';
import { useCatalogue } from './use-catalogue.ts';

interface GroupRow extends ItemGroup {
  records: number;
}

/**
 * Progress by item group: which section owns it and how many records it has entered. A group with
 * no section cannot be recorded by anyone but the assessment office; one with no records while the
 * period is open is the section to chase.
 */
export function GroupProgress({ period }: { period: PeriodDetail }) {
  const isPhone = useIsPhone();
  const catalogue = useCatalogue(period.schemeVersionId);
  const records = useQuery({
    queryKey: [ASSESSMENT_KEY, 'records', period.id, 'active'],
    queryFn: () => listRecords(period.id, { status: 'active' }),
  });
  const counts = new Map<string, number>();
  for (const record of records.data ?? []) {
    const group = catalogue.data?.items.get(record.item)?.ownerGroup;
    if (group) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const rows: GroupRow[] = period.groups.map((group) => ({ ...group, records: counts.get(group.id) ?? 0 }));
  const unowned = rows.filter((row) => row.orgId === null);
  const isOpen = period.status === 'open';
  const silent = isOpen ? rows.filter((row) => row.orgId !== null && row.records === 0) : [];
  const isLoading = records.isPending || catalogue.isPending;

  return (
    <Card title="考核项目组进度" size="small" style={{ marginBottom: 16 }}>
      {unowned.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${unowned.length} 个项目组未匹配到负责考核科室：${unowned.map((row) => `${row.label}（${row.assessor}）`).join('、')}。请在机构中设立对应科室，或由考核办记录。`}
        />
      )}
      {silent.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`尚无记录：${[...new Set(silent.map((row) => row.orgName))].join('、')}（${silent.map((row) => row.label).join('、')}）`}
        />
      )}
      <Table<GroupRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '考核项目组',
            key: 'label',
            render: (_value, row) => (
              <>
                {row.label}
                {isPhone && (
                  <div style={{ fontSize: 12 }}>
                    {row.orgName ?? (
                      <Typography.Text type="warning">未匹配（{row.assessor}）</Typography.Text>
                    )}
                  </div>
                )}
              </>
            ),
          },
          {
            hidden: isPhone,
            title: '负责考核科室',
            key: 'owner',
            render: (_value, row) =>
              row.orgName ?? <Typography.Text type="warning">未匹配（方案：{row.assessor}）</Typography.Text>,
          },
          {
            title: '有效记录',
            dataIndex: 'records',
            width: 100,
            render: (count: number, row) =>
              count > 0 ? `${count} 条` : row.orgId !== null && isOpen ? <Tag>尚无记录</Tag> : '0 条',
          },
        ]}
      />
    </Card>
  );
}
