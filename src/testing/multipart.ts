import { randomBytes } from 'node:crypto';
import { demoPdf } from '../demo/demo-pdf.js';
import type { Agent } from './agent.js';
import { minimalDocx, minimalOdt } from './zip.js';

export interface FileToSend {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * A multipart/form-data body as a browser sends it. With no file, the file part is still
 * sent, empty and nameless, as browsers do when nothing was chosen.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; value: FileToSend | undefined },
) {
  const boundary = `----masa${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  const sent = file.value ?? {
    fileName: '',
    contentType: 'application/octet-stream',
    content: Buffer.alloc(0),
  };
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${sent.fileName}"\r\nContent-Type: ${sent.contentType}\r\n\r\n`,
    ),
    sent.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Submits a form with a file, taking the CSRF token from the page it came from. */
export async function submitWithFile(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file: FileToSend | undefined,
  options: { from?: string; field?: string } = {},
) {
  const token = await agent.csrfTokenFrom(options.from ?? url);
  const body = multipartBody(
    { ...fields, _csrf: token },
    { field: options.field ?? 'file', value: file },
  );
  return agent.request({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

/** Small but real documents that open as what they say they are, and fakes that do not. */
export const sampleFiles = {
  pdf: (fileName = 'terms-of-reference.pdf'): FileToSend => ({
    fileName,
    contentType: 'application/pdf',
    content: demoPdf('Test document', ['A one-page PDF that opens.']),
  }),
  docx: (fileName = 'terms-of-reference.docx'): FileToSend => ({
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: minimalDocx(),
  }),
  odt: (fileName = 'terms-of-reference.odt'): FileToSend => ({
    fileName,
    contentType: 'application/vnd.oasis.opendocument.text',
    content: minimalOdt(),
  }),
  /** Only a Word file's first bytes, then nothing: it does not open. */
  fakeDocx: (fileName = 'terms-of-reference.docx'): FileToSend => ({
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(512)]),
  }),
  /** A PDF's first line, then a web page. */
  fakePdf: (fileName = 'terms-of-reference.pdf'): FileToSend => ({
    fileName,
    contentType: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n'),
  }),
  /** A Windows program renamed to look like a PDF. */
  renamedProgram: (): FileToSend => ({
    fileName: 'minutes.pdf',
    contentType: 'application/pdf',
    content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
  }),
  png: (): FileToSend => ({
    fileName: 'chart.png',
    contentType: 'image/png',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  }),
  oversizedPdf: (): FileToSend => ({
    fileName: 'huge.pdf',
    contentType: 'application/pdf',
    content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]),
  }),
};
