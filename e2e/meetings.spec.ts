import { expect, test } from '@playwright/test';
import { PARTNERSHIP_STANDING_ITEMS } from '../src/demo/demo-standing-items.js';
import { Masa } from './support/masa.js';
import { meetingsAdmins, meetingsRegistry, registry } from './support/fixtures.js';
import {
  agendaItem,
  agendaTitles,
  fillDate,
  policeDeputyChoice,
  quorum,
  recordEveryonePresent,
  scheduleMeeting,
  seatOnForm,
  ukDay,
  workingDaysAhead,
} from './support/meetings.js';
import {
  banner,
  expectErrorSummary,
  expectNoSidewaysScroll,
  signInWithCode,
} from './support/registry.js';

const { bodies, members, policeDeputy } = meetingsRegistry;
const { agencies } = registry;

/*
 * Meeting days, in working days from today. A body's next and previous meetings decide what
 * an agenda carries (minutes to approve, decisions to ratify), so each journey keeps to its
 * own body or its own order of days: the Partnership meets first for the first journey, then
 * after the sub-group for the ratification.
 */
const days = {
  partnershipFirst: workingDaysAhead(15),
  subGroupFirst: workingDaysAhead(20),
  partnershipRatifying: workingDaysAhead(25),
  subGroupNext: workingDaysAhead(30),
  executiveWithoutJavaScript: workingDaysAhead(12),
  executiveOnPhone: workingDaysAhead(13),
};

test('a Partnership meeting is scheduled, its agenda published, attendance recorded until it is quorate, and a decision recorded', async ({
  page,
}) => {
  test.slow(); // a dozen pages and forms, each checked with axe
  const masa = new Masa(page);
  await signInWithCode(masa, meetingsAdmins.scheduling);

  // A meeting that ends before it starts is refused, keeping what was typed.
  await masa.visit('/meetings');
  await masa.press('Schedule a meeting');
  await masa.field('Body').selectOption({ label: bodies.partnership });
  await fillDate(page, 'day', days.partnershipFirst);
  await masa.field('Start time').fill('14:00');
  await masa.field('End time').fill('13:00');
  await masa.press('Schedule meeting');
  await expectErrorSummary(masa, ['The end time must be after the start time']);
  await expect(masa.field('End time')).toHaveValue('13:00');
  await masa.visit(`/meetings?when=all`);
  await expect(page.locator('#main-content')).not.toContainText(ukDay(days.partnershipFirst));

  const meeting = await scheduleMeeting(masa, bodies.partnership, days.partnershipFirst);
  await expect(page.locator('.govuk-summary-list').first()).toContainText('10:00am to 12:00pm');
  // The agenda starts with the Partnership's standing items (section 15).
  await expect(agendaTitles(page)).toHaveText([...PARTNERSHIP_STANDING_ITEMS]);
  await expect(page.getByText('Agenda not published')).toBeVisible();

  await masa.press('Publish agenda');
  await expect(masa.heading()).toHaveText('Publish the agenda');
  await expect(page.locator('#agenda-to-publish > li')).toHaveCount(
    PARTNERSHIP_STANDING_ITEMS.length,
  );
  await masa.press('Publish and email members');
  await expect(banner(page)).toContainText('Agenda published and sent to 4 members');
  await expect(page.getByText('Agenda published', { exact: true })).toBeVisible();
  await expect(page.locator('#agenda-published')).toContainText('Agenda published');

  // The police member is absent: not quorate, naming the police.
  await expect(quorum(page)).toContainText('No attendance recorded yet');
  await masa.follow('Record attendance');
  await expect(masa.heading()).toHaveText('Attendance');
  for (const seat of ['council', 'health', 'trust'] as const)
    await seatOnForm(page, seat).getByRole('radio', { name: 'Present', exact: true }).check();
  const police = seatOnForm(page, 'police');
  await police.getByRole('radio', { name: 'Absent', exact: true }).check();
  // The deputy is chosen only once "Represented by a deputy" is.
  await expect(police.getByLabel('Deputy', { exact: true })).toBeHidden();
  await masa.press('Save attendance');
  await expect(banner(page)).toContainText('Attendance saved');
  await expect(quorum(page).locator('.govuk-tag')).toHaveText('Not quorate');
  await expect(quorum(page)).toContainText(`${agencies.police} is not represented`);
  const attendance = page.locator('#attendance ~ .govuk-summary-list').first();
  await expect(attendance.locator('.govuk-summary-list__row', { hasText: 'Absent' })).toContainText(
    `${members.police.fullName} (${agencies.police})`,
  );

  // The police deputy stands in: quorate.
  await masa.follow('Record attendance');
  await police.getByRole('radio', { name: 'Represented by a deputy' }).check();
  await expect(police.getByLabel('Deputy', { exact: true })).toBeVisible();
  await masa.checkAccessible();
  await police.getByLabel('Deputy', { exact: true }).selectOption({ label: policeDeputyChoice });
  await masa.press('Save attendance');
  await expect(banner(page)).toContainText('Attendance saved');
  await expect(quorum(page).locator('.govuk-tag')).toHaveText('Quorate');
  await expect(quorum(page)).not.toContainText('is not represented');
  await expect(attendance).toContainText(
    `${policeDeputy.fullName} for ${members.police.fullName} (${agencies.police})`,
  );

  const priorities = PARTNERSHIP_STANDING_ITEMS[4];
  await masa.follow(`Record a decision on ${priorities}`);
  await expect(masa.heading()).toHaveText('Record a decision');
  await expect(page.getByText('This meeting is not quorate')).toHaveCount(0);
  const text =
    'Adopt the three strategic priorities for 2027 and publish them in the yearly report.';
  await masa.field('What was decided').fill(text);
  await page.getByRole('radio', { name: 'Decision', exact: true }).check();
  await masa.press('Record decision');
  await expect(banner(page)).toContainText('Decision recorded');
  expect(new URL(page.url()).pathname).toBe(meeting);
  const decided = agendaItem(page, priorities);
  await expect(decided.locator('.masa-decisions')).toContainText(text);
  await expect(decided.locator('.masa-decisions .govuk-tag')).toHaveText('Decision');
});

