import type { FastifyReply } from 'fastify';
import { safeFileName } from '../files/documents.js';

/** A stored document as it leaves the service: its name, its checked type and its bytes. */
export interface DownloadableDocument {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Percent-encoding as RFC 5987 wants it: encodeURIComponent leaves ' ( ) * unescaped. */
const rfc5987 = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `attachment` with a plain ASCII name for old clients and the exact name as `filename*`
 * (RFC 6266, RFC 5987), so a name with accents or quotes can neither break the header
 * nor be lost.
 */
export function attachmentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_')
      .trim() || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/**
 * Sends a document to be saved, never shown in the page: the type we recognised when it
 * was uploaded (not the one the uploader's browser claimed), no sniffing, and a sandbox
 * so that, opened in a tab anyway, it can run nothing as this site.
 */
export function sendDocument(reply: FastifyReply, document: DownloadableDocument) {
  return reply
    .header('content-type', document.contentType)
    .header('content-disposition', attachmentDisposition(document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(document.content);
}

/** "240 KB", "1.5 MB": a document's size as people read it beside a download link. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
