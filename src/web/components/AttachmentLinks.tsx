import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tooltip, Typography } from 'antd';
import { formatBytes } from '../../common/attachments.ts';
import { errorMessage } from '../app/api-client.ts';
import { downloadFile } from './file-transfer.ts';

/** A stored evidence file as the server lists it (type from its bytes, SHA-256 in hex). */
export interface StoredFile {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Files as download links (fetched, so a refusal shows the server's Chinese message), each with its
 * size and SHA-256 on hover; only the name, with `lockedHint`, when the reader may not download yet.
 */
export function AttachmentLinks({
  files,
  pathOf,
  lockedHint,
  onRemove,
}: {
  files: readonly StoredFile[];
  /** API path of a file's download, without /api */
  pathOf(file: StoredFile): string;
  lockedHint?: string | null | undefined;
  /** shown as a delete button per file when given */
  onRemove?: ((file: StoredFile) => Promise<void>) | undefined;
}) {
  const { message } = App.useApp();
  if (files.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 12, lineHeight: 1.7 }} aria-label="附件">
      {files.map((file) => (
        <li key={file.id} style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          <PaperClipOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          <Tooltip
            title={lockedHint ?? `${formatBytes(file.sizeBytes)} · SHA-256 ${file.sha256.slice(0, 16)}…`}
          >
            {lockedHint ? (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {file.fileName}
              </Typography.Text>
            ) : (
              <Typography.Link
                ellipsis
                style={{ fontSize: 12 }}
                onClick={(event) => {
                  // a click on a file must not also open the row (or phone card) the list sits in
                  event.stopPropagation();
                  downloadFile(pathOf(file), file.fileName).catch((error) =>
                    message.error(errorMessage(error)),
                  );
                }}
              >
                {file.fileName}
              </Typography.Link>
            )}
          </Tooltip>
          {onRemove && (
            <Popconfirm
              title={`删除「${file.fileName}」？删除留痕，可再上传替换。`}
              onConfirm={(event) => {
                event?.stopPropagation();
                return onRemove(file).then(
                  () => message.success('已删除'),
                  (error) => message.error(errorMessage(error)),
                );
              }}
              onCancel={(event) => event?.stopPropagation()}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={(event) => event.stopPropagation()}
                aria-label={`删除 ${file.fileName}`}
              />
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );
}
