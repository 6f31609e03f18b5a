import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { workingCalendar, type IsoDate } from '../src/platform/working-days.js';
import { demoPdf } from '../src/demo/demo-pdf.js';
import { Masa } from './support/masa.js';
import { meetingsRegistry, registry, reviewsAdmins } from './support/fixtures.js';
import { fillDate, recordEveryonePresent, ukDay, workingDaysAhead } from './support/meetings.js';
import {
  banner,
  expectErrorSummary,
  expectNoSidewaysScroll,
  signInWithCode,
} from './support/registry.js';

const { agencies } = registry;
/** Fictional children: no real person has these names. */
const child = 'Tamsin Wrenfield';
const sibling = 'Corin Wrenfield';

/*
 * The case's days, in working days from today, in the order they happened: the incident
 * comes to light, the Panel is told, agencies return chronologies, the rapid review meets
 * and decides, the Panel answers, and the practice review runs to publication today, on
 * short notice, a working day after its final report went to the Panel.
 */
const days = {
  aware: workingDaysAhead(-8),
  panelNotified: workingDaysAhead(-7),
  partnersTold: workingDaysAhead(-6),
  requested: workingDaysAhead(-6),
  returned: workingDaysAhead(-5),
  meeting: workingDaysAhead(-4),
  sentToPanel: workingDaysAhead(-3),
  panelResponse: workingDaysAhead(-2),
  reviewDecided: workingDaysAhead(-2),
  finalReportSent: workingDaysAhead(-1),
  today: workingDaysAhead(0),
  milestone: workingDaysAhead(20),
  actionDue: workingDaysAhead(30),
};
const calendar = workingCalendar();
const notifyBy = calendar.addWorkingDays(days.aware, 5);
const reference = `SI-${days.today.slice(0, 4)}-091`;
const actionTitle = 'Audit how strategy discussions record the views of the child';
const actionSource = `Review ${reference}, recommendation 1`;
const councilOwner = `${meetingsRegistry.members.council.fullName} (${agencies.council})`;

const summaryRow = (page: Page, key: string) =>
  page.locator('.govuk-summary-list__row').filter({
    has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
  });
const main = (page: Page) => page.locator('#main-content');

/** Clicks a download link and gives back what the browser received. */
async function download(page: Page, link: string): Promise<Download> {
  const [received] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  return received;
}

async function expectWordDocument(received: Download) {
  expect(received.suggestedFilename()).toMatch(/\.docx$/);
  expect(received.suggestedFilename()).not.toContain('Wrenfield');
  // A .docx file is a zip archive.
  expect((await readFile(await received.path())).subarray(0, 2).toString()).toBe('PK');
}

/** Fills the notification form for a serious incident about `child`, known since `awareOn`. */
async function fillNotification(
  masa: Masa,
  caseReference: string,
  dates: { awareOn: IsoDate; panelNotifiedOn: IsoDate },
) {
  const { page } = masa;
  await masa.field('Case reference').fill(caseReference);
  await page.getByRole('radio', { name: 'Serious incident' }).check();
  await fillDate(page, 'awareOn', dates.awareOn);
  for (const criterion of [
    'Abuse or neglect is known or suspected',
    'The child has been seriously harmed',
  ])
    await page.getByRole('checkbox', { name: criterion, exact: true }).check();
  for (const agency of [agencies.council, agencies.police, agencies.health])
    await page.getByRole('checkbox', { name: agency, exact: true }).check();
  await fillDate(page, 'panelNotifiedOn', dates.panelNotifiedOn);
  await masa.field("Child's full name").fill(child);
}

/** Adds the case's first recommendation, for the council and the police, from the case page. */
async function addRecommendation(masa: Masa) {
  await masa.follow('Add a recommendation');
  await masa
    .field('Recommendation')
    .fill('Agencies share concerns about a home at the first strategy discussion.');
  for (const agency of [agencies.council, agencies.police])
    await masa.page.getByRole('checkbox', { name: agency, exact: true }).check();
  await masa.press('Add recommendation');
  await expect(banner(masa.page)).toContainText('Recommendation 1 added');
}

/** Fills and sends the form for an action on recommendation 1, owned by the council. */
async function sendAction(masa: Masa, title: string) {
  await masa.field('What is the action?').fill(title);
  await masa.field('Owner').selectOption({ label: councilOwner });
  await fillDate(masa.page, 'dueOn', days.actionDue);
  await masa.press('Add action');
}

