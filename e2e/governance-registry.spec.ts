import { expect, test } from '@playwright/test';
import { Masa } from './support/masa.js';
import { registry, registryAdmins, registryMembers } from './support/fixtures.js';
import {
  banner,
  expectErrorSummary,
  expectLinkFocuses,
  openRecord,
  signInWithCode,
  ukToday,
} from './support/registry.js';

const { agencies, bodies, people } = registry;

test('an administrator adds a safeguarding partner, a person there and a body, and makes the person a member', async ({
  page,
}) => {
  test.slow(); // four records added through their forms, each page checked with axe
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.building);

  await masa.follow('Governance');
  await expect(masa.heading()).toHaveText('Governance');
  await masa.follow('Agencies');
  await masa.press('Add an agency');
  await masa.field('Name').fill('Riverside Integrated Care Board');
  await page.getByRole('radio', { name: 'Health commissioner' }).check();
  await page.getByRole('checkbox', { name: 'Statutory safeguarding partner' }).check();
  await masa.press('Save');
  await expect(banner(page)).toContainText('Agency added');
  await expect(masa.heading()).toHaveText('Riverside Integrated Care Board');
  await expect(page.locator('.govuk-summary-list')).toContainText('Health commissioner');
  await masa.press('Change details');
  await expect(
    page.getByRole('checkbox', { name: 'Statutory safeguarding partner' }),
  ).toBeChecked();
  await page.getByRole('checkbox', { name: 'Relevant agency' }).check();
  await masa.press('Save');
  await expect(banner(page)).toContainText('Agency updated');
  await expect(
    page.locator('.govuk-summary-list__row', { hasText: 'Relevant agency' }),
  ).toContainText('Yes');

  await masa.visit('/people/new');
  await masa.field('Full name').fill('Amara Osei');
  await masa.field('Job title').fill('Head of Safeguarding');
  await masa.field('Agency').selectOption({ label: 'Riverside Integrated Care Board' });
  await masa.field('Work email address').fill('amara.osei@riverside-icb.example');
  await masa.press('Save');
  await expect(banner(page)).toContainText('Person added');
  await expect(masa.heading()).toHaveText('Amara Osei');

  // A second person with the same work email is refused, keeping what was typed.
  await masa.visit('/people/new');
  await masa.field('Full name').fill('Kwame Mensah');
  await masa.field('Job title').fill('Named Nurse');
  await masa.field('Agency').selectOption({ label: 'Riverside Integrated Care Board' });
  await masa.field('Work email address').fill('amara.osei@riverside-icb.example');
  await masa.press('Save');
  const duplicate = 'Someone in this partnership already has this email address';
  await expectErrorSummary(masa, [duplicate]);
  await expect(masa.field('Full name')).toHaveValue('Kwame Mensah');
  await expectLinkFocuses(masa, duplicate, masa.field('Work email address'));

  await masa.visit('/bodies');
  await masa.press('Add a body');
  await masa.field('Name').fill('Health Assurance Sub-group');
  await page.getByRole('radio', { name: 'Sub-group' }).check();
  await masa.field('Reports to').selectOption({ label: bodies.forum });
  await page.getByRole('radio', { name: 'Bi-monthly' }).check();
  await masa.press('Save');
  await expect(banner(page)).toContainText('Body added');
  await expect(masa.heading()).toHaveText('Health Assurance Sub-group');
  await expect(page.locator('.govuk-summary-list')).toContainText(bodies.forum);

  await masa.press('Add a member');
  await expect(masa.heading()).toHaveText('Add a member to a body');
  await expect(masa.field('Body')).toHaveValue(/.+/);
  await masa.field('Person').selectOption({
    label: 'Amara Osei, Head of Safeguarding, Riverside Integrated Care Board',
  });
  await page.getByRole('radio', { name: 'Safeguarding partner' }).check();
  await page.getByRole('checkbox', { name: 'Has decision-making rights' }).check();
  const startDay = page.locator('#startsOn-day');
  await startDay.fill('31');
  await page.locator('#startsOn-month').fill('2');
  await page.locator('#startsOn-year').fill('2026');
  await masa.press('Save');
  const badDate = 'Start date must be a real date';
  await expectErrorSummary(masa, [badDate]);
  await expect(startDay).toHaveValue('31');
  await expectLinkFocuses(masa, badDate, startDay);

  await startDay.fill('1');
  await page.locator('#startsOn-month').fill('4');
  await masa.press('Save');
  await expect(banner(page)).toContainText('Member added');
  await expect(masa.heading()).toHaveText('Amara Osei on Health Assurance Sub-group');
  await expect(page.locator('.govuk-summary-list')).toContainText('From 1 April 2026');
  await masa.press('Change membership');
  await page.getByRole('checkbox', { name: 'Induction booklet' }).check();
  await page.getByRole('checkbox', { name: 'Templates' }).check();
  await masa.press('Save');
  await expect(banner(page)).toContainText('Membership updated');
  const induction = page.locator('.govuk-summary-list__row', { hasText: 'Induction' });
  await expect(induction).toContainText('Induction booklet: done');
  await expect(induction).toContainText('Standards and expectations: not yet');

  await masa.follow('Back to Health Assurance Sub-group');
  const members = page.getByRole('region', { name: 'Members' });
  await expect(members).toContainText('Amara Osei');
  await expect(members).toContainText('Riverside Integrated Care Board');
  await expect(members).toContainText('Safeguarding partner');
});

