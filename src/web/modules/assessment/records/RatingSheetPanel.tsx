import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, InputNumber, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ASSESSMENT_KEY, getMyRatingSheet, putRating } from '../assessment.api.ts';
import type { PeriodDetail, RatingSheet } from '../assessment.types.ts';
import { RATER_LABELS } from '../assessment-labels.ts';

type SheetRow = RatingSheet['rows'][number];

/** 班子测评: the leader's own sheet, one score per subject, saved as each score is entered. */
export function RatingSheetPanel({ period }: { period: PeriodDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sheet = useQuery({
    queryKey: [ASSESSMENT_KEY, 'ratings', period.id],
    queryFn: () => getMyRatingSheet(period.id),
  });
  const [rater, setRater] = useState<string>();
  if (sheet.isPending) return <Skeleton active />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => sheet.refetch()} />;
  const item = sheet.data.items[0];
  if (!item) return <Typography.Text type="secondary">本方案没有班子测评项目。</Typography.Text>;
  const isOpen = period.status === 'open' || period.status === 'computed';
  // a named rater (第二章第二条) rates in the role the period names them in
  const current =
    item.namedRole ??
    rater ??
    sheet.data.rows.flatMap((row) => row.ratings).find((entry) => entry.rater)?.rater ??
    item.raters[0];
  const roleLabel = (role: string) => item.raterLabels[role] ?? RATER_LABELS[role] ?? role;

  const save = async (row: SheetRow, value: number | null) => {
    if (value === null || !current) return;
    try {
      await putRating(period.id, {
        subjectKey: row.subjectKey,
        rater: current,
        value: String(value),
        item: item.id,
      });
      await queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY, 'ratings', period.id] });
      message.success(`已保存：${row.name} ${value} 分`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const done = sheet.data.rows.filter((row) => row.ratings.some((entry) => entry.item === item.id)).length;

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text strong>{item.label}</Typography.Text>
        <span>
          评价人身份：
          <Select
            value={current}
            onChange={setRater}
            disabled={item.namedRole !== null}
            style={{ minWidth: 140 }}
            options={item.raters.map((role) => ({ value: role, label: roleLabel(role) }))}
            aria-label="评价人身份"
          />
        </span>
        <Typography.Text type="secondary">
          已评 {done} / {sheet.data.rows.length}
        </Typography.Text>
      </div>
      <Table<SheetRow>
        rowKey="subjectKey"
        size="small"
        pagination={false}
        dataSource={sheet.data.rows}
        columns={[
          { title: '考核对象', dataIndex: 'name' },
          {
            title: `测评分（满分 ${item.outOf}）`,
            key: 'value',
            width: 180,
            render: (_value, row) => (
              <InputNumber
                min={0}
                max={Number(item.outOf)}
                step={0.5}
                disabled={!isOpen}
                defaultValue={
                  Number(row.ratings.find((entry) => entry.item === item.id)?.value ?? '') || undefined
                }
                onBlur={(event) => {
                  const text = event.target.value.trim();
                  const saved = row.ratings.find((entry) => entry.item === item.id)?.value;
                  if (text !== '' && Number(text) !== Number(saved)) void save(row, Number(text));
                }}
                aria-label={`${row.name}测评分`}
                style={{ width: '100%' }}
              />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        输入分数后离开输入框即保存。只有本人能看到本人的测评表；各评价人分数按方案权重平均。
      </Typography.Paragraph>
    </>
  );
}
