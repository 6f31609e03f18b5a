import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { checkDocument, type DocumentCheck } from '../../platform/files/documents.js';
import { optionalText, versionField } from '../../platform/form-fields.js';
import type { FieldErrors, Outcome } from '../../platform/forms.js';
import { parseForm } from '../../platform/forms.js';
import { uploadIn } from '../../platform/http/uploads.js';
import { vocabulary } from '../../platform/vocabulary.js';

/** What an agency is asked for; "something else" is typed, and stored as typed. */
export const ASKED_FOR = vocabulary({
  chronology: 'A chronology of involvement',
  summary: 'A summary of involvement',
  chronology_and_summary: 'A chronology and a summary of involvement',
  other: 'Something else',
});

export const RETURN_KINDS = vocabulary({
  chronology: 'Chronology',
  summary: 'Summary',
  other: 'Other document',
});
export type ReturnKind = (typeof RETURN_KINDS.values)[number];

/** How many working days an agency is given when no due date is typed. */
export const DEFAULT_REQUEST_WORKING_DAYS = 5;

export const REQUEST_DATES = ['requestedOn', 'dueOn', 'returnedOn'];

export const requestForm = z
  .object({
    agencyId: z.uuid({ error: 'Select the agency asked' }),
    askedFor: z.enum(ASKED_FOR.values, { error: 'Select what the agency is asked for' }),
    askedForOther: optionalText('What is asked for', 500),
    requestedOn: calendarDate('The date of the request', { required: true }),
    dueOn: calendarDate('The due date'),
    returnedOn: calendarDate('The date it was returned'),
    version: versionField,
  })
  .refine((input) => input.askedFor !== 'other' || input.askedForOther, {
    path: ['askedForOther'],
    message: 'Enter what the agency is asked for',
  });
export type RequestInput = z.infer<typeof requestForm>;

/** The words stored for what was asked: the choice's name, or what was typed. */
export const askedForText = (input: Pick<RequestInput, 'askedFor' | 'askedForOther'>) =>
  input.askedFor === 'other' ? input.askedForOther! : ASKED_FOR.names[input.askedFor];

/** The form's choice for stored words, so a request can be changed. */
export function askedForChoice(stored: string) {
  const named = ASKED_FOR.values.find(
    (value) => value !== 'other' && ASKED_FOR.names[value] === stored,
  );
  return named
    ? { askedFor: named, askedForOther: '' }
    : { askedFor: 'other', askedForOther: stored };
}

export const parseRequestForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, REQUEST_DATES);

const returnForm = z.object({
  kind: z.enum(RETURN_KINDS.values, { error: 'Select what the document is' }),
  returnedOn: calendarDate('The date it was returned'),
});

type Document = Extract<DocumentCheck, { ok: true }>['document'];
export type ReturnInput = z.infer<typeof returnForm> & { document: Document };

/** A returned document: what it is, the day it came (if not yet recorded), and the file. */
export async function parseReturnForm(body: unknown): Promise<Outcome<ReturnInput>> {
  const form = parseForm(
    returnForm,
    foldDateInputs(body as Record<string, unknown>, ['returnedOn']),
  );
  const checked = await checkDocument(uploadIn(body, 'file'), 'the document');
  const errors: FieldErrors = {};
  if (!form.ok) Object.assign(errors, form.errors);
  if (!checked.ok) errors.file = checked.message;
  if (!form.ok || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { ...form.value, document: checked.document } };
}
