import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentProblem, formatBytes } from './attachments.ts';

describe('attachmentProblem (what the web refuses before sending)', () => {
  it.each([
    ['决定书.pdf', 1_000, null],
    ['照片.JPG', 1_000, null],
    ['扫描.jpeg', ATTACHMENT_MAX_BYTES, null],
    ['截图.png', ATTACHMENT_MAX_BYTES + 1, '「截图.png」超过 10 MB，请压缩或拆分后上传'],
    ['说明.docx', 1_000, '「说明.docx」不是 PDF、JPG 或 PNG 文件'],
    ['无扩展名', 1_000, '「无扩展名」不是 PDF、JPG 或 PNG 文件'],
    ['空.pdf', 0, '「空.pdf」是空文件'],
  ])('%s (%i bytes) → %s', (name, size, expected) => {
    expect(attachmentProblem({ name, size })).toBe(expected);
  });

  it.each([
    [512, '512 B'],
    [2_048, '2.0 KB'],
    [ATTACHMENT_MAX_BYTES, '10.0 MB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
