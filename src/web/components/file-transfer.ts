import type { QueryValue } from '../app/api-client.ts';
import { ApiError, toQueryString } from '../app/api-client.ts';

/** One refused row of an XLSX import: row number as Excel shows it, column title, Chinese reason. */
export interface ImportRowProblem {
  row: number;
  field: string;
  message: string;
}

/** An import the server refused as a whole, with its row-by-row report (empty when it sent none). */
export class ImportRejectedError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly rows: ImportRowProblem[],
  ) {
    super(status, code, message);
    this.name = 'ImportRejectedError';
  }
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    fields?: { field: string; message: string }[];
    rows?: ImportRowProblem[];
  };
}

async function readFailure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const error = body?.error;
  if (!error?.code || !error.message)
    return new ApiError(response.status, 'UNKNOWN', `请求失败（${response.status}），请稍后重试`);
  if (error.rows) return new ImportRejectedError(response.status, error.code, error.message, error.rows);
  return new ApiError(response.status, error.code, error.message, error.fields ?? []);
}

/** The file name from `content-disposition` (RFC 5987 `filename*=` first), else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a generated file (XLSX, DOCX) from the API and hands it to the browser as a save.
 * Fetched rather than linked so that a refusal shows the server's Chinese message instead of JSON.
 */
export async function downloadFile(
  path: string,
  fallbackName: string,
  query: Record<string, QueryValue> = {},
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(query)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await readFailure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends a file as the raw request body (imports, photos); JSON answer or 204 back. */
export async function uploadFile<T>(
  path: string,
  file: Blob,
  method: 'POST' | 'PUT' = 'POST',
  /** Extra request headers, e.g. the URL-encoded x-file-name of an evidence attachment. */
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      // The server tells JPEG/PNG/XLSX apart by their first bytes, so the browser's guess is not needed.
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await readFailure(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
