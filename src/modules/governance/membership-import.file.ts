import type { Upload } from '../../platform/http/uploads.js';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Formats people send by mistake, known by their first bytes, to say what the file is. */
const NOT_TEXT = [
  { name: 'a PDF', magic: Buffer.from('%PDF-') },
  {
    name: 'an Excel workbook or other zipped document',
    magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  },
  { name: 'an old-style Excel or Word file', magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
];

/** Types browsers give a .csv file (Windows with Excel says vnd.ms-excel); others are refused. */
const CSV_CONTENT_TYPES = new Set([
  '',
  'text/csv',
  'text/plain',
  'text/comma-separated-values',
  'text/x-csv',
  'application/csv',
  'application/x-csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

const NOT_CSV = 'The selected file must be a CSV file (.csv)';

export type FileCheck = { ok: true; text: string } | { ok: false; message: string };

/** The upload's text when it is a CSV file of a size we take, or what is wrong with it. */
export function readCsvUpload(upload: Upload | null): FileCheck {
  if (!upload) return { ok: false, message: 'Select a CSV file to import' };
  if (upload.truncated || upload.content.length > MAX_IMPORT_BYTES)
    return { ok: false, message: 'The selected file must be 2 MB or smaller' };
  if (!upload.fileName.toLowerCase().endsWith('.csv')) return { ok: false, message: NOT_CSV };
  if (upload.content.length === 0) return { ok: false, message: 'The selected file is empty' };
  const known = NOT_TEXT.find(({ magic }) =>
    upload.content.subarray(0, magic.length).equals(magic),
  );
  if (known) return { ok: false, message: `${NOT_CSV}: this one is ${known.name}, renamed .csv` };
  const contentType = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!CSV_CONTENT_TYPES.has(contentType) || upload.content.includes(0))
    return { ok: false, message: `${NOT_CSV}: this one is not text` };
  return decodeUtf8(upload.content);
}

/** UTF-8 text without its byte order mark; other encodings get a hint on how to save. */
function decodeUtf8(content: Buffer): FileCheck {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    return {
      ok: false,
      message:
        'The selected file must be saved as UTF-8 text: in Excel choose “Save as”, then “CSV UTF-8 (Comma delimited)”',
    };
  }
}
