import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { checkDocument, type DocumentCheck } from '../../platform/files/documents.js';
import { parseForm, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { MAX_VERSION } from '../../platform/form-fields.js';
import { uploadIn } from '../../platform/http/uploads.js';
import { AMENDMENT_STATUS_VALUES } from './amendment-status.js';

type Body = Record<string, unknown>;
export type CheckedDocument = Extract<DocumentCheck, { ok: true }>['document'];

const requiredText = (missing: string, label: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

export const versionForm = z.object({
  versionNumber: requiredText('Enter the version number', 'Version number', 20).regex(
    /^[A-Za-z]{0,3}\.?\d+(\.\d+)*[A-Za-z]?$/,
    'Enter the version number like V2.1',
  ),
  issuedOn: calendarDate('Date of the version', { required: true }),
  author: requiredText('Enter who wrote or updated this version', 'By', 120),
  reason: requiredText('Enter the reason for this version', 'Reason', 1000),
});

export type VersionInput = z.infer<typeof versionForm> & { document: CheckedDocument };

/** The fields and the file together, so one submission shows every problem at once. */
export async function parseVersion(body: unknown): Promise<Outcome<VersionInput>> {
  const form = parseForm(versionForm, foldDateInputs(body as Body, ['issuedOn']));
  const checked = await checkDocument(uploadIn(body, 'file'), 'the arrangements document');
  if (form.ok && checked.ok)
    return { ok: true, value: { ...form.value, document: checked.document } };
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  if (!checked.ok) errors.file = checked.message;
  return { ok: false, errors };
}

/** A hidden field: the version of the record the form was shown with (0: none existed yet). */
const shownVersion = z.coerce
  .number({ error: 'Reload the page and try again' })
  .int('Reload the page and try again')
  .min(0, 'Reload the page and try again')
  .max(MAX_VERSION, 'Reload the page and try again')
  .default(0);

export const reviewDateForm = z.object({
  nextReviewDueOn: calendarDate('Next review date', { required: true }),
  version: shownVersion,
});
export type ReviewDateInput = z.infer<typeof reviewDateForm>;
export const parseReviewDate = (body: unknown) =>
  parseForm(reviewDateForm, foldDateInputs(body as Body, ['nextReviewDueOn']));

export const amendmentRequestForm = z.object({
  summary: requiredText('Enter a summary of the change you are asking for', 'Summary', 200),
  details: requiredText('Enter the details of your request', 'Details', 5000),
});
export type AmendmentRequestInput = z.infer<typeof amendmentRequestForm>;

export const statusChangeForm = z.object({
  status: z.enum(AMENDMENT_STATUS_VALUES, { error: 'Select a status' }),
  statusNote: z
    .string()
    .trim()
    .max(2000, 'Note must be 2000 characters or fewer')
    .optional()
    .transform((value) => (value ? value : null)),
  version: z.coerce
    .number({ error: 'Reload the page and try again' })
    .int('Reload the page and try again')
    .positive('Reload the page and try again')
    .max(MAX_VERSION, 'Reload the page and try again'),
});
export type StatusChangeInput = z.infer<typeof statusChangeForm>;

export const amendmentFilter = z.object({
  status: z.enum(AMENDMENT_STATUS_VALUES).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(10_000).optional().catch(undefined),
});
export type AmendmentFilter = z.infer<typeof amendmentFilter>;
