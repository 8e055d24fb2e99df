import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage, type QueryValue } from '../app/api-client.ts';
import { downloadFile } from './file-transfer.ts';

/** 导出: downloads what the page shows (same filter) as the server's XLSX; failures say why. */
export function ExportButton(props: { path: string; fileName: string; query?: Record<string, QueryValue> }) {
  const { message } = App.useApp();
  const [isExporting, setExporting] = useState(false);
  const exportNow = async () => {
    setExporting(true);
    try {
      await downloadFile(props.path, props.fileName, props.query);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={isExporting} onClick={exportNow}>
      导出
    </Button>
  );
}
