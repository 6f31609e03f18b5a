import { z } from 'zod';
import { ROLES } from '../../platform/policy.js';

export const inviteForm = z.object({
  email: z
    .string({ error: 'Enter the email address of the person to invite' })
    .trim()
    .min(1, 'Enter the email address of the person to invite')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.org')),
  role: z.enum(ROLES, { error: 'Select a role' }),
  /** Optional: the person in the registry the account is for. */
  personId: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.uuid('Select a person from the list').optional()),
});

export const acceptNewAccountForm = z.object({
  displayName: z
    .string({ error: 'Enter your full name' })
    .trim()
    .min(1, 'Enter your full name')
    .max(120, 'Full name must be 120 characters or fewer'),
  password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password'),
  confirmPassword: z.string({ error: 'Confirm your password' }).min(1, 'Confirm your password'),
});

export const acceptExistingAccountForm = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});
