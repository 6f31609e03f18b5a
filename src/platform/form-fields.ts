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

export const versionField = z.coerce.number().int().positive().optional();
