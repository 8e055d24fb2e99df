import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  FileWordOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Input,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { rolesWith } from '../../../common/permissions.ts';
import { ApiError, errorMessage } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/auth-context.tsx';
import { hasAnyRole } from '../../app/roles.ts';
import { useIsPhone } from '../../app/use-is-phone.ts';
import { formatDay } from '../../components/date-time.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import type { CaseListItem } from '../cases/cases.types.ts';
import { ArchiveReasonModal } from './ArchiveReasonModal.tsx';
import { CoverModal } from './CoverModal.tsx';
import {
  ATTACHMENT_MAX_BYTES,
  archiveCaseFile,
  CASE_FILES_KEY,
  deleteFileDocument,
  downloadAttachment,
  downloadFileCover,
  getCaseFile,
  uploadAttachment,
} from './case-files.api.ts';
import type { CaseFile, FileAttachment, FileDocument, Finding, Volume } from './case-files.types.ts';
import { DocumentModal } from './DocumentModal.tsx';
import { FILE_TRAIT_OPTIONS, formatBytes, VOLUME_LABELS } from './file-labels.ts';

const FILE_WRITE_ROLES = rolesWith('case_file.write');
const FILE_ARCHIVE_ROLES = rolesWith('case_file.archive');
const ATTACHMENT_TYPES = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The completeness findings, each citing its clause (第九条, 第十条 …). */
export function FindingsList({ check }: { check: CaseFile['check'] }) {
  if (check.findings.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title="完整性检查通过：必备文书齐全，页码连续，复印件均已核对。"
      />
    );
  // 第十八条 kinds 参照 the catalogue: its findings are suggestions that do not block archiving
  const advisory = check.findings.filter((finding) => finding.isAdvisory).length;
  const faults = check.findings.length - advisory;
  return (
    <Alert
      type={check.passes ? 'info' : 'warning'}
      showIcon
      title={
        check.passes
          ? `完整性检查通过；对照规范目录有 ${advisory} 条建议（本类案件参照执行，第十八条）`
          : `完整性检查发现 ${faults} 个问题${advisory > 0 ? `，另有 ${advisory} 条建议` : ''}`
      }
      description={
        <ol style={{ margin: '4px 0 0', paddingLeft: 20 }} aria-label="完整性检查问题">
          {check.findings.map((finding: Finding, index) => (
            <li
              key={`${finding.code}-${finding.kindCode ?? ''}-${finding.documentId ?? index}`}
              style={{ marginBottom: 2 }}
            >
              <Tag color={finding.isAdvisory ? 'blue' : 'orange'} style={{ marginInlineEnd: 6 }}>
                {finding.clause}
              </Tag>
              {finding.isAdvisory ? `建议：${finding.message}` : finding.message}
            </li>
          ))}
        </ol>
      }
    />
  );
}

function AttachmentLine({ attachment }: { attachment: FileAttachment }) {
  const { message } = App.useApp();
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      <Typography.Link
        onClick={() => downloadAttachment(attachment).catch((error) => message.error(errorMessage(error)))}
      >
        <PaperClipOutlined /> {attachment.fileName}
      </Typography.Link>
      <Typography.Text type="secondary"> · {formatBytes(attachment.sizeBytes)}</Typography.Text>
      <div>
        <Typography.Text
          type="secondary"
          copyable={{ text: attachment.sha256, tooltips: ['复制 SHA-256', '已复制'] }}
          style={{ fontSize: 11, fontFamily: 'monospace' }}
        >
          SHA-256 {attachment.sha256.slice(0, 16)}…
        </Typography.Text>
      </div>
    </div>
  );
}

