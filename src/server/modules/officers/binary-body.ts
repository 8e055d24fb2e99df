import type { FastifyInstance } from 'fastify';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Uploads (photos, XLSX imports) arrive as the raw file body; the service checks what it really is. */
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;

/** Lets the routes of one plugin take a file as the raw request body (a Buffer). */
export function acceptBinaryBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'application/octet-stream', XLSX_CONTENT_TYPE],
    { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}
