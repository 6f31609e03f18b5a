/**
 * A PDF of plain text lines, for demo documents: small, valid (a cross-reference table with
 * exact byte offsets), in a font every reader has, and generated here so no real document is
 * shipped. Lines flow onto as many A4 pages as they need; a line starting "## " is a heading.
 * Text is reduced to ASCII, which the standard font encodes.
 */
export function demoPdf(title: string, lines: string[]): Buffer {
  const pages = paginate(title, lines);
  // Objects: catalog, page tree, two fonts, then a page and its contents per page, then info.
  const firstPage = 5;
  const pageIds = pages.map((_, index) => firstPage + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((page, index) => {
    const content = pageContent(index === 0 ? title : null, page, index + 1, pages.length);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  });
  objects.push(`<< /Title (${pdfText(title)}) /Producer (MASA demo data) >>`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  body += `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const LINE_WIDTH = 90;
const LEFT = 72;
const TOP = 770;
const BOTTOM = 72;
const LINE_GAP = 15;
const HEADING_GAP = 24;
/** The title, in larger type, takes the first page's top lines: as many as it wraps onto. */
const TITLE_WIDTH = 55;
const TITLE_LINE_GAP = 20;
const TITLE_GAP = 28;
const titleHeight = (title: string) =>
  (wrap(title, TITLE_WIDTH).length - 1) * TITLE_LINE_GAP + TITLE_GAP;

interface Line {
  text: string;
  heading: boolean;
}

const stepOf = (line: Line) => (line.heading ? HEADING_GAP : LINE_GAP);

/** Wrapped lines onto pages; a heading never ends a page with nothing under it. */
function paginate(title: string, lines: string[]): Line[][] {
  const wrapped: Line[] = lines.flatMap((line) => {
    const heading = line.startsWith('## ');
    const text = heading ? line.slice(3) : line;
    return (text === '' ? [''] : wrap(text, LINE_WIDTH)).map((part) => ({ text: part, heading }));
  });
  const pages: Line[][] = [[]];
  let y = TOP - titleHeight(title) + LINE_GAP;
  for (const line of wrapped) {
    const room = stepOf(line) + (line.heading ? LINE_GAP : 0);
    if (y - room < BOTTOM && pages.at(-1)!.length > 0) {
      pages.push([]);
      y = TOP + LINE_GAP;
    }
    pages.at(-1)!.push(line);
    y -= stepOf(line);
  }
  return pages;
}

/** The title in bold on the first page, then each line at its place, and the page number. */
function pageContent(title: string | null, lines: Line[], number: number, count: number) {
  const shown: string[] = [];
  let y = TOP + LINE_GAP;
  if (title !== null) {
    wrap(title, TITLE_WIDTH).forEach((part, index) =>
      shown.push(
        `BT /F2 16 Tf ${LEFT} ${TOP - index * TITLE_LINE_GAP} Td (${pdfText(part)}) Tj ET`,
      ),
    );
    y = TOP - titleHeight(title) + LINE_GAP;
  }
  for (const line of lines) {
    y -= stepOf(line);
    const font = line.heading ? '/F2 13 Tf' : '/F1 11 Tf';
    shown.push(`BT ${font} ${LEFT} ${y} Td (${pdfText(line.text)}) Tj ET`);
  }
  if (count > 1) shown.push(`BT /F1 9 Tf ${LEFT} 40 Td (Page ${number} of ${count}) Tj ET`);
  return shown.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...lines, current] : lines;
}

/** ASCII, with the characters that delimit PDF strings escaped. */
function pdfText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (character) => `\\${character}`);
}
