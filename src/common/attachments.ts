/**
 * Evidence attachments as the server takes them (server/lib/uploads.ts checks the bytes): PDF,
 * JPEG or PNG, at most 10 MiB each. Shared so the web refuses what the server would before sending it.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** File-name extensions of the accepted types (lower case). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'] as const;

/** Bytes as 12.3 KB / 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a picked file would be refused (Chinese), or null: too large, or not named .pdf/.jpg/.png. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > ATTACHMENT_MAX_BYTES) return `「${file.name}」超过 10 MB，请压缩或拆分后上传`;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (!extension || !(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return `「${file.name}」不是 PDF、JPG 或 PNG 文件`;
  }
  return null;
}
