import { z } from 'zod';
import { zIdParam, zText } from '../../../../common/validation-zod.ts';

const id = zIdParam('编号无效');

export const AttachmentParams = z.object({ id, attachmentId: id });
export const RecordAttachmentParams = z.object({ id, recordId: id });
export const AppealAttachmentParams = z.object({ id, appealId: id });

/** One stored file: its type as its bytes say, size in bytes and SHA-256 (hex). */
export const AttachmentView = z.object({
  id: z.number(),
  fileName: zText(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number(),
  sha256: zText(),
  createdAt: zText(),
});

/** What an upload route documents: the file is the raw body, its name in x-file-name. */
export const UPLOAD_CONSUMES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'];
