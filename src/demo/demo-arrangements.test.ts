import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../platform/files/documents.js';
import { createTestApp } from '../testing/app.js';
import { createPartnership } from '../testing/fixtures.js';
import { loadDemoArrangements, nextAnniversary } from './demo-arrangements.js';
import { demoPdf } from './demo-pdf.js';

describe('demo PDF', () => {
  const pdf = demoPdf('Arrangements (demo)', ['Line with (brackets) and a \\ backslash', '']);
  const text = pdf.toString('latin1');

  it('is a PDF the document check accepts', async () => {
    const checked = await checkDocument({
      fileName: 'demo.pdf',
      contentType: 'application/pdf',
      content: pdf,
      truncated: false,
    });
    expect(checked.ok).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
  });

  it('has a cross-reference table whose offsets point at each object', () => {
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
      Number(match[1]),
    );
    expect(offsets).toHaveLength(7);
    offsets.forEach((offset, index) =>
      expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true),
    );
  });

  it('gives its stream the exact length and escapes string delimiters', () => {
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text)!;
    expect(Buffer.byteLength(match[2]!, 'latin1')).toBe(Number(match[1]));
    expect(match[2]).toContain('(Line with \\(brackets\\) and a \\\\ backslash) Tj');
  });
});

describe('demo review date', () => {
  it('is the next anniversary of the latest version, from today', () => {
    expect(nextAnniversary('2021-07-12', '2026-03-01')).toBe('2026-07-12');
    expect(nextAnniversary('2021-07-12', '2026-07-12')).toBe('2026-07-12');
    expect(nextAnniversary('2021-07-12', '2026-07-13')).toBe('2027-07-12');
    expect(nextAnniversary('2020-02-29', '2026-03-01')).toBe('2027-02-28');
  });
});

/** Each page's text as pdf.js reads it, as a reader opening the file would. */
async function pagesOf(content: Buffer) {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const { items } = await (await pdf.getPage(number)).getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str : '')).join('\n'));
    }
    return { pages, title: ((await pdf.getMetadata()).info as { Title?: string }).Title };
  } finally {
    await task.destroy();
  }
}

describe('demo arrangements', async () => {
  const { services, database } = await createTestApp();
  const partnership = await createPartnership(services);
  const context = { partnershipId: partnership.id, userId: null };
  await loadDemoArrangements(database.app.db, services, context);

  it('records the four versions with files and an upcoming review date, once', async () => {
    await loadDemoArrangements(database.app.db, services, context);

    const { versions, review } = await services.arrangements.overview(context);
    expect(versions.map((row) => [row.version.versionNumber, row.version.issuedOn])).toEqual([
      ['V1.3', '2019-01-07'],
      ['V1.4', '2019-01-17'],
      ['V1.5', '2019-02-26'],
      ['V2', '2021-07-12'],
    ]);
    expect(versions.every((row) => row.fileName?.endsWith('.pdf'))).toBe(true);
    const file = await services.arrangements.versionFile(context, versions[3]!.version.id);
    expect(file?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(review?.nextReviewDueOn.slice(5)).toBe('07-12');
    expect(review?.overdue).toBe(false);
    expect(review!.nextReviewDueOn >= services.governance.today()).toBe(true);
    const files = await database.owner.db.execute<{ count: string }>(
      sql`select count(*) from stored_file where partnership_id = ${partnership.id}`,
    );
    expect(Number(files.rows[0]!.count)).toBe(4);
  });

  it('gives each version a document of several pages that opens, with its title, version and contents', async () => {
    const { versions } = await services.arrangements.overview(context);
    expect(versions).toHaveLength(4);
    for (const row of versions) {
      const number = row.version.versionNumber;
      const file = await services.arrangements.versionFile(context, row.version.id);
      const { pages, title } = await pagesOf(file!.content);
      expect(pages.length, number).toBeGreaterThanOrEqual(2);
      expect(title).toBe(
        'Northshire Safeguarding Children Partnership: multi-agency safeguarding arrangements',
      );
      expect(pages[0]!.replace(/\s+/g, ' ')).toContain(title);
      expect(pages[0]).toContain(`Version ${number}, issued`);
      expect(pages[0]).toContain('Contents');
      expect(pages.join('\n')).toContain('7. Quoracy');
      expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
      expect(file!.content.length, number).toBeGreaterThan(4_000);
    }
  });
});
