import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { attachmentProblem } from '../../common/attachments.ts';
import { errorMessage } from '../app/api-client.ts';

/** What the file dialog offers: the types the server accepts (it checks the bytes again). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const ATTACHMENT_HINT = '支持 PDF、JPG、PNG 文件，单个不超过 10 MB';

/**
 * 选择文件 inside a form: the files stay in the browser until the form is saved, then the caller
 * uploads them one by one (`uploadEach`). Files the server would refuse (size, type) are refused here.
 */
export function AttachmentPicker({
  value = [],
  onChange,
  maxCount = 20,
  buttonText = '选择文件',
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  maxCount?: number;
  buttonText?: string;
}) {
  const { message } = App.useApp();
  return (
    <>
      <Upload
        accept={ATTACHMENT_ACCEPT}
        multiple
        maxCount={maxCount}
        fileList={value}
        beforeUpload={(file) => {
          const problem = attachmentProblem(file);
          if (problem) {
            message.error(problem);
            return Upload.LIST_IGNORE;
          }
          return false;
        }}
        onChange={({ fileList }) => onChange?.(fileList)}
      >
        <Button icon={<UploadOutlined />}>{buttonText}</Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ATTACHMENT_HINT}，最多 {maxCount} 个
      </Typography.Text>
    </>
  );
}

/**
 * Uploads the picked files one after another; returns the Chinese message of each that failed
 * (the others are stored), so the form can say what is missing.
 */
export async function uploadEach(
  files: readonly UploadFile[],
  upload: (file: File) => Promise<unknown>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const file of files) {
    if (!file.originFileObj) continue;
    try {
      await upload(file.originFileObj);
    } catch (error) {
      failures.push(`「${file.name}」${errorMessage(error)}`);
    }
  }
  return failures;
}

/** A small 上传 button that stores one picked file at once (adding evidence to a saved record or appeal). */
export function AttachmentUploadButton({
  upload,
  onUploaded,
  label = '上传',
}: {
  upload: (file: File) => Promise<unknown>;
  onUploaded: () => Promise<unknown>;
  label?: string;
}) {
  const { message } = App.useApp();
  const [isUploading, setUploading] = useState(false);
  return (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = attachmentProblem(file);
        if (problem) {
          message.error(problem);
          return Upload.LIST_IGNORE;
        }
        setUploading(true);
        upload(file)
          .then(async () => {
            await onUploaded();
            message.success(`已上传「${file.name}」`);
          })
          .catch((error) => message.error(errorMessage(error)))
          .finally(() => setUploading(false));
        return false;
      }}
    >
      <Button
        size="small"
        type="link"
        icon={<UploadOutlined />}
        loading={isUploading}
        title={ATTACHMENT_HINT}
      >
        {label}
      </Button>
    </Upload>
  );
}
