/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFormBody } from './http/form-encoding.js';
import { checkedText, ControlCharacterError } from './http/input-text.js';
import { parseForm } from './forms.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Every zod schema the modules export from their forms files, by file and name. */
const formModules = import.meta.glob<Record<string, unknown>>('../modules/**/*.forms.ts', {
  eager: true,
});
const schemas = Object.entries(formModules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.replace('../modules/', '')} ${name}`, schema })),
);

/** The fields of an object schema, each with its own parser; none for other schemas. */
const shapeOf = (schema: z.ZodType) =>
  (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};

/** The fields a schema reads, when it is an object; else a few likely names. */
function fieldsOf(schema: z.ZodType): string[] {
  const fields = Object.keys(shapeOf(schema));
  return fields.length > 0 ? fields : ['name', 'title', 'version', 'date-day'];
}

/** Fields held in a bigint column: the audit trail's sequence number. */
const BIGINT_FIELDS = new Set(['before']);

/** Every number in a parsed value, at any depth. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (!value || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}
const fitsPostgresInteger = (n: number) => Number.isNaN(n) || (n >= -(2 ** 31) && n < 2 ** 31);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '2147483648', '999999999999', '1e309', 'NaN', '31/02/2027'),
);

describe('every form’s parser, fed generated text', () => {
  it('finds the forms files’ schemas', () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)('$name answers with an outcome and never throws', ({ schema }) => {
    const fields = fieldsOf(schema);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), anyText), (body) => {
        const outcome = parseForm(schema, body);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 60 },
    );
  });

  it('keeps only numbers PostgreSQL can store, field by field', () => {
    const fields = schemas.flatMap(({ name, schema }) =>
      Object.entries(shapeOf(schema))
        .filter(([field]) => !BIGINT_FIELDS.has(field))
        .map(([field, parser]) => ({ name: `${name}.${field}`, parser })),
    );
    expect(fields.length).toBeGreaterThan(200);
    for (const { name, parser } of fields) {
      fc.assert(
        fc.property(anyText, (value) => {
          const parsed = parser.safeParse(value);
          if (parsed.success)
            expect(numbersIn(parsed.data).every(fitsPostgresInteger), name).toBe(true);
        }),
        { numRuns: 30 },
      );
    }
  });
});

describe('text through the form reader and the control-character check', () => {
  it('reads back what a browser encoded, and refuses exactly the text with a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const body = new URLSearchParams({ field: value }).toString();
        const read = parseFormBody(body);
        expect(read.field).toBe(value);
        if (CONTROL.test(value)) {
          expect(() => checkedText(read)).toThrow(ControlCharacterError);
        } else {
          const kept = (checkedText(read) as { field: string }).field;
          expect(kept).not.toContain('\r');
          expect(kept).toBe(value.replace(/\r\n?/g, '\n'));
        }
      }),
      { numRuns: 500 },
    );
  });
});
