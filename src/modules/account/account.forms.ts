import { z } from 'zod';

const text = (message: string) => z.string({ error: message }).trim().min(1, message);

export const signInForm = z.object({
  email: text('Enter your email address').pipe(
    z.email('Enter an email address in the correct format, like name@example.org'),
  ),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});

export const codeForm = z.object({
  code: text('Enter the code from your authenticator app, or a recovery code'),
});

export const changePasswordForm = z.object({
  currentPassword: z
    .string({ error: 'Enter your current password' })
    .min(1, 'Enter your current password'),
  newPassword: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password'),
  confirmPassword: z
    .string({ error: 'Confirm your new password' })
    .min(1, 'Confirm your new password'),
});

export const switchPartnershipForm = z.object({ partnershipId: z.uuid('Select a partnership') });
