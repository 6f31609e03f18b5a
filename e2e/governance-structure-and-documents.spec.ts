import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { demoPdf } from '../src/demo/demo-pdf.js';
import { Masa } from './support/masa.js';
import { registry, registryAdmins, registryMembers } from './support/fixtures.js';
import {
  banner,
  expectErrorSummary,
  expectLinkFocuses,
  expectNoSidewaysScroll,
  openRecord,
  signInWithCode,
  ukToday,
} from './support/registry.js';

const { agencies, bodies } = registry;

/** Chooses a file through the browser's file chooser, as a person would. */
async function chooseFile(
  page: Page,
  label: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(label, { exact: true }).click();
  await (await chooser).setFiles(file);
}

test('a member sees the governance structure as a chart and a list, on a wide screen and a phone, and the membership matrix', async ({
  page,
}) => {
  test.slow(); // the chart at two widths, the matrix, one body's table, a download, past members
  const masa = new Masa(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await masa.signIn(registryMembers.structure.email);
  await masa.follow('Governance');
  await masa.follow('Governance structure');
  await expect(masa.heading()).toHaveText('Governance structure');

  const wide = page.locator('svg.masa-structure-chart--wide');
  const narrow = page.locator('svg.masa-structure-chart--narrow');
  await expect(wide).toBeVisible();
  await expect(narrow).toBeHidden();
  await expect(
    wide.getByRole('link', { name: `Executive or chairs' forum: ${bodies.forum}` }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page);
  // The list says the same: the forum, and the sub-groups under it.
  const forumItem = page
    .locator('.masa-structure-list > li', { hasText: bodies.board })
    .locator('li', {
      hasText: bodies.forum,
    })
    .first();
  for (const name of [bodies.learning, bodies.quality, bodies.practice, bodies.exploitation])
    await expect(forumItem.getByRole('link', { name, exact: true })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(narrow).toBeVisible();
  await expect(wide).toBeHidden();
  await masa.checkAccessible();
  await expectNoSidewaysScroll(page);
  await narrow.getByRole('link', { name: `Sub-group: ${bodies.practice}` }).click();
  await masa.checkAccessible();
  await expect(masa.heading()).toHaveText(bodies.practice);

  await page.setViewportSize({ width: 1280, height: 800 });
  await masa.visit('/governance');
  await masa.follow('Membership matrix');
  const matrix = page.getByRole('region', {
    name: `Who represents each agency on each body, on ${ukToday()}`,
  });
  await expect(matrix).toBeVisible();
  const police = matrix.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: agencies.police }),
  });
  await expect(police).toContainText(registry.people.member.fullName);
  await expect(police).toContainText('Marcus Bell');
  await expect(page.getByRole('link', { name: /^Import people and memberships/ })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download every membership on/ }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('agency,body,full_name');
  expect(csv).toContain('Helen Ward');

  await masa.field('Show').selectOption({ label: bodies.forum });
  await masa.press('Show members');
  await expect(masa.heading()).toHaveText(`Members of ${bodies.forum}`);
  await expect(
    page.getByRole('region', { name: new RegExp(`^Members of ${bodies.forum} on`) }),
  ).toContainText('Helen Ward');

  // A body's page shows today's and future seats; the ended ones are a page of their own.
  await openRecord(masa, '/bodies', bodies.learning);
  await masa.follow(`1 past membership of ${bodies.learning}`);
  await expect(masa.heading()).toHaveText('Past members');
  await expect(page.getByRole('region', { name: 'Past memberships' })).toContainText(
    'From 1 April 2023 to 31 March 2025',
  );
  await expect(page.getByRole('region', { name: 'Past memberships' })).toContainText('Grace Okoye');
});

test('an administrator imports a CSV file with one bad row: the row is named and nothing is imported, then the corrected file is', async ({
  page,
}) => {
  test.slow(); // two uploads
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.importing);
  await masa.visit('/governance/matrix');
  await masa.follow('Import people and memberships from a CSV file');
  await expect(masa.heading()).toHaveText('Import people and memberships');

  const header = 'full_name,job_title,agency,email,body,status,decision_making,starts_on';
  const good = `Nadia Qureshi,Early Help Manager,${agencies.council},nadia.qureshi@council.example,${bodies.quality},Relevant partner,yes,2026-04-01`;
  const row = (body: string) =>
    `Bryn Howell,Head of Inclusion,${agencies.council},bryn.howell@council.example,${body},Co-opted,no,01/05/2026`;
  const csv = (...rows: string[]) => ({
    name: 'quality-assurance-members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...rows].join('\r\n') + '\r\n'),
  });

  await chooseFile(page, 'CSV file', csv(good, row('Neglect Steering Group')));
  await masa.press('Check and import');
  const summary =
    '1 row has a problem, so nothing was imported: correct it and import the file again';
  await expectErrorSummary(masa, [summary]);
  await expectLinkFocuses(masa, summary, page.getByRole('heading', { name: /^Rows to correct/ }));
  const problems = page.getByRole('region', { name: 'Rows to correct' }).getByRole('row');
  await expect(problems).toHaveCount(2); // the header and row 3
  await expect(problems.nth(1).getByRole('rowheader')).toHaveText('3');
  await expect(problems.nth(1)).toContainText('Neglect Steering Group');
  await expect(problems.nth(1)).toContainText('is not in the register');
  // Row 2 was good, but nothing was imported.
  await masa.visit('/people?q=Qureshi');
  await expect(page.getByRole('region', { name: 'People' })).toContainText(
    'Nobody matches your search.',
  );

  await masa.visit('/governance/import');
  await chooseFile(page, 'CSV file', csv(good, row(bodies.quality)));
  await masa.press('Check and import');
  await expect(banner(page)).toContainText('Imported 2 people and 2 memberships');
  await expect(masa.heading()).toHaveText('Membership matrix');
  const council = page.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: agencies.council }),
  });
  await expect(council).toContainText('Nadia Qureshi');
  await expect(council).toContainText('Bryn Howell');
});

test("an administrator uploads a body's terms of reference, after a wrong kind of file is refused", async ({
  page,
}) => {
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.termsOfReference);
  await openRecord(masa, '/bodies', bodies.learning);
  await masa.follow(`Upload terms of reference for ${bodies.learning}`);
  await expect(masa.heading()).toHaveText('Upload terms of reference');

  await chooseFile(page, 'Terms of reference document', {
    name: 'terms-of-reference.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Terms of reference, as plain text'),
  });
  await page.locator('#reviewDueOn-day').fill('1');
  await page.locator('#reviewDueOn-month').fill('6');
  await page.locator('#reviewDueOn-year').fill('2027');
  await masa.press('Upload terms of reference');
  const wrongType = 'The selected file must be a PDF, Word (.docx) or OpenDocument (.odt) file';
  await expectErrorSummary(masa, [wrongType]);
  await expect(page.locator('#reviewDueOn-year')).toHaveValue('2027');
  await expectLinkFocuses(masa, wrongType, masa.field('Terms of reference document'));

  const pdf = demoPdf('Learning and development terms of reference', ['Purpose and membership.']);
  await chooseFile(page, 'Terms of reference document', {
    name: 'learning-and-development-terms.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await masa.press('Upload terms of reference');
  await expect(banner(page)).toContainText('Terms of reference uploaded');
  await expect(masa.heading()).toHaveText(bodies.learning);
  const row = page.locator('.govuk-summary-list__row', { hasText: 'Terms of reference' });
  await expect(row).toContainText('Review due 1 June 2027');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'Download the terms of reference' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('learning-and-development-terms.pdf');
  expect(await readFile(await download.path())).toEqual(pdf);
});
