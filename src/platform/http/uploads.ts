import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** A file sent with a form, read into memory (uploads are small documents and CSVs). */
export interface Upload {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** The file was longer than the limit and was cut short: refuse it. */
  truncated: boolean;
}

/**
 * Forms with a file arrive as multipart; their fields land in `request.body` like any form
 * (so the CSRF check reads `_csrf` as usual) and each file as an `Upload`.
 */
export async function registerUploads(app: FastifyInstance, maxFileBytes: number) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxFileBytes, files: 1, fields: 100, fieldSize: 100_000, parts: 101 },
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      const upload: Upload = {
        fileName: part.filename,
        contentType: part.mimetype,
        content,
        truncated: part.file.truncated,
      };
      (part as MultipartFile & { value: Upload }).value = upload;
    },
  });
}

/** The upload in a form field, or null when none was chosen. */
export function uploadIn(body: unknown, field: string): Upload | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!value || typeof value !== 'object' || !('content' in value)) return null;
  const upload = value as Upload;
  return upload.fileName === '' && upload.content.length === 0 ? null : upload;
}