test('a serious incident goes from notification through its rapid review to a published practice review with an action plan', async ({
  page,
}) => {
  // Some forty pages, each checked with axe, an upload and two downloads: about a minute
  // alone, more beside another worker on two cores.
  test.setTimeout(240_000);
  const masa = new Masa(page);
  await signInWithCode(masa, reviewsAdmins.caseTeam);

  // The notification: the Panel cannot have been told before the local authority knew.
  await masa.visit('/reviews');
  await expect(masa.heading()).toHaveText('Case reviews');
  await masa.press('Record a notification');
  await expect(masa.heading()).toHaveText('Record a serious incident notification');
  await fillNotification(masa, reference, {
    awareOn: days.aware,
    panelNotifiedOn: workingDaysAhead(-9),
  });
  await masa.press('Record notification');
  await expectErrorSummary(masa, [
    `The date the Panel was notified must be on or after the date the local authority became aware (${ukDay(days.aware)})`,
  ]);
  await expect(masa.field("Child's full name")).toHaveValue(child);
  await expect(page.getByRole('checkbox', { name: agencies.police, exact: true })).toBeChecked();

  // Recorded before anyone was told: the 5 working-day clock shows, already overdue.
  for (const part of ['day', 'month', 'year'])
    await page.locator(`#panelNotifiedOn-${part}`).clear();
  await masa.press('Record notification');
  await expect(banner(page)).toContainText(`Case ${reference} recorded. You are on its case team.`);
  await expect(masa.heading()).toContainText(`Case ${reference}`);
  await expect(masa.heading()).toContainText('Serious incident notification');
  const casePath = new URL(page.url()).pathname;
  const deadlines = page.getByRole('region', { name: 'Statutory clocks' });
  const notifyPanel = deadlines.getByRole('row', { name: /Notify the national Panel/ });
  await expect(notifyPanel).toContainText(ukDay(notifyBy));
  await expect(notifyPanel).toContainText('Overdue');
  await expect(notifyPanel).toContainText(
    '5 working days from the day the local authority became aware',
  );

  await masa.follow('Change the notification (Notification)');
  await expect(masa.heading()).toHaveText('Change the notification');
  await fillDate(page, 'panelNotifiedOn', days.panelNotified);
  await fillDate(page, 'ofstedNotifiedOn', days.panelNotified);
  await fillDate(page, 'partnersNotifiedOn', days.partnersTold);
  await masa.press('Save notification');
  await expect(banner(page)).toContainText('Notification details saved');
  await expect(notifyPanel).toContainText(`Met on ${ukDay(days.panelNotified)}`);
  await expect(summaryRow(page, 'Safeguarding partners told')).toContainText(
    ukDay(days.partnersTold),
  );
  // Notified, but the rapid review is not started: the case is still at its notification.
  await expect(masa.heading()).toContainText('Serious incident notification');

  await masa.follow('Add a child');
  await masa.field("Child's full name").fill(sibling);
  await masa.press('Add child');
  await expect(banner(page)).toContainText('Child added');
  await expect(summaryRow(page, 'Name')).toHaveText([new RegExp(child), new RegExp(sibling)]);

  // The rapid review: the police are asked for a chronology, which comes back as a PDF.
  await masa.press('Start the rapid review');
  await expect(banner(page)).toContainText('Rapid review started');
  await expect(masa.heading()).toContainText('Rapid review');
  await masa.follow('Ask an agency for information');
  await expect(masa.heading()).toHaveText('Ask an agency for information');
  await masa.field('Which agency is asked?').selectOption({ label: agencies.police });
  await page.getByRole('radio', { name: 'A chronology of involvement' }).check();
  await fillDate(page, 'requestedOn', days.requested);
  await masa.press('Record the request');
  await expect(banner(page)).toContainText(`Information requested from ${agencies.police}`);
  const requests = page.getByRole('region', { name: 'Information requested from agencies' });
  const policeRequest = requests.getByRole('row', { name: new RegExp(agencies.police) });
  await expect(policeRequest).toContainText(ukDay(days.requested));

  await masa.follow(`Add a document from ${agencies.police}`);
  await page.getByRole('radio', { name: 'Chronology', exact: true }).check();
  await fillDate(page, 'returnedOn', days.returned);
  const chooser = page.waitForEvent('filechooser');
  await masa.field('Document').click();
  await (
    await chooser
  ).setFiles({
    name: 'police-chronology.pdf',
    mimeType: 'application/pdf',
    buffer: demoPdf('Police chronology', ['Fictional test document.']),
  });
  await masa.press('Add the document');
  await expect(banner(page)).toContainText(`Document from ${agencies.police} added`);
  await expect(policeRequest).toContainText(`Returned on ${ukDay(days.returned)}`);
  await expect(
    requests.getByRole('link', { name: `Chronology from ${agencies.police}` }),
  ).toBeVisible();

  // Its meeting, scheduled from the case: until attendance makes it quorate, no outcome.
  const rapidReviewCard = ' (Meeting, outcome and the Panel)';
  const { performance } = meetingsRegistry.bodies;
  await masa.follow(`Arrange the rapid review meeting${rapidReviewCard}`);
  await expect(masa.heading()).toHaveText('The rapid review meeting');
  await page.getByRole('radio', { name: 'Schedule a new meeting' }).check();
  await masa.field('Which body meets?').selectOption({ label: performance });
  await fillDate(page, 'day', days.meeting);
  await masa.field('Start time').fill('10:00');
  await masa.field('End time').fill('12:00');
  await masa.press('Save the meeting');
  await expect(banner(page)).toContainText('Rapid review meeting saved');
  await expect(summaryRow(page, 'Quorum')).toContainText('Not quorate');
  const meetingLink = page.getByRole('link', { name: new RegExp(`^${performance}, `) });
  const meetingPath = (await meetingLink.getAttribute('href'))!;

  const recordOutcome = async () => {
    await page
      .getByRole('radio', { name: 'Hold a local child safeguarding practice review (LCSPR)' })
      .check();
    await page.getByRole('checkbox', { name: /^Reg\. 11\(a\)/ }).check();
    await page.getByRole('checkbox', { name: /^Reg\. 11\(c\)/ }).check();
    await masa
      .field('Rationale')
      .fill('Agencies did not share what they knew about the home; the partners see learning.');
    await fillDate(page, 'decidedOn', days.meeting);
    await masa.press('Save the outcome');
  };
  await masa.follow(`Record the outcome${rapidReviewCard}`);
  await expect(page.locator('.govuk-warning-text')).toContainText('That meeting is not quorate');
  await recordOutcome();
  await expect(masa.errorSummary()).toBeFocused();
  await expect(masa.errorSummary()).toContainText(
    `The rapid review meeting on ${ukDay(days.meeting)} is not quorate (no attendance is recorded yet)`,
  );
  await expect(masa.field('Rationale')).not.toBeEmpty();

  await recordEveryonePresent(masa, meetingPath);
  await masa.visit(casePath);
  await expect(summaryRow(page, 'Quorum')).toContainText('Quorate');
  await masa.follow(`Record the outcome${rapidReviewCard}`);
  await recordOutcome();
  await expect(banner(page)).toContainText('Outcome of the rapid review saved');
  await expect(summaryRow(page, 'Outcome')).toContainText('Hold a local child safeguarding');
  await expect(summaryRow(page, 'Criteria met')).toContainText('Reg. 11(c)');

  await masa.follow(`Record the dates of the Panel${rapidReviewCard}`);
  await fillDate(page, 'sentToPanelOn', days.sentToPanel);
  await fillDate(page, 'panelResponseOn', days.panelResponse);
  await masa
    .field("The Panel's response (optional)")
    .fill('The Panel agrees that a local review is the right course.');
  await masa.press('Save');
  await expect(banner(page)).toContainText('Panel dates saved');
  await expect(summaryRow(page, 'Sent to the Panel')).toContainText(ukDay(days.sentToPanel));
  await expect(masa.heading()).toContainText('Local review');
  await expectWordDocument(
    await download(
      page,
      'Download the draft rapid review report (Word document, OFFICIAL-SENSITIVE)',
    ),
  );

  // The practice review, to publication: a plain http link and short notice are refused.
  await masa.press('Record the decision to hold the review');
  await expect(masa.heading()).toHaveText('Decide to hold a practice review');
  await fillDate(page, 'decidedOn', days.reviewDecided);
  await masa.field('Methodology').fill('systems review');
  await masa.field('Reviewer or reviewers').fill('Dr Ada Quillfeather, independent reviewer');
  await masa
    .field('Terms of reference')
    .fill('How agencies shared information about the home in the year before the incident.');
  await masa.press('Record the decision');
  await expect(banner(page)).toContainText('Decision to hold a practice review recorded');
  await expect(summaryRow(page, 'Methodology')).toContainText('systems review');

  await masa.follow('Add a milestone');
  await masa.field('Milestone').fill('Practitioner learning event');
  await fillDate(page, 'dueOn', days.milestone);
  await masa.press('Save milestone');
  await expect(banner(page)).toContainText('Milestone added: Practitioner learning event');
  await expect(
    page.getByRole('region', { name: 'Milestones' }).getByRole('row', { name: /Practitioner/ }),
  ).toContainText('Planned');

  await masa.follow('Record a request for a draft');
  await masa.field('The written request').fill('Please send the first draft to the partners.');
  await masa.press('Record the request');
  await expect(banner(page)).toContainText('Request for a draft recorded');

  await masa.follow('Record the date the final report was sent (Practice review)');
  await fillDate(page, 'finalReportSentOn', days.finalReportSent);
  await masa.press('Save date');
  await expect(banner(page)).toContainText(
    `Final report recorded as sent on ${ukDay(days.finalReportSent)}`,
  );

  await masa.follow('Record the publication (Practice review)');
  await fillDate(page, 'publishedOn', days.today);
  await masa.field('Link to the published report').fill('http://www.northshire.example/lcspr');
  await masa.press('Save publication');
  await expectErrorSummary(masa, [
    'Enter the link as a web address starting with https://, like https://www.northshire.gov.uk/lcspr',
  ]);
  const link = `https://www.northshire.example/lcspr/${reference.toLowerCase()}`;
  await masa.field('Link to the published report').fill(link);
  await masa.press('Save publication');
  const notice = calendar.workingDaysBetween(days.finalReportSent, days.today);
  await expectErrorSummary(masa, [
    `Publishing on ${ukDay(days.today)} is only ${notice} working day${notice === 1 ? '' : 's'} after the report went to the Panel on ${ukDay(days.finalReportSent)}; at least 7 are expected. Enter the reason for publishing on this date, or choose a later date`,
  ]);
  await expect(masa.field('Link to the published report')).toHaveValue(link);
  await masa
    .field('Reason for publishing on this date')
    .fill('The family asked for publication before the criminal trial begins.');
  await masa.press('Save publication');
  await expect(banner(page)).toContainText(
    `Publication on ${ukDay(days.today)} recorded. The case moves on to its action plan.`,
  );
  await expect(masa.heading()).toContainText('Action plan');
  await expect(summaryRow(page, 'Publication')).toContainText(link);
  await expect(summaryRow(page, 'Published on short notice')).toContainText(
    'The family asked for publication',
  );

  // The action plan: an action naming the child is refused; the action log shows the source.
  await addRecommendation(masa);
  await masa.follow('Add an action for recommendation 1');
  await expect(masa.heading()).toHaveText('Add an action');
  await sendAction(masa, `Audit the strategy discussions about ${child}`);
  await expectErrorSummary(masa, [
    "Remove the child's name: everyone in the partnership can read the action log",
  ]);
  await expect(masa.field('What is the action?')).toHaveValue(
    `Audit the strategy discussions about ${child}`,
  );
  await sendAction(masa, actionTitle);
  await expect(banner(page)).toContainText('Action added to the action log for recommendation 1');
  const plan = page.getByRole('region', { name: 'Actions for recommendation 1' });
  await expect(plan.getByRole('row', { name: new RegExp(actionTitle) })).toContainText(
    ukDay(days.actionDue),
  );
  await expect(page.locator('#plan-progress')).toContainText('0 of 1');

  await masa.visit('/actions');
  const logged = page
    .getByRole('region', { name: 'Actions' })
    .getByRole('row', { name: new RegExp(actionTitle) });
  await expect(logged).toContainText(actionSource);
  await expect(main(page)).not.toContainText('Wrenfield');

  // Learning, shared with a body, and its briefing.
  await masa.visit(casePath);
  await masa.follow('Add a learning point');
  await masa
    .field('What was learned?')
    .fill('Strategy discussions work best when every agency brings what it knows of the home.');
  await masa.press('Add learning point');
  await expect(banner(page)).toContainText('Learning point added');
  await masa.follow('Record where the learning was shared');
  await masa.field('Body').selectOption({ label: registry.bodies.learning });
  await fillDate(page, 'disseminatedOn', days.today);
  await masa.press('Record sharing');
  await expect(banner(page)).toContainText('Sharing recorded');
  await expect(page.getByRole('region', { name: 'Where the learning was shared' })).toContainText(
    registry.bodies.learning,
  );
  await expectWordDocument(await download(page, 'Download the learning briefing (Word document)'));

  // On a phone the case page reads without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await masa.visit(casePath);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await masa.visit('/reviews');
  const listed = page.locator('#cases tbody tr', { hasText: reference });
  await expect(listed).toContainText('Action plan');
  await expect(listed.getByRole('link', { name: reference })).toBeVisible();
  await masa.visit('/reviews/figures');
  await expect(masa.heading()).toHaveText('Case review figures for the yearly report');
});

