import type { z } from 'zod';

/** Field name -> message, in the order the fields appear on the form. */
export type FieldErrors = Record<string, string>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = (errors: FieldErrors): Outcome<never> => ({ ok: false, errors });

/** Parses a submitted form with its schema; the first message per field wins. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): Outcome<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return success(parsed.data);
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return failure(errors);
}

/** The GOV.UK error summary's list: each message links to its field. */
export function errorSummary(errors: FieldErrors | undefined) {
  return Object.entries(errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` }));
}
