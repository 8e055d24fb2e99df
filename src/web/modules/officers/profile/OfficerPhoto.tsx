import { CameraOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api-client.ts';
import { OFFICERS_KEY, officerPhotoUrl, PHOTO_MAX_BYTES, uploadOfficerPhoto } from '../officers.api.ts';
import type { Officer } from '../officers.types.ts';

const PHOTO_STYLE = { width: 120, height: 160, border: '1px solid #d9d9d9', borderRadius: 4 } as const;

/** 一寸照 as on the 基本信息表, with 上传照片 (JPEG/PNG ≤ 2 MB) for those who may edit the profile. */
export function OfficerPhoto({ officer, canUpload }: { officer: Officer; canUpload: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isUploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    if (!['image/jpeg', 'image/png'].includes(file.type)) {
      message.error('照片须为 JPEG 或 PNG 格式');
      return;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      message.error('照片不能超过 2 MB');
      return;
    }
    setUploading(true);
    try {
      await uploadOfficerPhoto(officer.id, file);
      message.success('照片已更新');
      await queryClient.invalidateQueries({ queryKey: [OFFICERS_KEY] });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
      {officer.hasPhoto ? (
        <img
          src={officerPhotoUrl(officer.id, officer.updatedAt)}
          alt={`${officer.name}的照片`}
          style={{ ...PHOTO_STYLE, objectFit: 'cover' }}
        />
      ) : (
        <div
          style={{
            ...PHOTO_STYLE,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            background: '#fafafa',
            color: 'rgba(0,0,0,0.35)',
          }}
        >
          <UserOutlined style={{ fontSize: 36 }} />
          <span style={{ fontSize: 12, marginTop: 6 }}>暂无照片</span>
        </div>
      )}
      {canUpload && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" icon={<CameraOutlined />} loading={isUploading}>
            {officer.hasPhoto ? '更换照片' : '上传照片'}
          </Button>
        </Upload>
      )}
    </div>
  );
}
