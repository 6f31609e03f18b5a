import { expect, test } from '@playwright/test';
import { Masa } from './support/masa.js';
import { people } from './support/fixtures.js';

test('forms list every error in the summary, each linked to its field, and keep what was typed', async ({
  page,
}) => {
  const masa = new Masa(page);
  await masa.signIn(people.adminWithForms.email);
  await masa.enterCode(people.adminWithForms.totpSecret);

  await masa.visit('/admin/invitations/new');
  await masa.press('Send invitation');
  await expect(masa.errorSummary().getByRole('link')).toHaveText([
    'Enter the email address of the person to invite',
    'Select a role',
  ]);
  // Each message in the summary leads to its own field, and choosing it puts the focus there.
  for (const [message, field] of [
    ['Enter the email address of the person to invite', masa.field('Email address')],
    ['Select a role', page.getByRole('radio').first()],
  ] as const) {
    const link = masa.errorSummary().getByRole('link', { name: message });
    await expect(link).toHaveAttribute('href', `#${await field.getAttribute('id')}`);
    await link.click();
    await expect(field).toBeFocused();
  }

  await masa.visit('/account/password');
  await masa.field('Current password').fill('this is not my password');
  await masa.field('New password').fill('lantern quarry velvet 77');
  await masa.field('Confirm new password').fill('lantern quarry velvet 77');
  await masa.press('Change password');
  await expect(masa.errorSummary()).toContainText('Your current password is not right');
  await expect(page.locator('#currentPassword-error')).toContainText(
    'Your current password is not right',
  );

  await masa.visit('/admin/audit?from=2026-13-45');
  await expect(masa.errorSummary()).toContainText('From date must be a real date');
  await expect(masa.field('From date')).toHaveValue('2026-13-45');

  await masa.visit('/admin/people');
  await expect(page.locator('tbody')).toContainText('Sam Okafor');
  await masa.visit('/no-such-page');
  await expect(masa.heading()).toHaveText('Page not found');
});
