import { expect, test } from '@playwright/test';
import { Masa } from './support/masa.js';
import { people } from './support/fixtures.js';

test('an administrator invites a colleague, who accepts and is signed in; the link then stops working', async ({
  page,
  browser,
}) => {
  const admin = new Masa(page);
  await admin.signIn(people.adminInviting.email);
  await admin.enterCode(people.adminInviting.totpSecret);
  await admin.visit('/admin/invitations');
  await admin.press('Invite someone');
  await admin.field('Email address').fill('robin.lee@health.example');
  await page.getByLabel('Member', { exact: true }).check();
  await admin.press('Send invitation');
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'Invitation sent to robin.lee@health.example',
  );
  await expect(page.locator('tbody')).toContainText('Waiting');

  await admin.visit('/admin/outbox');
  await admin.follow('You are invited to Northshire Safeguarding Children Partnership on MASA');
  const link = /(http:\/\/\S+\/invitations\/[\w-]+)/.exec(
    (await page.locator('#message-body').textContent()) ?? '',
  )![1]!;
  await admin.signOut();

  const inviteeContext = await browser.newContext();
  const invitee = new Masa(await inviteeContext.newPage());
  await invitee.visit(link);
  await expect(invitee.heading()).toHaveText('Accept your invitation');
  await invitee.field('Full name').fill('Robin Lee');
  await invitee.field('Create a password').fill('password1234');
  await invitee.field('Confirm your password').fill('password1234');
  await invitee.press('Create account');
  await expect(invitee.errorSummary()).toContainText('Password is too common');
  await expect(invitee.field('Full name')).toHaveValue('Robin Lee');

  await invitee.field('Create a password').fill('meadow lantern orbit 9');
  await invitee.field('Confirm your password').fill('meadow lantern orbit 9');
  await invitee.press('Create account');
  await expect(invitee.heading()).toHaveText('Welcome, Robin Lee');

  await invitee.visit(link);
  await expect(invitee.heading()).toHaveText('This invitation has already been used');
  await inviteeContext.close();
});
