import { z } from 'zod';
import { parseUkDate } from '../../platform/dates.js';
import { ROLES } from '../../platform/policy.js';

/** Checkboxes arrive as one value or many. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : [value].flat()), z.array(item));

export const rolesForm = z.object({
  roles: oneOrMany(z.enum(ROLES)).pipe(
    z
      .array(z.enum(ROLES))
      .min(1, 'Select at least one role. To take away all access, use “Remove access”'),
  ),
});

const dateField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const parsed = parseUkDate(value);
      if (!parsed) {
        context.addIssue({
          code: 'custom',
          message: `${label} must be a real date, like 26/11/2026`,
        });
        return z.NEVER;
      }
      return parsed;
    });

export const auditFilterForm = z
  .object({
    action: z.string().trim().max(100).optional(),
    entityType: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(254).optional(),
    from: dateField('From date'),
    to: dateField('To date'),
    before: z.coerce
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .catch(undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'To date must be the same as or after the from date',
  });

/** The outbox's search and page; a value that cannot be read is ignored rather than refused. */
export const outboxFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

const CHOOSE_PERSON = 'Select the person in the registry this account is for';

/** Linking an account to its person in the registry. */
export const linkPersonForm = z.object({
  personId: z
    .string({ error: CHOOSE_PERSON })
    .trim()
    .min(1, CHOOSE_PERSON)
    .pipe(z.uuid('Select a person from the list')),
});
