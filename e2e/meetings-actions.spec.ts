import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demoPdf } from '../src/demo/demo-pdf.js';
import { Masa } from './support/masa.js';
import { meetingsAdmins, meetingsRegistry, registry } from './support/fixtures.js';
import {
  agendaItem,
  fillDate,
  scheduleMeeting,
  ukDay,
  workingDaysAhead,
} from './support/meetings.js';
import {
  banner,
  expectErrorSummary,
  expectLinkFocuses,
  openRecord,
  signInWithCode,
} from './support/registry.js';

const { bodies, members, overdueAction } = meetingsRegistry;
const trustMember = `${members.trust.fullName} (${registry.agencies.trust})`;
const summaryRow = (masa: Masa, key: string) =>
  masa.page.locator('.govuk-summary-list__row').filter({
    has: masa.page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
  });
const row = (masa: Masa, name: string, text: string) =>
  masa.page.getByRole('region', { name }).locator('tbody tr', { hasText: text });

test("an overdue action's reminder is in the outbox and the action is on the dashboard, the log and its owner's list; a new action is recorded and closed with evidence", async ({
  page,
}) => {
  test.slow(); // a dozen pages, each checked with axe
  const masa = new Masa(page);
  await signInWithCode(masa, meetingsAdmins.actions);

  // The reminder job ran when the server started, after the action fell due.
  await masa.visit('/admin/outbox');
  const reminder = `Overdue action: ${overdueAction}`;
  await masa.follow(reminder);
  await expect(masa.heading()).toHaveText(reminder);
  await expect(page.locator('#main-content')).toContainText(`Dear ${members.trust.fullName},`);
  await expect(page.locator('#main-content')).toContainText('is now overdue');

  await masa.visit('/dashboard');
  await expect(masa.heading()).toHaveText('Business unit dashboard');
  await masa.follow(registry.agencies.trust);
  await expect(row(masa, 'Actions', overdueAction)).toContainText('Overdue');

  await masa.visit('/actions');
  await masa.field('Body').selectOption({ label: bodies.performance });
  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  await masa.press('Show actions');
  await expect(page.getByRole('region', { name: 'Actions' }).locator('tbody tr')).toHaveCount(1);
  await expect(row(masa, 'Actions', overdueAction)).toContainText(members.trust.fullName);

  // This account is the trust member's, so the action is among its own.
  await masa.visit('/actions/mine');
  const mine = `Actions owned by ${members.trust.fullName}`;
  await expect(row(masa, mine, overdueAction)).toContainText('Overdue');
  await masa.follow(overdueAction);
  await expect(masa.heading()).toHaveText(overdueAction);

  // From the action's meeting item, another action: without owner or due date it is refused.
  const item = 'Strategy discussion audit';
  await masa.follow(item);
  await masa.follow(`Add an action on ${item}`);
  await expect(masa.heading()).toHaveText('Add an action');
  const title = 'Share the audit findings with every team manager';
  await masa.field('What is the action?').fill(title);
  await masa.press('Add action');
  await expectErrorSummary(masa, ['Select who owns the action', 'Enter due date']);
  await expect(masa.field('What is the action?')).toHaveValue(title);
  await expectLinkFocuses(masa, 'Select who owns the action', masa.field('Owner'));
  await masa.field('Owner').selectOption({ label: trustMember });
  const due = workingDaysAhead(10);
  await fillDate(page, 'dueOn', due);
  await masa.press('Add action');
  await expect(banner(page)).toContainText('Action added');
  const recorded = agendaItem(page, item).getByRole('listitem').filter({ hasText: title });
  await expect(recorded).toContainText(`${trustMember}, due ${ukDay(due)}`);
  await expect(recorded).toContainText('Open');

  // Closing needs the evidence; with it, the action is closed.
  await masa.follow(title);
  await masa.press('Update this action');
  await expect(masa.heading()).toHaveText('Update the action');
  await masa.field('Update').fill('Shared at the team managers’ meeting on Tuesday.');
  await page.getByRole('radio', { name: 'Closed with evidence' }).check();
  await masa.press('Save update');
  await expectErrorSummary(masa, ['Enter the evidence that the action is complete']);
  await expect(masa.field('Update')).toHaveValue(
    'Shared at the team managers’ meeting on Tuesday.',
  );
  const evidence = 'Minutes of the team managers’ meeting, item 3';
  await masa.field('Evidence that the action is complete').fill(evidence);
  await masa.press('Save update');
  await expect(banner(page)).toContainText('Update recorded');
  await expect(summaryRow(masa, 'Status')).toContainText('Closed with evidence');
  await expect(summaryRow(masa, 'Evidence').locator('.govuk-summary-list__value')).toHaveText(
    evidence,
  );
  await expect(page.getByRole('region', { name: 'Updates' })).toContainText('Open to Closed');
});

