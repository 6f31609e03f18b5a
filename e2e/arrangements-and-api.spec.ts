import { expect, test } from '@playwright/test';
import { demoPdf } from '../src/demo/demo-pdf.js';
import { Masa } from './support/masa.js';
import { registry, registryAdmins, registryMembers } from './support/fixtures.js';
import { banner, expectErrorSummary, signInWithCode, ukToday } from './support/registry.js';

test('a member asks the chair to amend the arrangements; an administrator adds a version and schedules the request', async ({
  page,
  browser,
}) => {
  test.slow(); // two people, two browser contexts
  const member = new Masa(page);
  await member.signIn(registryMembers.amending.email);
  await member.follow('Governance');
  await member.follow('Safeguarding arrangements');
  await expect(member.heading()).toHaveText('Safeguarding arrangements');
  await expect(page.getByRole('button', { name: 'Add a version' })).toHaveCount(0);
  await member.press('Request an amendment');
  await member.press('Send request to the chair');
  await expectErrorSummary(member, [
    'Enter a summary of the change you are asking for',
    'Enter the details of your request',
  ]);
  const summary = 'Add the youth justice board to the reporting arrangements';
  await member.field('Summary of the change').fill(summary);
  await member
    .field('Details')
    .fill('Section 7 lists four reporting bodies; the youth justice board also reports yearly.');
  await member.press('Send request to the chair');
  await expect(banner(page)).toContainText('Your request has been sent to the chair');
  const own = page.getByRole('region', { name: 'Your amendment requests' });
  await expect(own.getByRole('row', { name: new RegExp(summary) })).toContainText('Received');

  const context = await browser.newContext();
  try {
    const admin = new Masa(await context.newPage());
    await signInWithCode(admin, registryAdmins.arrangements);
    await admin.visit('/arrangements');
    await admin.press('Add a version');
    await admin.field('Version number').fill('V3.1');
    await admin.page.locator('#issuedOn-day').fill('12');
    await admin.page.locator('#issuedOn-month').fill('10');
    await admin.page.locator('#issuedOn-year').fill('2026');
    await admin.field('By').fill('Business Manager');
    await admin.field('Reason').fill('Ratified at the partnership meeting');
    const chooser = admin.page.waitForEvent('filechooser');
    await admin.field('Document').click();
    await (
      await chooser
    ).setFiles({
      name: 'arrangements-v3-1.pdf',
      mimeType: 'application/pdf',
      buffer: demoPdf('Arrangements V3.1', ['Ratified at the partnership meeting.']),
    });
    await admin.press('Add version');
    await expect(banner(admin.page)).toContainText('Version V3.1 added');
    const versions = admin.page.getByRole('region', { name: 'Version control' });
    await expect(versions.getByRole('row', { name: /V3\.1/ })).toContainText(
      'arrangements-v3-1.pdf',
    );

    await admin.follow('See all amendment requests');
    await admin.follow(summary);
    await expect(admin.heading()).toHaveText(summary);
    await admin.page.getByRole('radio', { name: 'Scheduled' }).check();
    await admin.field('Note').fill('On the agenda of the January partnership meeting');
    await admin.press('Save status');
    await expect(banner(admin.page)).toContainText('Status changed');

    // The audit trail says it in words, filtered by a kind of event chosen in words.
    await admin.visit('/admin/audit');
    await admin.page
      .getByLabel('What happened')
      .selectOption({ label: 'Amendment request answered' });
    await admin.press('Filter');
    const events = admin.page.getByRole('table', { name: 'Events, newest first' });
    await expect(events).toContainText('changed the status of an amendment request');
    await expect(events).toContainText(/Status: \w+ → Scheduled/);
  } finally {
    await context.close();
  }

  await member.visit('/arrangements');
  await expect(own.getByRole('row', { name: new RegExp(summary) })).toContainText('Scheduled');
  await expect(own).toContainText('On the agenda of the January partnership meeting');
});

test('a member reads the API documentation, creates a token that is shown once and works, then revokes it', async ({
  page,
  request,
}) => {
  test.slow(); // the API documentation is a long page for axe
  const masa = new Masa(page);
  await masa.signIn(registryMembers.tokens.email);
  await masa.follow('Your account');
  await masa.follow('MASA API');
  await expect(page.locator('#endpoint-list')).toContainText('/api/v1/agencies');

  await masa.visit('/account');
  await masa.press('Create a token');
  await masa.press('Create token');
  await expectErrorSummary(masa, ['Enter a name for the token']);
  await masa.field('Name').fill('Quarterly membership report');
  await masa.press('Create token');
  await expect(page.locator('.govuk-panel')).toContainText('API token created');
  const token = (await page.locator('#api-token').innerText()).trim();
  expect(token.length).toBeGreaterThan(40);

  // The token reads the registry; without it the API answers 401.
  const agencies = '/api/v1/agencies?q=Constabulary';
  expect((await request.get(agencies)).status()).toBe(401);
  const answer = await request.get(agencies, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  expect(JSON.stringify(await answer.json())).toContain(registry.agencies.police);

  // Shown once: the account page lists the token by name, never the token itself.
  await masa.follow('Back to your account');
  const tokens = page.getByRole('region', { name: 'Your API tokens' });
  const row = tokens.getByRole('row', { name: /Quarterly membership report/ });
  await expect(row).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(token);
  await row.getByRole('link', { name: 'Revoke token Quarterly membership report' }).click();
  await masa.checkAccessible();
  await masa.press('Yes, revoke it');
  await expect(banner(page)).toContainText('revoked');
  await expect(row).toContainText(`Revoked ${ukToday()}`);
  const refused = await request.get(agencies, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});
