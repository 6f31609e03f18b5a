import { createHash } from 'node:crypto';
import type { Upload } from '../http/uploads.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The document formats partnerships publish and edit, recognised by their first bytes. */
const FORMATS = [
  {
    name: 'PDF',
    extensions: ['.pdf'],
    contentType: 'application/pdf',
    magic: Buffer.from('%PDF-'),
  },
  {
    name: 'Word',
    extensions: ['.docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  },
  {
    name: 'OpenDocument text',
    extensions: ['.odt'],
    contentType: 'application/vnd.oasis.opendocument.text',
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  },
] as const;

export const DOCUMENT_HINT = 'A PDF, Word (.docx) or OpenDocument (.odt) file, 10 MB or smaller';

export type DocumentCheck =
  | {
      ok: true;
      document: {
        fileName: string;
        contentType: string;
        content: Buffer;
        byteSize: number;
        sha256: string;
      };
    }
  | { ok: false; message: string };

/** Accepts a document only if its name and its contents agree on a format we take. */
export function checkDocument(upload: Upload | null, label = 'the file'): DocumentCheck {
  if (!upload) return { ok: false, message: `Select ${label}` };
  if (upload.truncated || upload.content.length > MAX_DOCUMENT_BYTES)
    return { ok: false, message: `The selected file must be smaller than 10 MB` };
  if (upload.content.length === 0) return { ok: false, message: 'The selected file is empty' };
  const lowerName = upload.fileName.toLowerCase();
  const format = FORMATS.find(
    (candidate) =>
      candidate.extensions.some((extension) => lowerName.endsWith(extension)) &&
      upload.content.subarray(0, candidate.magic.length).equals(candidate.magic),
  );
  if (!format)
    return {
      ok: false,
      message: 'The selected file must be a PDF, Word (.docx) or OpenDocument (.odt) file',
    };
  return {
    ok: true,
    document: {
      fileName: safeFileName(upload.fileName),
      contentType: format.contentType,
      content: upload.content,
      byteSize: upload.content.length,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
    },
  };
}

/** The last path segment, without control characters, for Content-Disposition and display. */
export function safeFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? 'document';
  const cleaned = [...base]
    .filter(
      (character) => character.charCodeAt(0) >= 0x20 && character !== '\u007f' && character !== '"',
    )
    .join('')
    .trim();
  return cleaned.slice(-200) || 'document';
}
