import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | Date | null | undefined;

/** Spreadsheet programs run cells that start like a formula; a leading quote keeps them text. */
function neutralise(cell: Cell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell)) return `'${cell}`;
  return cell;
}

export function toCsv(rows: Cell[][]): string {
  return stringify(rows.map((row) => row.map(neutralise)));
}
