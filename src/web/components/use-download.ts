import { App } from 'antd';
import { errorMessage } from '../app/api-client.ts';
import { downloadFile } from './file-transfer.ts';

/** A download that shows the server's refusal as a message instead of failing silently. */
export function useDownload() {
  const { message } = App.useApp();
  return (path: string, name: string) =>
    downloadFile(path, name).catch((error) => message.error(errorMessage(error)));
}