test('a reporting line that would make a loop is refused; the quorum rule becomes chosen agencies and a head count', async ({
  page,
}) => {
  test.slow(); // two forms refused and saved, each page checked with axe
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.reporting);

  // The task and finish group reports to the priority group: the priority group cannot report to it.
  await openRecord(masa, '/bodies', bodies.exploitation);
  await masa.press('Change details');
  await masa.field('Reports to').selectOption({ label: bodies.missing });
  await masa.press('Save');
  const loop = `${bodies.missing} already reports to this body, so this body cannot report to it`;
  await expectErrorSummary(masa, [loop]);
  await expectLinkFocuses(masa, loop, masa.field('Reports to'));
  await openRecord(masa, '/bodies', bodies.exploitation);
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Reports to' })).toContainText(
    bodies.forum,
  );

  await masa.follow(`Change the quorum rule for ${bodies.exploitation}`);
  await expect(masa.heading()).toHaveText('Quorum rule');
  const chosen = page.getByRole('radio', { name: 'These agencies' });
  const police = page.getByRole('checkbox', { name: agencies.police });
  // The agencies to choose from are revealed only once "These agencies" is chosen.
  await expect(police).toBeHidden();
  await chosen.check();
  await expect(police).toBeVisible();
  const revealed = page.locator(`#${await chosen.getAttribute('aria-controls')}`);
  await expect(revealed).toContainText('Agencies that must be present');
  await masa.checkAccessible();
  await police.check();
  await page.getByRole('checkbox', { name: agencies.council }).check();
  await page.getByRole('checkbox', { name: agencies.health }).check();
  await page.getByRole('checkbox', { name: agencies.health }).uncheck();
  await masa
    .field('Minimum number of people with decision-making rights present (optional)')
    .fill('4');
  await masa.press('Save quorum rule');
  await expect(banner(page)).toContainText('Quorum rule updated');
  await expect(page.locator('#quorum-agencies li')).toHaveText([agencies.police, agencies.council]);
  await expect(page.locator('#main-content')).toContainText(
    'At least 4 people with decision-making rights must be present.',
  );

  // A body that others report to cannot close until they report elsewhere.
  await masa.press('Close body');
  await expect(masa.heading()).toHaveText(`You cannot close ${bodies.exploitation} yet`);
  await expect(page.locator('#close-blockers')).toContainText(
    `1 body still reports to it (${bodies.missing})`,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the quorum rule form shows every choice and saves chosen agencies', async ({ page }) => {
    const masa = new Masa(page, { javaScript: false });
    await signInWithCode(masa, registryAdmins.quorumWithoutJavaScript);
    await openRecord(masa, '/bodies', bodies.missing);
    await masa.follow(`Change the quorum rule for ${bodies.missing}`);
    // Nothing is hidden without the script: the agencies show beside their radio.
    await expect(page.getByRole('checkbox', { name: agencies.trust })).toBeVisible();
    await page.getByRole('radio', { name: 'These agencies' }).check();
    await page.getByRole('checkbox', { name: agencies.trust }).check();
    await page.getByRole('checkbox', { name: agencies.police }).check();
    await masa.press('Save quorum rule');
    await expect(banner(page)).toContainText('Quorum rule updated');
    await expect(page.locator('#quorum-agencies li')).toHaveText([agencies.trust, agencies.police]);
  });
});

