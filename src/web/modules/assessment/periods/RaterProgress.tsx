import { Table, Tag, Typography } from 'antd';
import type { PeriodBoard } from '../assessment.types.ts';
import { RATER_LABELS } from '../assessment-labels.ts';

type Ratings = NonNullable<PeriodBoard['ratings']>;
type RaterRow = Ratings['raters'][number];

/** 班子测评进度: each rater's sheet done and missing (values stay private to the rater). */
export function RaterProgress({ ratings }: { ratings: Ratings }) {
  const emptyRoles = ratings.byRole.filter((role) => role.raters === 0);
  return (
    <>
      {emptyRoles.length > 0 && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          尚无人以{emptyRoles.map((role) => `「${RATER_LABELS[role.rater] ?? role.rater}」`).join('、')}
          身份测评，该部分权重暂无分数。
        </Typography.Paragraph>
      )}
      <Table<RaterRow>
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={ratings.raters}
        locale={{ emptyText: '本县没有负责本周期考核对象的领导账号。' }}
        columns={[
          {
            title: '评价人',
            key: 'name',
            render: (_value, row) => (
              <>
                {row.name}
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{row.orgName}</div>
              </>
            ),
          },
          {
            title: '身份',
            key: 'roles',
            width: 120,
            render: (_value, row) =>
              row.roles.length > 0 ? row.roles.map((role) => RATER_LABELS[role] ?? role).join('、') : '—',
          },
          ...ratings.items.map((item) => ({
            title: ratings.items.length > 1 ? item.label : '已评 / 未评',
            key: item.id,
            width: 150,
            render: (_value: unknown, row: RaterRow) => {
              const sheet = row.sheets.find((entry) => entry.item === item.id);
              if (!sheet) return '—';
              return (
                <>
                  {sheet.done} / {sheet.missing > 0 ? <Tag color="orange">缺 {sheet.missing}</Tag> : '0'}
                </>
              );
            },
          })),
        ]}
      />
    </>
  );
}
