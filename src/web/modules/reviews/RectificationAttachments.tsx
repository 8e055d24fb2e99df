import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '../../../common/attachments.ts';
import { errorMessage } from '../../app/api-client.ts';
import { AttachmentLinks } from '../../components/AttachmentLinks.tsx';
import {
  REVIEWS_KEY,
  rectificationAttachmentsPath,
  type UnitRectificationData,
  uploadRectificationAttachment,
} from './reviews.api.ts';

type Report = UnitRectificationData['history'][number];
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** A rectification report's material (第十七条): download links, and an upload while it is pending. */
export function RectificationAttachments({
  campaignId,
  orgId,
  report,
  canAttach,
}: {
  campaignId: number;
  orgId: number;
  report: Report;
  canAttach: boolean;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isUploading, setUploading] = useState(false);
  const base = rectificationAttachmentsPath(campaignId, orgId, report.id);
  return (
    <div style={{ marginTop: 4 }}>
      <AttachmentLinks files={report.attachments} pathOf={(file) => `${base}/${file.id}`} />
      {canAttach && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(picked) => {
            if (picked.size > ATTACHMENT_MAX_BYTES) {
              message.error('整改材料不能超过 10 MB');
              return Upload.LIST_IGNORE;
            }
            setUploading(true);
            uploadRectificationAttachment(campaignId, orgId, report.id, picked)
              .then(async () => {
                message.success(`已上传「${picked.name}」`);
                await queryClient.invalidateQueries({
                  queryKey: [REVIEWS_KEY, 'rectification', campaignId, orgId],
                });
              })
              .catch((error) => message.error(errorMessage(error)))
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={isUploading} style={{ marginTop: 4 }}>
            上传整改材料
          </Button>
        </Upload>
      )}
    </div>
  );
}
