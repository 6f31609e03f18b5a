import { createHash } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Upload } from '../http/uploads.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Whether the contents open as the format: its first bytes alone can be copied onto anything. */
type Opens = (content: Buffer) => Promise<boolean>;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

/** The document formats partnerships publish and edit, recognised by their name and their contents. */
/** `name` completes "The selected file is not … that can be opened". */
const FORMATS: {
  name: string;
  extensions: string[];
  contentType: string;
  magic: Buffer;
  opens: Opens;
}[] = [
  {
    name: 'a PDF',
    extensions: ['.pdf'],
    contentType: 'application/pdf',
    magic: Buffer.from('%PDF-'),
    opens: opensAsPdf,
  },
  {
    name: 'a Word document',
    extensions: ['.docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP_MAGIC,
    opens: (content) =>
      withZip(content, async (zip, entries) => {
        const document = entries.get('word/document.xml');
        return (
          entries.has('[Content_Types].xml') &&
          document !== undefined &&
          startsLikeXml(await readStart(zip, document, 256))
        );
      }),
  },
  {
    name: 'an OpenDocument text file',
    extensions: ['.odt'],
    contentType: ODT_TYPE,
    magic: ZIP_MAGIC,
    opens: (content) =>
      withZip(content, async (zip, entries) => {
        const mimetype = entries.get('mimetype');
        if (!mimetype || mimetype.uncompressedSize !== ODT_TYPE.length) return false;
        return (await readStart(zip, mimetype, ODT_TYPE.length)).toString('latin1') === ODT_TYPE;
      }),
  },
];

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

/**
 * Accepts a document only if its name and its first bytes agree on a format we take, and it
 * then opens as that format: a Word or OpenDocument file as a zip holding that format's parts,
 * a PDF as a document with at least one page.
 */
export async function checkDocument(
  upload: Upload | null,
  label = 'the file',
): Promise<DocumentCheck> {
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
  if (!(await format.opens(upload.content)))
    return {
      ok: false,
      message: `The selected file is not ${format.name} that can be opened`,
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

/** More entries than any real document has: a file with more is not read further. */
const MOST_ZIP_ENTRIES = 5_000;

/**
 * Opens the contents as a zip (yauzl reads the central directory, as an office suite does,
 * and checks each entry's sizes), and hands `check` its entries by name.
 */
async function withZip(
  content: Buffer,
  check: (zip: ZipFile, entries: Map<string, Entry>) => Promise<boolean>,
) {
  let zip: ZipFile | null = null;
  try {
    zip = await yauzl.fromBufferPromise(content, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
    if (zip.entryCount === 0 || zip.entryCount > MOST_ZIP_ENTRIES) return false;
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    return await check(zip, entries);
  } catch {
    return false;
  } finally {
    zip?.close();
  }
}

/** The first bytes of an entry, decompressed: enough to tell what it holds, never a zip bomb's all. */
async function readStart(zip: ZipFile, entry: Entry, bytes: number) {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** An XML part: markup from its first character, after an optional byte-order mark and space. */
const startsLikeXml = (start: Buffer) => /^(\uFEFF)?\s*</.test(start.toString('utf8'));

/**
 * Whether the contents open as a PDF with at least one page, read by Mozilla's pdf.js as a
 * reader would (repairing a damaged cross-reference table), with scripting, fonts and
 * fetching off. It is loaded on first use: most requests never need it.
 */
async function opensAsPdf(content: Buffer) {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // A copy: pdf.js may take over (detach) the memory it is given.
    data: new Uint8Array(content),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages < 1) return false;
    await pdf.getPage(1);
    return true;
  } catch {
    return false;
  } finally {
    await task.destroy().catch(() => undefined);
  }
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