test('the business unit’s other meeting pages pass the accessibility check, and a meeting downloads as Word and as a calendar file', async ({
  page,
}) => {
  test.slow(); // many pages, each checked with axe, an upload and two downloads
  const masa = new Masa(page);
  await signInWithCode(masa, meetingsAdmins.pages);

  await masa.visit('/meetings/attendance-statistics');
  await expect(masa.heading()).toHaveText('Attendance statistics');
  await masa.field('Body').selectOption({ label: bodies.performance });
  await masa.press('Show statistics');
  await expect(page.getByRole('region', { name: 'Attendance statistics' })).toBeVisible();

  await masa.visit('/admin/calendar');
  await expect(masa.heading()).toHaveText('Working calendar');

  await openRecord(masa, '/bodies', bodies.partnership);
  await masa.follow(`Standing agenda items of ${bodies.partnership}`);
  await expect(masa.heading()).toHaveText('Standing agenda items');
  await expect(page.getByRole('region', { name: 'Standing agenda items' })).toContainText(
    'Learning from child death reviews',
  );

  // A year of meetings is checked before anything is scheduled; here nothing is.
  await masa.visit('/meetings');
  await masa.press('Schedule a year of meetings');
  await masa.field('Body').selectOption({ label: `${bodies.executive} (monthly)` });
  await fillDate(page, 'firstDay', workingDaysAhead(60));
  await masa.press('Continue');
  await expect(masa.heading()).toHaveText(`Check the meetings of ${bodies.executive}`);
  await expect(page.getByRole('button', { name: /^Schedule these \d+ meetings$/ })).toBeVisible();

  const day = workingDaysAhead(35);
  const meeting = await scheduleMeeting(masa, bodies.executive, day);
  await masa.press('Add an agenda item');
  const item = 'Early help assurance report';
  await masa.field('Title').fill(item);
  await page.getByRole('radio', { name: 'For information' }).check();
  await masa.press('Add agenda item');
  await expect(banner(page)).toContainText('Agenda item added');

  await masa.follow(`Add a paper to ${item}`);
  await expect(masa.heading()).toHaveText('Add a paper');
  await masa.field('Title of the paper').fill('Early help quarterly figures');
  const chooser = page.waitForEvent('filechooser');
  await masa.field('Document').click();
  await (
    await chooser
  ).setFiles({
    name: 'early-help.pdf',
    mimeType: 'application/pdf',
    buffer: demoPdf('Early help quarterly figures', ['Quarter two.']),
  });
  await masa.press('Add paper');
  await expect(banner(page)).toContainText(`Paper added to ${item}`);
  await expect(agendaItem(page, item)).toContainText('Paper: Early help quarterly figures');

  await masa.press('Propose an item');
  await expect(masa.heading()).toHaveText('Propose an agenda item');
  await masa.field('Title').fill('Neglect strategy refresh');
  await page.getByRole('radio', { name: 'For discussion' }).check();
  await masa.field('Why should it be heard?').fill('The strategy is due for review this year.');
  await masa.press('Propose item');
  await expect(banner(page)).toContainText('Your item has been proposed');
  await expect(page.locator('#proposals-table')).toContainText('Waiting for an answer');

  await masa.follow('Write the minutes');
  await expect(masa.heading()).toHaveText(`Minutes of the meeting on ${ukDay(day)}`);
  await masa.follow('Back to the meeting');

  await masa.press('Change the date, time or location');
  await expect(masa.heading()).toHaveText(`Change the meeting on ${ukDay(day)}`);
  await masa.visit(meeting);
  await masa.press('Cancel meeting');
  await expect(masa.heading()).toHaveText(
    `Are you sure you want to cancel the meeting on ${ukDay(day)}?`,
  );
  await masa.visit(meeting);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the agenda and minutes (Word document)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  // A .docx file is a zip archive.
  expect((await readFile(await download.path())).subarray(0, 2).toString()).toBe('PK');
  const word = await page.request.get(`${meeting}/minutes.docx`);
  expect(word.headers()['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(word.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.docx"/);

  const calendar = await page.request.get(`${meeting}/calendar.ics`);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(calendar.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.ics"/);
  const ics = await calendar.text();
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(ics).toContain(`SUMMARY:${bodies.executive}`);
});
