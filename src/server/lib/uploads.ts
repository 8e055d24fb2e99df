/**
 * Uploaded files (case-file evidence, assessment evidence and appeal proof, officer photos): what a
 * file really is from its first bytes (never from what the client says), its SHA-256, and the
 * raw-body plumbing of upload routes (the file is the request body, its name in `x-file-name`).
 */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '../../common/attachments.ts';
import { invalid } from './errors.ts';
import { handleError } from './http.ts';

/** Largest evidence attachment: 10 MiB (shared with the web). */
export { ATTACHMENT_MAX_BYTES };
/** Longest file name kept; longer names are cut. */
export const FILE_NAME_MAX_LENGTH = 200;

export type AttachmentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';
export const ATTACHMENT_CONTENT_TYPES: readonly AttachmentContentType[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
];
const CONTENT_TYPE_LABELS: Record<AttachmentContentType, string> = {
  'application/pdf': 'PDF 文件',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
};
/** The type a file name's extension claims. */
const TYPE_BY_EXTENSION: Record<string, AttachmentContentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, index) => bytes[index] === byte);

/** 'image/jpeg' or 'image/png' from the file's first bytes, whatever it claims to be; else null. */
export function detectImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  return null;
}

/** 'application/pdf', 'image/jpeg' or 'image/png' from the first bytes, whatever the upload claims; else null. */
export function detectAttachmentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'application/pdf';
  return detectImageType(bytes);
}

/** Lower-case hex SHA-256 of the bytes (kept with every attachment so a copy can be verified). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface InspectedAttachment {
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
}

/**
 * Checks an evidence upload: not empty, at most 10 MiB, PDF/JPEG/PNG by its first bytes; 400 on
 * `field` otherwise, the message naming the file as `noun` (附件, 证据材料 …).
 */
export function inspectAttachment(bytes: Uint8Array, field = 'file', noun = '附件'): InspectedAttachment {
  if (bytes.length === 0) throw invalid([{ field, message: '请上传文件' }]);
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw invalid([{ field, message: `${noun}不能超过 10 MB` }]);
  const contentType = detectAttachmentType(bytes);
  if (!contentType) throw invalid([{ field, message: `${noun}须为 PDF、JPEG 或 PNG 文件` }]);
  return { contentType, sizeBytes: bytes.length, sha256: sha256Hex(bytes) };
}

/**
 * Refuses a file whose name's extension (.pdf, .jpg, .png) or specific content-type header claims
 * another type than its bytes: a 「x.pdf」 that is a PNG would be stored and served under a false name.
 * Names without such an extension, and `application/octet-stream`, claim nothing.
 */
export function assertClaimMatches(
  detected: AttachmentContentType,
  claim: { fileName: string; declaredType: string | null },
  field = 'file',
  noun = '附件',
): void {
  const extension = /\.([a-z0-9]+)$/i.exec(claim.fileName)?.[1]?.toLowerCase();
  const byName = extension ? TYPE_BY_EXTENSION[extension] : undefined;
  if (byName && byName !== detected) {
    throw invalid([
      {
        field,
        message: `${noun}「${claim.fileName}」的扩展名是 .${extension}，内容却是${CONTENT_TYPE_LABELS[detected]}，请上传真实的文件`,
      },
    ]);
  }
  const byHeader = ATTACHMENT_CONTENT_TYPES.find((type) => type === claim.declaredType);
  if (byHeader && byHeader !== detected) {
    throw invalid([
      {
        field,
        message: `${noun}「${claim.fileName}」声明为${CONTENT_TYPE_LABELS[byHeader]}，内容却是${CONTENT_TYPE_LABELS[detected]}`,
      },
    ]);
  }
}

/**
 * The one check of every upload route (issue 11 item 10): not empty, at most 10 MiB, PDF/JPEG/PNG by
 * its first bytes, and a name or content type that does not claim another type than the bytes.
 */
export function inspectUpload(file: UploadedFile, field = 'file', noun = '附件'): InspectedAttachment {
  const inspected = inspectAttachment(file.bytes, field, noun);
  assertClaimMatches(inspected.contentType, file, field, noun);
  return inspected;
}

export interface UploadedFile {
  /** from the URL-encoded `x-file-name` header, cut to 200 characters; `fallbackName` when absent */
  fileName: string;
  bytes: Buffer;
  /** the request's content type without parameters (a claim, never trusted as the file's type) */
  declaredType: string | null;
}

/** The file of a raw-body upload: bytes, its name (x-file-name, URL-encoded) and the claimed type. */
export function readUploadedFile(request: FastifyRequest, fallbackName = '附件'): UploadedFile {
  const header = request.headers['x-file-name'];
  let fileName = typeof header === 'string' ? header : '';
  try {
    fileName = decodeURIComponent(fileName);
  } catch {
    // a malformed %-sequence: keep the header as sent
  }
  const declared = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  return {
    fileName: fileName.trim().slice(0, FILE_NAME_MAX_LENGTH) || fallbackName,
    bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    declaredType: declared || null,
  };
}

/**
 * Lets one plugin's routes take a PDF, JPEG or PNG (or octet-stream) file as the raw request body;
 * a body over 10 MiB is a 400 on `field` (as an oversize file the service sees) instead of a bare 413.
 */
export function acceptAttachmentBodies(app: FastifyInstance, field = 'file', noun = '附件'): void {
  app.addContentTypeParser(
    [...ATTACHMENT_CONTENT_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) =>
    handleError(
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? invalid([{ field, message: `${noun}不能超过 10 MB` }])
        : error,
      request,
      reply,
    ),
  );
}