test('a deputy from another agency is refused; a colleague is named deputy, then the delegation ends', async ({
  page,
}) => {
  test.slow(); // two tabs, and a confirmation page
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.deputies);
  const { member, deputy, movingColleague } = people;
  const membershipTitle = `${member.fullName} on ${bodies.practice}`;

  await openRecord(masa, '/bodies', bodies.practice);
  await page.getByRole('link', { name: `View membership of ${member.fullName}` }).click();
  await masa.checkAccessible();
  await expect(masa.heading()).toHaveText(membershipTitle);
  await masa.press('Add a deputy');
  // Only the member's colleagues at the police are offered.
  const deputyField = masa.field('Deputy');
  await expect(deputyField.locator('option')).toHaveText([
    'Select a deputy',
    `${movingColleague.fullName}, ${movingColleague.jobTitle}`,
    'Marcus Bell, Chief Superintendent',
    `${deputy.fullName}, ${deputy.jobTitle}`,
  ]);
  await deputyField.selectOption({
    label: `${movingColleague.fullName}, ${movingColleague.jobTitle}`,
  });

  // Meanwhile, in another tab, that colleague moves to the council.
  const other = new Masa(await page.context().newPage());
  await openRecord(other, '/people', movingColleague.fullName);
  await other.press('Change details');
  await other.field('Agency').selectOption({ label: agencies.council });
  await other.press('Save');
  await expect(banner(other.page)).toContainText('Person updated');
  await other.page.close();

  await masa.press('Add deputy');
  const refused = `${movingColleague.fullName} works for ${agencies.council}: a deputy must belong to ${agencies.police}, the agency they deputise for`;
  await expectErrorSummary(masa, [refused]);
  await expectLinkFocuses(masa, refused, deputyField);
  await expect(deputyField.locator('option')).not.toContainText([movingColleague.fullName]);

  await deputyField.selectOption({ label: `${deputy.fullName}, ${deputy.jobTitle}` });
  await page.locator('#startsOn-day').fill('1');
  await page.locator('#startsOn-month').fill('9');
  await page.locator('#startsOn-year').fill('2026');
  await masa.press('Add deputy');
  await expect(banner(page)).toContainText('Deputy added');
  const deputies = page.locator('#deputies ~ table').first();
  await expect(deputies).toContainText(deputy.fullName);
  await expect(deputies).toContainText('From 1 September 2026');

  await masa.follow(`End delegation of ${deputy.fullName}`);
  await expect(masa.heading()).toHaveText(
    `Are you sure you want to end ${deputy.fullName}'s delegation for ${member.fullName}?`,
  );
  await masa.press('Yes, end delegation');
  await expect(banner(page)).toContainText(`${deputy.fullName}'s delegation has ended`);
  // Today is the last day the deputy may act.
  await expect(deputies).toContainText(`From 1 September 2026 to ${ukToday()}`);

  await masa.press('End membership');
  await expect(masa.heading()).toHaveText(
    `Are you sure you want to end ${member.fullName}'s membership of ${bodies.practice}?`,
  );
  await masa.press('Yes, end membership');
  await expect(banner(page)).toContainText(
    `${member.fullName}'s membership of ${bodies.practice} has ended`,
  );
  await expect(masa.heading()).toHaveText(bodies.practice);
  await expect(page.getByRole('region', { name: 'Members' })).toContainText(
    `From 1 April 2024 to ${ukToday()}`,
  );
});

