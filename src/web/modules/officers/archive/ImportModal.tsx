import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { ImportRejectedError, type ImportRowProblem } from '../../../components/file-transfer.ts';

/** Largest workbook accepted for upload here; the server has its own limit. */
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * XLSX import: download the template, pick a filled-in file, upload. The server imports all rows
 * or none; a refusal is shown as its row-by-row report, an acceptance as the counts it returns.
 */
export function ImportModal({
  title,
  onDownloadTemplate,
  onImport,
  describeSuccess,
  onClose,
}: {
  title: string;
  onDownloadTemplate: () => Promise<void>;
  onImport: (file: File) => Promise<unknown>;
  /** The success line from the server's answer, e.g. 已导入 12 名执法人员. */
  describeSuccess: (result: never) => string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [isUploading, setUploading] = useState(false);
  const [problems, setProblems] = useState<ImportRowProblem[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return;
    setUploading(true);
    setProblems(null);
    setFailure(null);
    try {
      const result = await onImport(file);
      setSuccess(describeSuccess(result as never));
      setFile(null);
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ImportRejectedError) setProblems(error.rows);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={
        success ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!file} loading={isUploading} onClick={submit}>
              开始导入
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请先下载模板，按模板格式填写后上传。导入时逐行校验，
          <Typography.Text strong>全部无误才会写入</Typography.Text>，有错误时不导入任何数据。
        </Typography.Paragraph>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => onDownloadTemplate().catch((error) => message.error(errorMessage(error)))}
        >
          下载导入模板
        </Button>
        {success ? (
          <Alert type="success" showIcon title={success} />
        ) : (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              if (picked.size > IMPORT_MAX_BYTES) {
                message.error('文件不能超过 10 MB');
                return Upload.LIST_IGNORE;
              }
              setFile(picked);
              setProblems(null);
              setFailure(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 XLSX 文件到此处</p>
            <p className="ant-upload-hint">仅支持按模板填写的 .xlsx 文件</p>
          </Upload.Dragger>
        )}
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        {problems && problems.length > 0 && (
          <Table<ImportRowProblem>
            size="small"
            rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
            dataSource={problems}
            pagination={problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70, render: (row: number) => `第 ${row} 行` },
              { title: '列', dataIndex: 'field', width: 140, render: (field: string) => field || '—' },
              { title: '错误原因', dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
