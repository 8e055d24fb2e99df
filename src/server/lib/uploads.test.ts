import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import {
  ATTACHMENT_MAX_BYTES,
  assertClaimMatches,
  detectAttachmentType,
  inspectAttachment,
} from './uploads.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

function problemOf(run: () => void) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).details?.fields?.[0];
  }
  throw new Error('expected a refusal');
}

describe('uploads', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['an executable', Buffer.from('MZ\x90\x00'), null],
    ['PNG without its last signature byte', PNG.subarray(0, 7), null],
    ['empty', Buffer.alloc(0), null],
  ])('detects %s by its first bytes', (_name, bytes, expected) => {
    expect(detectAttachmentType(bytes)).toBe(expected);
  });

  it('keeps the SHA-256 and size of an accepted file', () => {
    expect(inspectAttachment(PDF)).toEqual({
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      // sha256sum of the same bytes
      sha256: '14bcd090baf31edba64e9cbd8cdfc15f943344aa72cb3675ad8e91bfcbce03ad',
    });
  });

  it.each([
    ['empty', Buffer.alloc(0), '请上传文件'],
    [
      'one byte over 10 MiB',
      Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - PDF.length)]),
      '证据材料不能超过 10 MB',
    ],
    ['not PDF/JPEG/PNG', Buffer.from('PK\x03\x04 docx'), '证据材料须为 PDF、JPEG 或 PNG 文件'],
  ])('refuses %s on the named field', (_name, bytes, message) => {
    expect(problemOf(() => inspectAttachment(bytes, 'file', '证据材料'))).toEqual({ field: 'file', message });
  });

  it('accepts exactly 10 MiB', () => {
    const bytes = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES - PDF.length)]);
    expect(inspectAttachment(bytes).sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
  });

  it.each([
    ['扫描件.png', null],
    ['照片.PNG', 'image/png'],
    ['无扩展名', 'application/octet-stream'],
    ['notes.txt', null],
  ])('lets a PNG named %s (declared %s) through', (fileName, declaredType) => {
    expect(() => assertClaimMatches('image/png', { fileName, declaredType })).not.toThrow();
  });

  it('refuses a 「.pdf」 whose bytes are a PNG, naming the field and both types', () => {
    const problem = problemOf(() =>
      assertClaimMatches('image/png', { fileName: '处罚决定书.pdf', declaredType: null }, 'file', '证据材料'),
    );
    expect(problem?.field).toBe('file');
    expect(problem?.message).toBe(
      '证据材料「处罚决定书.pdf」的扩展名是 .pdf，内容却是PNG 图片，请上传真实的文件',
    );
  });

  it('refuses a PNG sent as application/pdf', () => {
    const problem = problemOf(() =>
      assertClaimMatches('image/png', { fileName: '附件', declaredType: 'application/pdf' }),
    );
    expect(problem?.message).toContain('声明为PDF 文件，内容却是PNG 图片');
  });
});
