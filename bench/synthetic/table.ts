/** A table's rows from a planned partnership: the shape every table module shares. */
import type { FieldCipher } from '../../src/platform/sealing/field-cipher.js';
import type { Field } from './copy.js';
import type { PartnershipPlan } from './plan.js';
import { iso, isoOf, type Day } from './timeline.js';

/** What rows need beyond the plans: the cipher for children, the accounts' password hash. */
export interface RowContext {
  seed: number;
  cipher: FieldCipher;
  passwordHash: string;
}

export interface Table {
  name: string;
  columns: readonly string[];
  rows(plan: PartnershipPlan, context: RowContext): Iterable<readonly Field[]>;
}

export const table = (name: string, columns: string, rows: Table['rows']): Table => ({
  name,
  columns: columns.split(/,\s*/),
  rows,
});

/** A moment or a day as PostgreSQL reads it; null stays null. */
export const when = (ms: number | null) => (ms === null ? null : iso(ms));
export const on = (day: Day | null) => (day === null ? null : isoOf(day));