test("outside the case team an administrator sees a case's reference and clock, never its child, until they add themselves to the team, and can then close it", async ({
  page,
  browser,
}) => {
  test.slow(); // two people and a score of pages, each checked with axe
  // Another administrator records a case due soon, with an action in the action log.
  const notifier = new Masa(page);
  await signInWithCode(notifier, reviewsAdmins.notifying);
  const seen = `SI-${days.today.slice(0, 4)}-092`;
  await notifier.visit('/reviews/new');
  await fillNotification(notifier, seen, {
    awareOn: workingDaysAhead(-3),
    panelNotifiedOn: workingDaysAhead(-2),
  });
  await notifier.press('Record notification');
  await expect(banner(page)).toContainText(`Case ${seen} recorded`);
  const casePath = new URL(page.url()).pathname;
  await addRecommendation(notifier);
  await notifier.follow('Add an action for recommendation 1');
  const title = 'Review how the council passes referrals to the police out of hours';
  await sendAction(notifier, title);
  await expect(banner(page)).toContainText('Action added to the action log');

  const outsiderContext = await browser.newContext();
  try {
    const outsider = new Masa(await outsiderContext.newPage());
    const outside = outsider.page;
    await signInWithCode(outsider, reviewsAdmins.outsider);

    await outsider.visit('/reviews');
    const row = outside.locator('#cases tbody tr', { hasText: seen });
    await expect(row).toContainText('Serious incident notification');
    await expect(row).toContainText('Notify Ofsted and the DfE');
    await expect(row.getByRole('link')).toHaveCount(0);
    await expect(main(outside)).not.toContainText('Wrenfield');

    const refused = await outside.goto(casePath);
    expect(refused?.status()).toBe(404);
    await outsider.checkAccessible();
    await expect(outsider.heading()).toHaveText('Page not found');
    await expect(main(outside)).not.toContainText(seen);

    // Ofsted and the partners are still to be told: the dashboard names the case, no more.
    await outsider.visit('/dashboard');
    const due = outside.locator('#main-content tr', { hasText: seen });
    await expect(due).toContainText('Due within 3 working days');
    await expect(due.getByRole('link')).toHaveCount(0);
    await expect(main(outside)).not.toContainText('Wrenfield');

    await outsider.visit('/actions');
    await expect(
      outside
        .getByRole('region', { name: 'Actions' })
        .getByRole('row', { name: new RegExp(title) }),
    ).toContainText(`Review ${seen}, recommendation 1`);
    await expect(main(outside)).not.toContainText('Wrenfield');

    for (const path of [
      '/api/v1/cases',
      `/api/v1/cases?q=${encodeURIComponent(seen)}`,
      '/reviews.csv',
      '/actions.csv',
    ]) {
      const answer = await outside.request.get(path);
      expect(answer.status(), path).toBe(200);
      const text = await answer.text();
      expect(text, path).toContain(seen);
      expect(text, path).not.toContain('Wrenfield');
    }
    const caseId = casePath.split('/').at(-1)!;
    for (const path of [
      `/api/v1/cases/${caseId}`,
      `${casePath}/notification`,
      `${casePath}/children/new`,
      `${casePath}/rapid-review/report.docx`,
      `${casePath}/learning/briefing.docx`,
    ]) {
      const answer = await outside.request.get(path);
      expect(answer.status(), path).toBe(404);
      expect(await answer.text(), path).not.toContain('Wrenfield');
    }

    // An administrator may add themselves to the team (audited); then the case opens.
    await outsider.visit(`${casePath}/team`);
    await expect(outsider.heading()).toHaveText('Case team');
    await outsider
      .field('Add someone to the team')
      .selectOption({ label: `Alex Morgan (${reviewsAdmins.outsider.email})` });
    await outsider.press('Add to the team');
    await expect(banner(outside)).toContainText('Alex Morgan added to the case team');
    await outsider.follow('Back to the case');
    await expect(outsider.heading()).toContainText(`Case ${seen}`);
    await expect(summaryRow(outside, 'Name')).toHaveText(new RegExp(child));

    // Now on the team, they close the case after its confirmation: it leaves the open list.
    await outsider.follow('Close this case');
    await expect(outsider.heading()).toHaveText('Close this case?');
    await outside
      .getByLabel('Why is the case being closed?')
      .fill('Referred to the lead partnership');
    await outsider.press('Close the case');
    await expect(banner(outside)).toContainText(`Case ${seen} closed`);
    await expect(outsider.heading()).toContainText('Closed');
  } finally {
    await outsiderContext.close();
  }
});
