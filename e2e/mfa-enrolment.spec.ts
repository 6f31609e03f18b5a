import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { Masa } from './support/masa.js';
import { people } from './support/fixtures.js';

test('an administrator without two-step sign-in must set it up, and gets recovery codes', async ({
  page,
}) => {
  const masa = new Masa(page);
  await masa.signIn(people.adminEnrolling.email);
  await expect(page).toHaveURL(/\/account\/mfa$/);
  await expect(masa.heading()).toHaveText('Set up two-step sign-in');
  await expect(page.locator('.govuk-inset-text')).toContainText(
    'Administrators must use two-step sign-in',
  );

  await masa.field('Code from your app').fill('123456');
  await masa.press('Turn on two-step sign-in');
  await expect(masa.errorSummary()).toContainText('The code is not right');

  await page.getByText('I cannot scan the QR code').click();
  await expect(page.locator('#mfa-secret')).toBeVisible();
  await masa.checkAccessible();
  const secret = (await page.locator('#mfa-secret').textContent())!.trim();
  await masa.field('Code from your app').fill(await generate({ secret }));
  await masa.press('Turn on two-step sign-in');
  await expect(masa.heading()).toHaveText('Two-step sign-in is on');
  await expect(page.locator('#recovery-codes li')).toHaveCount(10);

  await masa.follow('Continue');
  await masa.follow('Administration');
  await expect(masa.heading()).toHaveText('Administration');
});
