import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Table, Tag } from 'antd';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { getAssignedFile, REVIEWS_KEY } from './reviews.api.ts';

const VOLUME_LABELS = { main: '正卷', restricted: '副卷' } as const;

/** The assigned file's 封面 and 卷内目录, read-only beside the score sheet (评查办法第十条 查阅案卷). */
export function AssignedFileCard({ assignmentId }: { assignmentId: number }) {
  const query = useQuery({
    queryKey: [REVIEWS_KEY, 'assigned-file', assignmentId],
    queryFn: () => getAssignedFile(assignmentId),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const file = query.data?.file;
  return (
    <Card
      size="small"
      title="案卷封面与卷内目录（只读）"
      loading={query.isLoading}
      extra={file && <Tag>{file.statusLabel}</Tag>}
      style={{ marginBottom: 12 }}
    >
      {!file ? (
        <Empty description="办案单位尚未建立本案卷" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={Object.entries(file.coverLabels).map(([key, label]) => ({
              key,
              label,
              children: file.cover[key] || '—',
            }))}
          />
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="id"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={file.documents}
            locale={{ emptyText: '卷内目录为空' }}
            columns={[
              {
                title: '卷',
                dataIndex: 'volume',
                width: 56,
                render: (volume: 'main' | 'restricted') => VOLUME_LABELS[volume],
              },
              { title: '序号', dataIndex: 'sequence', width: 56 },
              {
                title: '文书',
                key: 'title',
                render: (_, document) => document.title ?? document.kindLabel,
              },
              {
                title: '形成日期',
                dataIndex: 'formedOn',
                width: 110,
                render: (day: string | null) => (day ? formatDay(day) : '—'),
              },
              {
                title: '页号',
                key: 'pages',
                width: 80,
                render: (_, document) =>
                  document.pageFrom === document.pageTo
                    ? document.pageFrom
                    : `${document.pageFrom}–${document.pageTo}`,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
