import { expect, test } from '@playwright/test';
import { Masa } from './support/masa.js';
import { FIXTURE_PASSWORD, PARTNERSHIP_NAME, people } from './support/fixtures.js';

test('an administrator signs in with password and code, sees the partnership, and signs out', async ({
  page,
}) => {
  const masa = new Masa(page);
  await masa.signIn(people.adminSigningIn.email);
  await masa.enterCode(people.adminSigningIn.totpSecret);
  await expect(masa.heading()).toHaveText('Welcome, Alex Morgan');
  await expect(page.locator('.govuk-generic-header')).toContainText(PARTNERSHIP_NAME);
  await masa.follow('Administration');
  await expect(masa.heading()).toHaveText('Administration');
  await masa.follow('Audit trail');
  await expect(page.locator('tbody')).toContainText('Signed in');
  await masa.signOut();
  await expect(page.locator('.govuk-notification-banner')).toContainText('You have signed out');
  await masa.visit('/');
  await expect(masa.heading()).toHaveText('Sign in to MASA');
});

test('a wrong password is refused with the error summary, keeping the email typed', async ({
  page,
}) => {
  const masa = new Masa(page);
  await masa.signIn(people.member.email, 'not the right password');
  await expect(masa.errorSummary()).toContainText('Enter a correct email address and password');
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expect(masa.field('Email address')).toHaveValue(people.member.email);
  await masa
    .errorSummary()
    .getByRole('link', { name: 'Enter a correct email address and password' })
    .click();
  await expect(masa.field('Email address')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member mistypes the password, signs in, reaches their account and signs out', async ({
    page,
  }) => {
    const masa = new Masa(page, { javaScript: false });
    await masa.signIn(people.memberWithoutJavaScript.email, 'not the right password');
    await expect(masa.errorSummary()).toContainText('Enter a correct email address and password');
    await expect(masa.field('Email address')).toHaveValue(people.memberWithoutJavaScript.email);

    await masa.field('Password').fill(FIXTURE_PASSWORD);
    await masa.press('Sign in');
    await expect(masa.heading()).toHaveText('Welcome, Jordan Ellis');
    await masa.follow('Your account');
    await expect(page.locator('.govuk-summary-list')).toContainText('Member');
    await masa.signOut();
  });
});