test('an agency with active members says what to do first; a person who leaves has their memberships ended', async ({
  page,
}) => {
  test.slow(); // two closings, each with its confirmation page
  const masa = new Masa(page);
  await signInWithCode(masa, registryAdmins.closing);
  const { leaving } = people;

  await openRecord(masa, '/agencies', agencies.academyTrust);
  await masa.press('Close agency');
  await expect(masa.heading()).toHaveText(`You cannot close ${agencies.academyTrust} yet`);
  await expect(page.locator('#close-blockers li')).toHaveText([
    "1 membership still represents this agency: end it on the bodies' pages first.",
    '1 person at this agency is still active: close them, or move them to another agency, first.',
  ]);
  await expect(page.getByRole('button', { name: 'Yes, close it' })).toHaveCount(0);

  await masa.visit('/people?q=Reyes');
  await masa.follow(leaving.fullName);
  await masa.press('Record that they have left');
  await expect(masa.heading()).toHaveText(`Are you sure you want to close ${leaving.fullName}?`);
  await expect(page.locator('#close-effects li')).toHaveText([
    `end their membership of ${bodies.education} (Relevant partner) today`,
  ]);
  await masa.press('Yes, close it');
  await expect(banner(page)).toContainText(`${leaving.fullName} is closed`);
  await expect(page.locator('.govuk-summary-list')).toContainText('Closed');
  await expect(page.getByRole('region', { name: 'Memberships' })).toContainText(
    `From 1 April 2024 to ${ukToday()}`,
  );
  await expect(page.getByRole('button', { name: 'Change details' })).toHaveCount(0);

  // With nobody left there, the agency can close.
  await openRecord(masa, '/agencies', agencies.academyTrust);
  await masa.press('Close agency');
  await expect(masa.heading()).toHaveText(
    `Are you sure you want to close ${agencies.academyTrust}?`,
  );
  await masa.press('Yes, close it');
  await expect(banner(page)).toContainText(`${agencies.academyTrust} is closed`);
  await masa.visit('/agencies?show=closed');
  await expect(page.getByRole('region', { name: 'Agencies' })).toContainText(agencies.academyTrust);

  // The reference group it sat on closes too, after its confirmation page.
  await openRecord(masa, '/bodies', bodies.education);
  await masa.press('Close body');
  await expect(masa.heading()).toHaveText(`Are you sure you want to close ${bodies.education}?`);
  await masa.press('Yes, close it');
  await expect(banner(page)).toContainText(`${bodies.education} is closed`);
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Status' })).toContainText(
    'Closed',
  );
});

test('a member reads the lists and records, with search, filters and pages, but cannot change them', async ({
  page,
}) => {
  test.slow(); // many pages read, each checked with axe
  const masa = new Masa(page);
  await masa.signIn(registryMembers.reading.email);
  await expect(masa.heading()).toHaveText(`Welcome, ${registryMembers.reading.displayName}`);

  await masa.follow('Governance');
  await expect(page.getByRole('link', { name: 'Import people and memberships' })).toHaveCount(0);
  await masa.follow('Agencies');
  await expect(page.getByRole('button', { name: 'Add an agency' })).toHaveCount(0);
  const table = page.getByRole('region', { name: 'Agencies' }).locator('tbody tr');
  await expect(table).toHaveCount(25);
  await expect(page.locator('#main-content')).not.toContainText(agencies.closed);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('link', { name: 'Next' }).click();
  await masa.checkAccessible();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.first()).toBeVisible();
  await expect(pagination.getByRole('link', { name: 'Previous' })).toBeVisible();

  await masa.visit('/agencies');
  await masa.field('Search by name').fill('Primary School');
  await masa.field('Type').selectOption({ label: 'Education' });
  await masa.press('Search');
  await expect(page.getByText(`${registry.schools.length} results`)).toBeVisible();
  await masa.field('Search by name').fill('');
  await masa.field('Type').selectOption({ label: 'Police' });
  await masa.press('Search');
  await expect(table).toHaveCount(1);
  await expect(table).toContainText(agencies.police);
  await masa.field('Type').selectOption({ label: 'Any' });
  await masa.field('Show').selectOption({ label: 'Closed only' });
  await masa.press('Search');
  await expect(table.filter({ hasText: agencies.closed })).toHaveCount(1);
  await expect(table.filter({ hasText: agencies.closed })).toContainText('Closed');

  await masa.follow(agencies.closed);
  await expect(page.locator('.govuk-summary-list')).toContainText('Closed');

  await openRecord(masa, '/agencies', agencies.police);
  await expect(page.locator('#agency-people')).toContainText(people.member.fullName);
  for (const name of ['Change details', 'Close agency'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);

  await openRecord(masa, '/people', people.member.fullName);
  for (const name of ['Change details', 'Add to a body', 'Record that they have left'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);

  await openRecord(masa, '/bodies', bodies.forum);
  await expect(page.getByRole('region', { name: 'Members' })).toContainText('Helen Ward');
  for (const name of ['Change details', 'Add a member', 'Close body'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Change the quorum rule/ })).toHaveCount(0);
  await page
    .getByRole('link', { name: `View membership of Helen Ward on ${bodies.forum}` })
    .click();
  await masa.checkAccessible();
  await expect(masa.heading()).toHaveText(`Helen Ward on ${bodies.forum}`);
  for (const name of ['Change membership', 'End membership', 'Add a deputy'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);

  for (const path of ['/agencies/new', '/people/new', '/bodies/new']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await masa.checkAccessible();
    await expect(masa.heading()).toHaveText('You cannot see this page');
  }
});
