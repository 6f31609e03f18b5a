import { z } from 'zod';

/** Fields many forms share, with GOV.UK's wording for their errors. */
export const requiredText = (missing: string, label: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

/** A checkbox: present when ticked, absent when not. */
export const tick = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== '');

export const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.uuid(message).nullable());

export const requiredId = (message: string) => z.uuid({ error: message });

/** PostgreSQL's integer: a record's version is never larger, and a query given more fails. */
export const MAX_VERSION = 2_147_483_647;

const staleForm = 'The form was out of date or changed: go back, reload the page and try again';

/** The hidden version a form was shown with: anything but a stored version's number is refused. */
export const versionField = z.coerce
  .number({ error: staleForm })
  .int(staleForm)
  .min(1, staleForm)
  .max(MAX_VERSION, staleForm)
  .optional();
