import { Alert, List, Popover, Table, Tag, Typography } from 'antd';
import { useIsPhone } from '../../../app/use-is-phone.ts';
import { AttachmentLinks } from '../../../components/AttachmentLinks.tsx';
import { formatDay } from '../../../components/date-time.ts';
import { attachmentPath } from '../assessment.api.ts';
import type { CitedRecord, ExplanationLine } from '../assessment.types.ts';
import { LINE_KIND_LABELS, pointsColor, sumPoints } from '../assessment-labels.ts';

type Line = ExplanationLine & { index: number };

function Points({ points }: { points: string }) {
  return (
    <span style={{ color: pointsColor(points), fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
      {points === '0' ? '0' : points}
    </span>
  );
}

/** A record reference with its date, count, note and evidence on hover; its evidence files as links below. */
function RecordRefs({
  refs,
  records,
  periodId,
}: {
  refs: string[];
  records: Record<string, CitedRecord>;
  periodId: number | undefined;
}) {
  if (refs.length === 0) return <>—</>;
  const files = refs.flatMap((ref) => records[ref]?.attachments ?? []);
  return (
    <>
      {refs.map((ref) => {
        const record = records[ref];
        const tag = <Tag key={ref}>{ref}</Tag>;
        if (!record) return tag;
        return (
          <Popover
            key={ref}
            title={`考核记录 ${ref}`}
            content={
              <div style={{ maxWidth: 280 }}>
                <div>日期：{formatDay(record.occurredOn)}</div>
                <div>
                  次数：{record.count}
                  {record.level ? ` · ${record.level}` : ''}
                </div>
                {record.evidence && <div>依据：{record.evidence.id}</div>}
                {record.note && <div>说明：{record.note}</div>}
                {record.addedByAppeal !== null && <div>申诉决定补记（申诉 {record.addedByAppeal}）</div>}
              </div>
            }
          >
            <Tag style={{ cursor: 'help' }} color={record.addedByAppeal !== null ? 'purple' : undefined}>
              {/* the record's day beside its number: 'R1' alone says nothing to the reader */}
              记录{ref} · {formatDay(record.occurredOn)}
              {record.addedByAppeal !== null && ' 申诉补记'}
            </Tag>
          </Popover>
        );
      })}
      {periodId !== undefined && files.length > 0 && (
        <AttachmentLinks files={files} pathOf={(file) => attachmentPath(periodId, file.id)} />
      )}
    </>
  );
}

/**
 * 得分说明: every point added or taken with its rule, clause, section and records; the lines add up
 * exactly to the total, and the sum is shown (and checked) at the bottom.
 */
export function ExplanationTable({
  lines,
  total,
  records = {},
  periodId,
}: {
  lines: ExplanationLine[];
  total: string;
  records?: Record<string, CitedRecord>;
  /** the period the records belong to: their evidence files download from it */
  periodId?: number;
}) {
  const isPhone = useIsPhone();
  const rows: Line[] = lines.map((line, index) => ({ ...line, index }));
  const sum = sumPoints(lines);
  const isBalanced = Number(sum) === Number(total);
  const footer = (
    <div style={{ display: 'flex', justifyContent: 'space-between', fontWeight: 600 }}>
      <span>合计（各行之和）</span>
      <span>
        {sum} 分{isBalanced ? ` = 总分 ${total}` : ''}
      </span>
    </div>
  );
  return (
    <>
      {!isBalanced && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`说明各行之和 ${sum} 与总分 ${total} 不符，请联系考核办核查。`}
        />
      )}
      {isPhone ? (
        <List<Line>
          dataSource={rows}
          footer={footer}
          renderItem={(line) => (
            <List.Item style={{ display: 'block' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>{line.label}</Typography.Text>
                <Points points={line.points} />
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                {LINE_KIND_LABELS[line.kind]}
                {line.clause && ` · ${line.clause}`}
                {line.assessor && ` · ${line.assessor}`}
                {line.count !== undefined && ` · ${line.count} 次`}
              </div>
              {line.note && <div style={{ fontSize: 13 }}>{line.note}</div>}
              {line.records.length > 0 && (
                <RecordRefs refs={line.records} records={records} periodId={periodId} />
              )}
            </List.Item>
          )}
        />
      ) : (
        <Table<Line>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 960 }}
          footer={() => footer}
          columns={[
            {
              title: '分值',
              dataIndex: 'points',
              width: 80,
              align: 'right',
              render: (points: string) => <Points points={points} />,
            },
            {
              title: '考核项目',
              key: 'label',
              width: 240,
              render: (_value, line) => (
                <>
                  {line.label}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {LINE_KIND_LABELS[line.kind]}
                    </Typography.Text>
                  </div>
                </>
              ),
            },
            { title: '条款', dataIndex: 'clause', width: 150, render: (clause?: string) => clause ?? '—' },
            { title: '负责科室', dataIndex: 'assessor', width: 110, render: (name?: string) => name ?? '—' },
            { title: '次数', dataIndex: 'count', width: 60, render: (count?: number) => count ?? '—' },
            {
              title: '依据记录',
              key: 'records',
              width: 140,
              render: (_value, line) => (
                <RecordRefs refs={line.records} records={records} periodId={periodId} />
              ),
            },
            { title: '计算说明', dataIndex: 'note', render: (note?: string) => note ?? '' },
          ]}
        />
      )}
    </>
  );
}