function AttachmentUpload({ document, caseId }: { document: FileDocument; caseId: number }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isUploading, setUploading] = useState(false);
  return (
    <Upload
      accept={ATTACHMENT_TYPES}
      showUploadList={false}
      beforeUpload={(picked) => {
        if (picked.size > ATTACHMENT_MAX_BYTES) {
          message.error('附件不能超过 10 MB');
          return Upload.LIST_IGNORE;
        }
        setUploading(true);
        uploadAttachment(document.id, picked)
          .then(async (saved) => {
            message.success(`已上传，SHA-256 ${saved.sha256.slice(0, 12)}…`);
            await queryClient.invalidateQueries({ queryKey: [CASE_FILES_KEY, caseId] });
          })
          .catch((error) => message.error(errorMessage(error)))
          .finally(() => setUploading(false));
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={isUploading}>
        上传证据
      </Button>
    </Upload>
  );
}

function copyNote(document: FileDocument): React.ReactNode {
  if (document.isOriginal) return <Tag color="blue">原件</Tag>;
  return (
    <>
      <Tag color="gold">复印件</Tag>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {document.verifiedBy ? `核对人 ${document.verifiedBy}` : '未核对'}
        {document.verifiedOn ? ` · ${formatDay(document.verifiedOn)}` : ''}
        {document.copySource ? ` · 来源 ${document.copySource}` : ''}
      </div>
    </>
  );
}

function VolumeTable({ file, volume, isEditable }: { file: CaseFile; volume: Volume; isEditable: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isAdding, setAdding] = useState(false);
  const documents = file.documents.filter((document) => document.volume === volume);
  const pages = documents.reduce((sum, document) => sum + document.pageTo - document.pageFrom + 1, 0);

  const remove = async (document: FileDocument) => {
    try {
      await deleteFileDocument(document.id);
      await queryClient.invalidateQueries({ queryKey: [CASE_FILES_KEY, file.caseId] });
      message.success('已删除');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const columns: ColumnsType<FileDocument> = [
    { title: '序号', dataIndex: 'sequence', width: 60, align: 'center' },
    {
      title: '文书',
      key: 'kind',
      render: (_value, document) => (
        <>
          <div>{document.kindLabel}</div>
          {document.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {document.title}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '页码',
      key: 'pages',
      width: 90,
      render: (_value, document) =>
        document.pageFrom === document.pageTo
          ? `${document.pageFrom}`
          : `${document.pageFrom}–${document.pageTo}`,
    },
    { title: '原件/复印件', key: 'copy', width: 200, render: (_value, document) => copyNote(document) },
    {
      title: '证据附件',
      key: 'attachments',
      width: 250,
      render: (_value, document) => (
        <Space orientation="vertical" size={4}>
          {document.attachments.map((attachment) => (
            <AttachmentLine key={attachment.id} attachment={attachment} />
          ))}
          {isEditable && <AttachmentUpload document={document} caseId={file.caseId} />}
          {!isEditable && document.attachments.length === 0 && (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Space>
      ),
    },
    ...(isEditable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_value: unknown, document: FileDocument) => (
              <Popconfirm
                title="删除这份卷内文书？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove(document)}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除文书" />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <div style={{ marginBottom: 20 }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
          marginBottom: 8,
        }}
      >
        <Typography.Title level={5} style={{ margin: 0 }}>
          {VOLUME_LABELS[volume]}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {documents.length} 份文书，共 {pages} 页{volume === 'restricted' ? '（不对外公开）' : ''}
          </Typography.Text>
        </Typography.Title>
        {isEditable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加文书
          </Button>
        )}
      </div>
      {isPhone ? (
        <List
          size="small"
          bordered
          dataSource={documents}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={`${VOLUME_LABELS[volume]}还没有文书`}
              />
            ),
          }}
          renderItem={(document) => (
            <List.Item style={{ display: 'block' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>
                  {document.sequence}. {document.kindLabel}
                </span>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  第 {document.pageFrom}–{document.pageTo} 页
                </Typography.Text>
              </div>
              <div style={{ marginTop: 4 }}>{copyNote(document)}</div>
              {document.attachments.map((attachment) => (
                <AttachmentLine key={attachment.id} attachment={attachment} />
              ))}
              {isEditable && (
                <div style={{ marginTop: 4 }}>
                  <AttachmentUpload document={document} caseId={file.caseId} />
                </div>
              )}
            </List.Item>
          )}
        />
      ) : (
        <Table<FileDocument>
          rowKey="id"
          size="small"
          bordered
          columns={columns}
          dataSource={documents}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={`${VOLUME_LABELS[volume]}还没有文书`}
              />
            ),
          }}
        />
      )}
      {isAdding && <DocumentModal file={file} volume={volume} onClose={() => setAdding(false)} />}
    </div>
  );
}

/** 案卷 of one case: 第十六条 cover, completeness check, 正卷/副卷 with evidence, 归档. */
export function CaseFilePanel({ caseItem }: { caseItem: Pick<CaseListItem, 'id' | 'caseNo'> }) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const [isEditingCover, setEditingCover] = useState(false);
  const [isDownloading, setDownloading] = useState(false);
  const [isArchiving, setArchiving] = useState(false);
  const [isAskingReason, setAskingReason] = useState(false);
  const file = useQuery({
    queryKey: [CASE_FILES_KEY, caseItem.id],
    queryFn: () => getCaseFile(caseItem.id),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const canWrite = hasAnyRole(user.roles, FILE_WRITE_ROLES);
  const canArchive = hasAnyRole(user.roles, FILE_ARCHIVE_ROLES);

  if (file.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (file.error instanceof ApiError && file.error.code === 'NOT_FOUND')
    return (
      <Empty
        image={<FolderOpenOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
        description="本案尚未立卷。"
      >
        {canWrite && (
          <Button type="primary" onClick={() => setEditingCover(true)}>
            立卷
          </Button>
        )}
        {isEditingCover && (
          <CoverModal caseId={caseItem.id} file={null} onClose={() => setEditingCover(false)} />
        )}
      </Empty>
    );
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const data = file.data;
  const isArchived = data.status === 'archived';
  const isEditable = canWrite && !isArchived;

  const archive = async (overrideReason?: string) => {
    setArchiving(true);
    try {
      const saved = await archiveCaseFile(caseItem.id, overrideReason);
      queryClient.setQueryData([CASE_FILES_KEY, caseItem.id], saved);
      message.success('案卷已归档');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setArchiving(false);
    }
  };
  const askArchive = () => {
    if (data.check.passes) {
      modal.confirm({
        title: '归档案卷',
        content: '完整性检查已通过。归档后案卷只读，不能再增删文书。确认归档？',
        okText: '归档',
        cancelText: '取消',
        onOk: () => archive(),
      });
      return;
    }
    setAskingReason(true);
  };
  const download = async () => {
    setDownloading(true);
    try {
      await downloadFileCover(caseItem.id, caseItem.caseNo);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const archiveButton = !isArchived && canArchive && (
    <Button type="primary" icon={<InboxOutlined />} loading={isArchiving} onClick={askArchive}>
      归档
    </Button>
  );
  const traitLabels = FILE_TRAIT_OPTIONS.filter((option) => data.traits.includes(option.value)).map(
    (option) => option.label,
  );
  return (
    <>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          gap: 8,
          marginBottom: 12,
        }}
      >
        <Space wrap>
          <Tag color={isArchived ? 'default' : 'processing'}>{data.statusLabel}</Tag>
          <Typography.Text type="secondary">
            {data.mainCatalogue === 'licensing'
              ? '行政许可案卷（第九条(一)目录）'
              : '行政处罚案卷（第九条(二)目录）'}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<FileWordOutlined />} loading={isDownloading} onClick={download}>
            {isPhone ? '封面及目录' : '下载封面及卷内目录（Word）'}
          </Button>
          {isEditable && (
            <Button icon={<EditOutlined />} onClick={() => setEditingCover(true)}>
              编辑封面
            </Button>
          )}
          {archiveButton}
          {!isArchived && canWrite && !canArchive && (
            <Tooltip title="归档由本单位法制机构办理">
              <Button disabled icon={<InboxOutlined />}>
                归档
              </Button>
            </Tooltip>
          )}
        </Space>
      </div>
      {isArchived && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="案卷已归档，只读。"
          description={
            data.archiveOverrideReason ? `检查未通过时归档，理由：${data.archiveOverrideReason}` : undefined
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        title="案卷封面（第十六条）"
        column={isPhone ? 1 : 3}
        style={{ marginBottom: 16 }}
        items={[
          ...Object.entries(data.coverLabels).map(([key, label]) => ({
            key,
            label,
            children:
              data.cover[key] && /^\d{4}-\d{2}-\d{2}$/.test(data.cover[key] ?? '')
                ? formatDay(data.cover[key]!)
                : (data.cover[key] ?? '—'),
          })),
          {
            key: 'traits',
            label: '案卷情形',
            span: 'filled' as const,
            children: traitLabels.length ? traitLabels.join('、') : '—',
          },
        ]}
      />
      <div style={{ marginBottom: 16 }}>
        <FindingsList check={data.check} />
      </div>
      <VolumeTable file={data} volume="main" isEditable={isEditable} />
      <VolumeTable file={data} volume="restricted" isEditable={isEditable} />
      {isEditingCover && (
        <CoverModal caseId={caseItem.id} file={data} onClose={() => setEditingCover(false)} />
      )}
      {isAskingReason && (
        <ArchiveReasonModal
          caseId={caseItem.id}
          findingCount={data.check.findings.length}
          onArchived={(saved) => {
            queryClient.setQueryData([CASE_FILES_KEY, caseItem.id], saved);
            setAskingReason(false);
          }}
          onClose={() => setAskingReason(false)}
        />
      )}
    </>
  );
}