test("a sub-group's recommendation is ratified by the Partnership; its minutes are circulated, then approved at its next meeting and the meeting's record locked; apologies put the next one at risk on the dashboard", async ({
  page,
}) => {
  // Two bodies, three meetings, the locked record and the dashboard, each page checked with axe.
  test.setTimeout(180_000);
  const masa = new Masa(page);
  await signInWithCode(masa, meetingsAdmins.ratifying);

  const subGroupMeeting = await scheduleMeeting(masa, bodies.subGroup, days.subGroupFirst);
  await expect(page.getByText('No items on the agenda yet.')).toBeVisible();
  await masa.press('Add an agenda item');
  const item = 'Findings of the multi-agency neglect audit';
  await masa.field('Title').fill(item);
  await page.getByRole('radio', { name: 'For decision' }).check();
  await masa.field('Presenter (optional)').fill('Audit lead');
  await masa.press('Add agenda item');
  await expect(banner(page)).toContainText('Agenda item added');
  await expect(agendaTitles(page)).toHaveText([item]);
  await recordEveryonePresent(masa, subGroupMeeting);

  await masa.follow(`Record a decision on ${item}`);
  const recommendation =
    'Every agency adopts the graded care profile for neglect from April.\nThe sub-group reviews its use in six months.';
  await masa.field('What was decided').fill(recommendation);
  await page.getByRole('radio', { name: 'Recommendation' }).check();
  await page
    .getByRole('checkbox', {
      name: `This affects the arrangements: it needs ratification by ${bodies.partnership}`,
    })
    .check();
  await masa.press('Record decision');
  await expect(banner(page)).toContainText('Decision recorded');
  const decisions = agendaItem(page, item).locator('.masa-decisions');
  await expect(decisions.locator('.govuk-tag')).toHaveText('Recommendation');
  await expect(decisions).toContainText(`Awaiting ratification by ${bodies.partnership}`);

  // Scheduled after the recommendation, the Partnership's next meeting carries it.
  const partnershipMeeting = await scheduleMeeting(
    masa,
    bodies.partnership,
    days.partnershipRatifying,
  );
  const forRatification =
    'For ratification: Every agency adopts the graded care profile for neglect from April.';
  await expect(agendaTitles(page).last()).toHaveText(forRatification);
  const ratifying = agendaItem(page, forRatification);
  await expect(ratifying).toContainText(
    `Decided by ${bodies.subGroup} at its meeting on ${ukDay(days.subGroupFirst)}`,
  );
  await recordEveryonePresent(masa, partnershipMeeting);
  await masa.follow(`Record the outcome of ${forRatification}`);
  await expect(masa.heading()).toHaveText('Record the outcome of the ratification');
  await expect(page.locator('#decision-to-ratify')).toContainText('graded care profile');
  await page.getByRole('radio', { name: 'Ratified', exact: true }).check();
  await masa.press('Record outcome');
  await expect(banner(page)).toContainText('Outcome of the ratification recorded');
  await expect(ratifying.locator('.masa-decisions .govuk-tag')).toHaveText('Ratified');

  const ratified = `Ratified by ${bodies.partnership} on ${ukDay(days.partnershipRatifying)}`;
  await masa.visit(subGroupMeeting);
  await expect(decisions.locator('.masa-ratification-state')).toHaveText(ratified);

  // The decisions register, reached from the meetings page, lists it with its status.
  await masa.visit('/meetings');
  await masa.follow('Decisions register');
  await expect(masa.heading()).toHaveText('Decisions register');
  const registered = page
    .locator('#decisions-register tbody tr')
    .filter({ hasText: bodies.subGroup })
    .filter({ hasText: 'graded care profile' });
  await expect(registered.locator('.govuk-tag')).toHaveText('Ratified');
  await masa.visit(subGroupMeeting);

  // Minuted, circulated, and approved at the sub-group's next meeting.
  await masa.follow('Write the minutes');
  const minute = 'The group heard the audit: neglect was recognised late in six of ten cases.';
  await masa.field(`1. ${item}`).fill(minute);
  await masa.press('Save minutes');
  await expect(banner(page)).toContainText('Minutes saved');
  await masa.visit(subGroupMeeting);
  await expect(page.locator(`.masa-item-minute`)).toContainText(minute);
  await masa.follow('Circulate the minutes');
  await expect(masa.heading()).toHaveText('Circulate the minutes?');
  await expect(page.locator('#circulation-recipients li')).toHaveCount(4);
  await masa.press('Yes, circulate the minutes');
  await expect(banner(page)).toContainText('Minutes circulated to');
  await expect(page.getByText('Minutes circulated', { exact: true })).toBeVisible();

  const nextMeeting = await scheduleMeeting(masa, bodies.subGroup, days.subGroupNext);
  const approvalItem = `Minutes of the meeting of ${ukDay(days.subGroupFirst)}`;
  await expect(agendaTitles(page).first()).toHaveText(approvalItem);
  await recordEveryonePresent(masa, nextMeeting);
  await masa.press(`Approve the minutes of ${ukDay(days.subGroupFirst)}`);
  await expect(masa.heading()).toHaveText(`Approve the minutes of ${ukDay(days.subGroupFirst)}?`);
  await masa.press('Yes, approve the minutes');
  await expect(banner(page)).toContainText(`Minutes of ${ukDay(days.subGroupFirst)} approved`);
  await expect(agendaItem(page, approvalItem)).toContainText('were approved at this meeting');

  const locked = `The minutes were approved at the meeting on ${ukDay(days.subGroupNext)} and are locked`;
  await masa.visit(subGroupMeeting);
  await expect(page.getByText('Minutes approved', { exact: true })).toBeVisible();
  await expect(page.locator('#minutes-locked')).toHaveText(`${locked}.`);
  await expect(page.getByRole('link', { name: 'Change the minutes' })).toHaveCount(0);
  await masa.visit(`${subGroupMeeting}/minutes`);
  await expect(page.locator('#minutes')).toHaveText(locked);
  await expect(page.getByRole('button', { name: 'Save minutes' })).toHaveCount(0);
  await expect(page.getByText(minute)).toBeVisible();

  // The approved meeting's whole record is read-only: a correction is an erratum later.
  await masa.visit(subGroupMeeting);
  await expect(page.locator('#approved-record')).toContainText(
    `corrections are recorded as an erratum at a later meeting of ${bodies.subGroup}`,
  );
  for (const name of ['Record attendance', `Record a decision on ${item}`])
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  for (const name of [/^Change/, /^Cancel meeting/])
    await expect(page.getByRole('button', { name })).toHaveCount(0);

  // Apologies from the sub-group's only police member, who has no deputy there: the
  // dashboard names the partner at risk.
  await masa.visit(`${nextMeeting}/attendance`);
  await seatOnForm(page, 'police').getByRole('radio', { name: 'Apologies', exact: true }).check();
  await masa.press('Save attendance');
  await expect(banner(page)).toContainText('Attendance saved');
  await masa.visit('/dashboard');
  const next = page
    .locator('#next-meetings + table tbody tr')
    .filter({ hasText: bodies.subGroup })
    .filter({ hasText: ukDay(days.subGroupNext) });
  await expect(next.locator('.govuk-tag')).toHaveText('At risk');
  await expect(next).toContainText(
    `${agencies.police}: apologies from ${members.police.fullName}. No deputy has delegated authority on ${ukDay(days.subGroupNext)}.`,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the attendance form shows each deputy choice, refuses a deputy not chosen, and records one', async ({
    page,
  }) => {
    test.slow(); // each page is checked again in a second browser context that runs axe
    const masa = new Masa(page, { javaScript: false });
    await signInWithCode(masa, meetingsAdmins.attendanceWithoutJavaScript);
    const meeting = await scheduleMeeting(masa, bodies.executive, days.executiveWithoutJavaScript);
    await masa.follow('Record attendance');
    const police = seatOnForm(page, 'police');
    // Nothing is hidden without the script: the deputy's choice shows under its radio.
    await expect(police.getByLabel('Deputy', { exact: true })).toBeVisible();
    for (const seat of ['council', 'health', 'trust'] as const)
      await seatOnForm(page, seat).getByRole('radio', { name: 'Present', exact: true }).check();
    await police.getByRole('radio', { name: 'Represented by a deputy' }).check();
    await masa.press('Save attendance');
    await expect(masa.errorSummary().getByRole('link')).toHaveText([
      `Select the deputy who represented ${members.police.fullName}`,
    ]);
    await expect(police.getByRole('radio', { name: 'Represented by a deputy' })).toBeChecked();
    await expect(
      seatOnForm(page, 'trust').getByRole('radio', { name: 'Present', exact: true }),
    ).toBeChecked();
    await masa.visit(meeting);
    await expect(quorum(page)).toContainText('No attendance recorded yet');

    await masa.follow('Record attendance');
    for (const seat of ['council', 'health', 'trust'] as const)
      await seatOnForm(page, seat).getByRole('radio', { name: 'Present', exact: true }).check();
    await police.getByRole('radio', { name: 'Represented by a deputy' }).check();
    await police.getByLabel('Deputy', { exact: true }).selectOption({ label: policeDeputyChoice });
    await masa.press('Save attendance');
    await expect(banner(page)).toContainText('Attendance saved');
    await expect(quorum(page).locator('.govuk-tag')).toHaveText('Quorate');
    await expect(page.locator('#main-content')).toContainText(
      `${policeDeputy.fullName} for ${members.police.fullName} (${agencies.police})`,
    );
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the meeting page and the attendance form fit the screen', async ({ page }) => {
    const masa = new Masa(page);
    await signInWithCode(masa, meetingsAdmins.onPhone);
    const meeting = await scheduleMeeting(masa, bodies.executive, days.executiveOnPhone);
    await expectNoSidewaysScroll(page);
    await masa.follow('Record attendance');
    await expectNoSidewaysScroll(page);
    const police = seatOnForm(page, 'police');
    await police.getByRole('radio', { name: 'Represented by a deputy' }).check();
    await police.getByLabel('Deputy', { exact: true }).selectOption({ label: policeDeputyChoice });
    await masa.checkAccessible();
    await expectNoSidewaysScroll(page);
    for (const seat of ['council', 'health', 'trust'] as const)
      await seatOnForm(page, seat).getByRole('radio', { name: 'Present', exact: true }).check();
    await masa.press('Save attendance');
    await expect(banner(page)).toContainText('Attendance saved');
    expect(new URL(page.url()).pathname).toBe(meeting);
    await expect(quorum(page).locator('.govuk-tag')).toHaveText('Quorate');
    await expectNoSidewaysScroll(page);
  });
});
