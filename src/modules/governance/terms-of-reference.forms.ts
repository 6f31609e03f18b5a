import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { checkDocument, type DocumentCheck } from '../../platform/files/documents.js';
import { versionField } from '../../platform/form-fields.js';
import { parseForm, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { uploadIn } from '../../platform/http/uploads.js';

export const termsOfReferenceForm = z.object({
  reviewDueOn: calendarDate('Review date', { required: true }),
  version: versionField,
});

export type TermsOfReferenceInput = z.infer<typeof termsOfReferenceForm> & {
  document: Extract<DocumentCheck, { ok: true }>['document'];
};

/** The file and the date together, so one submission shows every problem at once. */
export async function parseTermsOfReference(
  body: unknown,
): Promise<Outcome<TermsOfReferenceInput>> {
  const checked = await checkDocument(uploadIn(body, 'file'), 'the terms of reference');
  const form = parseForm(
    termsOfReferenceForm,
    foldDateInputs(body as Record<string, unknown>, ['reviewDueOn']),
  );
  const errors: FieldErrors = {};
  if (!checked.ok) errors.file = checked.message;
  if (!form.ok) Object.assign(errors, form.errors);
  if (!checked.ok || !form.ok) return { ok: false, errors };
  return { ok: true, value: { ...form.value, document: checked.document } };
}
