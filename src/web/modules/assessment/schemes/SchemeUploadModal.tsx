import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, type ApiFieldError, errorMessage } from '../../../app/api-client.ts';
import { ASSESSMENT_KEY } from '../assessment.api.ts';
import { problemLineFinder } from './problem-lines.ts';
import { uploadSchemeVersion } from './schemes.api.ts';

/** The largest scheme file read in the browser (the presets are under 40 KB). */
const SCHEME_MAX_BYTES = 1024 * 1024;

interface PickedFile {
  name: string;
  text: string;
}

interface ProblemRow extends ApiFieldError {
  line: number | null;
}

/** The file's lines with a problem, each with its neighbours, so the admin sees what to fix. */
function ProblemLines({ text, problems }: { text: string; problems: readonly ProblemRow[] }) {
  const lines = text.split('\n');
  const marked = new Set(problems.flatMap((problem) => (problem.line ? [problem.line] : [])));
  const shown = [...marked]
    .flatMap((line) => [line - 1, line, line + 1])
    .filter((n) => n >= 1 && n <= lines.length);
  const numbers = [...new Set(shown)].sort((a, b) => a - b);
  if (numbers.length === 0) return null;
  return (
    <pre
      title="方案文件中出错的行"
      style={{ background: '#fafafa', padding: 8, fontSize: 12, maxHeight: 240, overflow: 'auto', margin: 0 }}
    >
      {numbers.map((n, index) => (
        <div key={n} style={{ background: marked.has(n) ? '#fff1f0' : undefined }}>
          {index > 0 && numbers[index - 1] !== n - 1 && <div style={{ color: '#999' }}>…</div>}
          <span style={{ color: '#999', display: 'inline-block', width: 44 }}>{n}</span>
          {lines[n - 1]}
        </div>
      ))}
    </pre>
  );
}

/** 上传新版本: a YAML or JSON scheme file, validated by the server; every problem at its line. */
export function SchemeUploadModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problems, setProblems] = useState<ApiFieldError[] | null>(null);
  const upload = useMutation({
    mutationFn: (picked: PickedFile) => uploadSchemeVersion(picked.text),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: [ASSESSMENT_KEY, 'schemes'] });
      message.success(
        version.isNew
          ? `已存为「${version.name}」第 ${version.versionNo} 版`
          : `内容与已有的第 ${version.versionNo} 版相同，未新增版本`,
      );
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length > 0) setProblems(error.fields);
    },
  });
  const rows = useMemo<ProblemRow[]>(() => {
    if (!problems || !file) return [];
    const lineOf = problemLineFinder(file.text);
    return problems.map((problem) => ({
      ...problem,
      line: lineOf(problem.field === '(root)' ? '' : problem.field),
    }));
  }, [problems, file]);
  const failure = upload.isError && !(upload.error instanceof ApiError && upload.error.fields.length > 0);

  return (
    <Modal
      open
      title="上传考核方案新版本"
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            校验并上传
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          方案文件按《考核方案语言》编写（YAML 或 JSON）。上传时整份校验，
          <Typography.Text strong>全部无误才存为新版本</Typography.Text>
          ；方案编号相同的文件存为该方案的下一版，已开启的考核周期仍按原版本计分。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".yaml,.yml,.json"
          maxCount={1}
          fileList={file ? [{ uid: 'scheme', name: file.name, status: 'done' }] : []}
          beforeUpload={(picked) => {
            if (picked.size > SCHEME_MAX_BYTES) {
              message.error('方案文件不能超过 1 MB');
              return Upload.LIST_IGNORE;
            }
            void picked.text().then((text) => {
              setFile({ name: picked.name, text });
              setProblems(null);
              upload.reset();
            });
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setProblems(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽方案文件到此处</p>
          <p className="ant-upload-hint">支持 .yaml、.yml、.json</p>
        </Upload.Dragger>
        {failure && <Alert type="error" showIcon title={errorMessage(upload.error)} role="alert" />}
        {rows.length > 0 && file && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`方案文件有 ${rows.length} 处问题，未保存，请修改后重新上传`}
            />
            <Table<ProblemRow>
              size="small"
              rowKey={(row) => `${row.field}-${row.message}`}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                {
                  title: '行号',
                  dataIndex: 'line',
                  width: 80,
                  render: (line: number | null) => (line ? `第 ${line} 行` : '—'),
                },
                {
                  title: '位置',
                  dataIndex: 'field',
                  width: 220,
                  render: (field: string) => (
                    <Typography.Text code>{field === '(root)' ? '整个文件' : field}</Typography.Text>
                  ),
                },
                {
                  title: '问题',
                  key: 'message',
                  // the server's message repeats the path before '：'; the column shows it already
                  render: (_value, row) => row.message.replace(`${row.field}：`, ''),
                },
              ]}
            />
            <ProblemLines text={file.text} problems={rows} />
          </>
        )}
      </Space>
    </Modal>
  );
}
