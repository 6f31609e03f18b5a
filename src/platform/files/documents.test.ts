import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../../demo/demo-pdf.js';
import { minimalDocx, minimalOdt, storedZip } from '../../testing/zip.js';
import { checkDocument } from './documents.js';

const upload = (fileName: string, content: Buffer) => ({
  fileName,
  contentType: 'application/octet-stream',
  content,
  truncated: false,
});

const check = (fileName: string, content: Buffer) => checkDocument(upload(fileName, content));

const refusal = async (fileName: string, content: Buffer) => {
  const checked = await check(fileName, content);
  return checked.ok ? 'accepted' : checked.message;
};

const NOT_WORD = 'The selected file is not a Word document that can be opened';
const NOT_ODT = 'The selected file is not an OpenDocument text file that can be opened';
const NOT_PDF = 'The selected file is not a PDF that can be opened';
const WRONG_TYPE = 'The selected file must be a PDF, Word (.docx) or OpenDocument (.odt) file';

const wordParts = (document: string | Buffer) => [
  { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
  { name: 'word/document.xml', content: document },
];

describe('checking an uploaded document by what it is', () => {
  it('accepts a Word document made by a word processor library, typed by us', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Terms of reference')] }] }),
    );
    const checked = await check('Terms.DOCX', docx);
    expect(checked).toMatchObject({
      ok: true,
      document: {
        fileName: 'Terms.DOCX',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        byteSize: docx.length,
        sha256: createHash('sha256').update(docx).digest('hex'),
      },
    });
  });

  it('accepts a small Word package, an OpenDocument text file and a one-page PDF', async () => {
    expect(await refusal('terms.docx', minimalDocx())).toBe('accepted');
    const odt = await check('terms.odt', minimalOdt());
    expect(odt.ok && odt.document.contentType).toBe('application/vnd.oasis.opendocument.text');
    const pdf = demoPdf('Terms of reference', ['One page.']);
    const checked = await check('terms.pdf', pdf);
    expect(checked.ok && checked.document.contentType).toBe('application/pdf');
    // pdf.js is given a copy: the upload's own bytes are still there to store.
    expect(
      checked.ok && checked.document.content.equals(demoPdf('Terms of reference', ['One page.'])),
    ).toBe(true);
  });

  it('refuses a zip signature followed by zeros, as Word and as OpenDocument', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2048)]);
    expect(await refusal('terms.docx', fake)).toBe(NOT_WORD);
    expect(await refusal('terms.odt', fake)).toBe(NOT_ODT);
  });

  it('refuses a PDF’s first line followed by a web page, and PDFs that do not open', async () => {
    const html = Buffer.from('%PDF-1.4\n<html><body><p>Not a PDF</p></body></html>\n');
    expect(await refusal('terms.pdf', html)).toBe(NOT_PDF);
    expect(await refusal('terms.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'))).toBe(NOT_PDF);
    const noPages =
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
      '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';
    expect(await refusal('terms.pdf', Buffer.from(noPages))).toBe(NOT_PDF);
    const pdf = demoPdf('Terms of reference', ['One page.']);
    expect(await refusal('terms.pdf', pdf.subarray(0, pdf.length - 250))).toBe(NOT_PDF);
  });

  it('refuses a zip that lacks a Word document’s parts, or whose body is not XML', async () => {
    expect(await refusal('terms.docx', minimalOdt())).toBe(NOT_WORD);
    expect(
      await refusal(
        'terms.docx',
        storedZip([{ name: 'word/document.xml', content: '<w:document/>' }]),
      ),
    ).toBe(NOT_WORD);
    expect(
      await refusal(
        'terms.docx',
        storedZip([{ name: '[Content_Types].xml', content: '<Types/>' }]),
      ),
    ).toBe(NOT_WORD);
    expect(await refusal('terms.docx', storedZip(wordParts(Buffer.alloc(300, 0x01))))).toBe(
      NOT_WORD,
    );
    expect(await refusal('terms.docx', storedZip(wordParts('\uFEFF <w:document/>')))).toBe(
      'accepted',
    );
    const docx = minimalDocx();
    expect(await refusal('terms.docx', docx.subarray(0, docx.length - 30))).toBe(NOT_WORD);
  });

  it('refuses an OpenDocument file without the text mimetype', async () => {
    expect(await refusal('terms.odt', minimalDocx())).toBe(NOT_ODT);
    expect(
      await refusal('terms.odt', minimalOdt('application/vnd.oasis.opendocument.spreadsheet')),
    ).toBe(NOT_ODT);
    expect(await refusal('terms.odt', minimalOdt('application/vnd.oasis.opendocument.textx'))).toBe(
      NOT_ODT,
    );
  });

  it('still judges the name and the first bytes first, and the size and emptiness before that', async () => {
    expect(await refusal('terms.pdf', minimalDocx())).toBe(WRONG_TYPE);
    expect(await refusal('terms.docx', demoPdf('Terms', []))).toBe(WRONG_TYPE);
    expect(await refusal('terms.txt', demoPdf('Terms', []))).toBe(WRONG_TYPE);
    expect(await refusal('terms.pdf', Buffer.alloc(0))).toBe('The selected file is empty');
    expect(await checkDocument(null, 'the paper')).toEqual({
      ok: false,
      message: 'Select the paper',
    });
    const cut = await checkDocument({ ...upload('terms.pdf', demoPdf('T', [])), truncated: true });
    expect(cut).toEqual({ ok: false, message: 'The selected file must be smaller than 10 MB' });
  });
});
