import { DiffOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { formatDateTime } from '../../../components/date-time.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ASSESSMENT_KEY, listSchemeVersions } from '../assessment.api.ts';
import type { SchemeVersion } from '../assessment.types.ts';
import { SchemeCompareDrawer } from './SchemeCompareDrawer.tsx';
import { SchemeUploadModal } from './SchemeUploadModal.tsx';
import { SchemeVersionDrawer } from './SchemeVersionDrawer.tsx';
import { SCHEME_SOURCE_LABELS, versionKinds } from './scheme-labels.ts';

/** The version a version follows: same scheme id, same owner (presets or the county's uploads). */
function previousOf(versions: readonly SchemeVersion[], version: SchemeVersion): SchemeVersion | undefined {
  return versions.find(
    (other) =>
      other.schemeId === version.schemeId &&
      other.source === version.source &&
      other.versionNo === version.versionNo - 1,
  );
}

/** 考核方案 (issue 19): every scheme and version, one version's items and rules, upload, compare. */
export default function SchemesPage() {
  const versions = useQuery({ queryKey: [ASSESSMENT_KEY, 'schemes'], queryFn: listSchemeVersions });
  const [viewing, setViewing] = useState<number | undefined>();
  const [isUploading, setUploading] = useState(false);
  const [comparing, setComparing] = useState<[number | undefined, number | undefined] | null>(null);
  const rows = useMemo(
    () =>
      [...(versions.data ?? [])].sort(
        (a, b) =>
          a.schemeId.localeCompare(b.schemeId) ||
          a.source.localeCompare(b.source) ||
          b.versionNo - a.versionNo,
      ),
    [versions.data],
  );

  const columns: ColumnsType<SchemeVersion> = [
    {
      title: '考核方案',
      key: 'name',
      width: 320,
      render: (_value, version) => (
        <>
          <Typography.Link onClick={() => setViewing(version.id)}>{version.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {version.schemeId}
          </Typography.Text>
        </>
      ),
    },
    { title: '版本', dataIndex: 'versionNo', width: 80, render: (no: number) => `第 ${no} 版` },
    {
      title: '来源',
      dataIndex: 'source',
      width: 80,
      render: (source: string) => (
        <Tag color={source === 'upload' ? 'blue' : undefined}>{SCHEME_SOURCE_LABELS[source] ?? source}</Tag>
      ),
    },
    {
      title: '考核对象 · 周期',
      key: 'kinds',
      width: 150,
      render: (_value, version) => versionKinds(version),
    },
    { title: '入库时间', dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_value, version) => {
        const previous = previousOf(rows, version);
        return (
          <Space size={4}>
            <Button type="link" size="small" onClick={() => setViewing(version.id)}>
              查看
            </Button>
            {previous && (
              <Button type="link" size="small" onClick={() => setComparing([previous.id, version.id])}>
                与上一版比较
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="考核方案"
        description="考核方案的各个版本：查看项目、分值和规则，上传新版本（整份校验后入库），比较两个版本的差异。已开启的考核周期始终按开启时的版本计分。"
        extra={
          <>
            <Button icon={<DiffOutlined />} onClick={() => setComparing([undefined, undefined])}>
              比较版本
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)}>
              上传新版本
            </Button>
          </>
        }
      />
      {versions.isError && <Alert type="error" showIcon title={errorMessage(versions.error)} />}
      <Card>
        <Table<SchemeVersion>
          rowKey="id"
          size="middle"
          loading={versions.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 990 }}
        />
      </Card>
      <SchemeVersionDrawer id={viewing} onClose={() => setViewing(undefined)} />
      {isUploading && <SchemeUploadModal onClose={() => setUploading(false)} />}
      {comparing && (
        <SchemeCompareDrawer
          versions={rows}
          pair={comparing}
          onChange={setComparing}
          onClose={() => setComparing(null)}
        />
      )}
    </>
  );
}
