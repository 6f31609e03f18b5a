/**
 * COPY ... FROM STDIN in PostgreSQL's text format, streamed: rows are encoded as they are
 * generated and sent in chunks of about 256 kB, so a million rows never sit in memory as
 * one string.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A jsonb value: written as its JSON text. */
export class Json {
  constructor(readonly value: unknown) {}
}

export type Field = string | number | boolean | null | Buffer | Json | readonly string[];

const CHUNK = 256 * 1024;
const SPECIAL = /[\\\t\n\r]/;

/** Backslash, tab, newline and carriage return are the text format's special characters. */
function escaped(text: string) {
  if (!SPECIAL.test(text)) return text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** A text[] literal: every element quoted, so commas and braces in it are safe. */
const arrayLiteral = (items: readonly string[]) =>
  `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export function encodeField(value: Field): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escaped(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  if (value instanceof Json)
    return value.value === null || value.value === undefined
      ? '\\N'
      : escaped(JSON.stringify(value.value));
  return escaped(arrayLiteral(value as readonly string[]));
}

export const encodeRow = (row: readonly Field[]) => `${row.map(encodeField).join('\t')}\n`;

function* chunks(rows: Iterable<readonly Field[]>, counted: { rows: number }) {
  let chunk = '';
  for (const row of rows) {
    chunk += encodeRow(row);
    counted.rows += 1;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Streams the rows into the table's columns; gives back how many were sent. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Field[]>,
) {
  const counted = { rows: 0 };
  const target = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(rows, counted), { objectMode: false }), target);
  return counted.rows;
}
