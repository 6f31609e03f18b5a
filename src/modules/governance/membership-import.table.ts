import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_COLUMNS, type ImportColumn } from './membership-csv.js';

export const MAX_IMPORT_ROWS = 5000;

/** One line of the spreadsheet, numbered as the spreadsheet numbers it (header = row 1). */
export interface ImportRow {
  rowNumber: number;
  cells: Record<ImportColumn, string>;
  /** Cells past the last named column that are not blank: a sign the columns have slipped. */
  strayCells: number;
}

export type TableRead = { ok: true; rows: ImportRow[] } | { ok: false; message: string };

/** "Full name", "full-name" and "FULL_NAME" all name the full_name column. */
const columnName = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** Reads the CSV text into rows keyed by column, or says why the file as a whole cannot be used. */
export function readImportTable(text: string): TableRead {
  const records = parseRecords(text);
  if (!Array.isArray(records)) return records;
  const [header, ...body] = records;
  if (!header || header.every((cell) => cell.trim() === ''))
    return { ok: false, message: 'The selected file is empty' };
  const headings = header.map(columnName);
  const problem = headerProblem(headings);
  if (problem) return { ok: false, message: problem };
  const rows = body
    .map((cells, index) => toRow(headings, cells, index + 2))
    .filter((row): row is ImportRow => row !== null);
  if (rows.length === 0)
    return {
      ok: false,
      message: 'The file has a header row but no memberships: add a row for each membership',
    };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      message: `The file has ${rows.length.toLocaleString('en-GB')} rows of memberships: import ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} or fewer at a time`,
    };
  return { ok: true, rows };
}

function parseRecords(text: string): string[][] | { ok: false; message: string } {
  try {
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { records?: number }).records;
    const where = typeof row === 'number' ? ` at row ${row + 1}` : '';
    return {
      ok: false,
      message: `The file could not be read as CSV${where}: check for a quotation mark that is not closed`,
    };
  }
}

function headerProblem(headings: string[]): string | null {
  const repeated = headings.filter((name, index) => name && headings.indexOf(name) !== index);
  if (repeated.length > 0)
    return `The column ${repeated[0]} appears more than once in the first row`;
  const missing = IMPORT_COLUMNS.filter(
    (column) => column.required && !headings.includes(column.name),
  ).map((column) => column.name);
  if (missing.length === 0) return null;
  const semicolons =
    headings.length === 1 && headings[0]!.includes(';')
      ? '. Separate the columns with commas, not semicolons'
      : '';
  return `The file is missing the ${plural(missing.length, 'column', 'columns')} ${missing.join(', ')}: the first row must name the columns${semicolons}`;
}

function toRow(headings: string[], record: string[], rowNumber: number): ImportRow | null {
  if (record.every((cell) => cell.trim() === '')) return null;
  const cells = Object.fromEntries(IMPORT_COLUMNS.map(({ name }) => [name, ''])) as Record<
    ImportColumn,
    string
  >;
  let strayCells = 0;
  record.forEach((cell, index) => {
    const heading = headings[index];
    if (heading && Object.hasOwn(cells, heading)) cells[heading as ImportColumn] = cell.trim();
    else if (!heading && cell.trim() !== '') strayCells += 1;
  });
  return { rowNumber, cells, strayCells };
}
