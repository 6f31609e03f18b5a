import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { attendance } from '../../db/schema/index.js';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { updateMeeting } from './meetings.repository.js';
import { approvalNeedsQuorum } from './minutes-approval.service.js';
import { minutesFixtures } from './minutes-fixtures.js';

const { app, services, context, agent, fixtures, meeting, database, partnership, clock } =
  await meetingTestBed();
const db = database.app.db;
const { items } = minutesFixtures(db, context);

const officer = await createUser(db, services, partnership.id, {
  roles: ['business_officer'],
  mfa: false,
  displayName: 'Sam Patel',
});
const officerAgent = new Agent(app);
await officerAgent.signIn(officer, clock.now());

const member = await createUser(db, services, partnership.id, { roles: ['member'], mfa: false });
const memberAgent = new Agent(app);
await memberAgent.signIn(member, clock.now());

/** A body with two members on the first meeting's date and one whose seat ended before it. */
async function partnershipBody(name: string) {
  const body = await fixtures.body({ name, bodyType: 'partnership' });
  const police = await fixtures.agency({ name: `${name} Police` });
  const council = await fixtures.agency({ name: `${name} Council` });
  const chief = await fixtures.person(police, {
    fullName: 'Jo Hartley',
    email: `jo.${police.slice(0, 6)}@police.example`,
  });
  const director = await fixtures.person(council, {
    fullName: 'Ravi Shah',
    email: `ravi.${council.slice(0, 6)}@council.example`,
  });
  const former = await fixtures.person(council, {
    fullName: 'Pat Former',
    email: `pat.${council.slice(0, 6)}@council.example`,
  });
  const seat = await fixtures.membership(body, chief, police);
  await fixtures.membership(body, director, council);
  await fixtures.membership(body, former, council, {
    startsOn: '2024-04-01',
    endsOn: '2026-12-31',
  });
  return { body, seat };
}

/** Two meetings of a new body; the second carries approval of the first's minutes. */
async function twoMeetings(name: string) {
  const { body, seat } = await partnershipBody(name);
  const first = await meeting(body, '2027-01-14');
  const [strategy, incidents, withdrawn, declined] = await items(first, [
    { title: 'Strategic priorities' },
    { title: 'Serious incidents' },
    { title: 'Withdrawn item', withdrawnAt: new Date() },
    { title: 'Declined proposal', origin: 'proposed', proposalStatus: 'declined' },
  ]);
  const second = await meeting(body, '2027-03-11');
  const found = await services.meetings.find(context, second);
  const approval = found!.items.find((item) => item.approvesMinutesOfMeetingId === first)!;
  return {
    body,
    seat,
    first,
    second,
    approval,
    strategy: strategy!,
    incidents: incidents!,
    withdrawn: withdrawn!,
    declined: declined!,
  };
}

/** A decision-making member recorded present: the quorum of a body with no required agency. */
const present = (meetingId: string, membershipId: string) =>
  inTenant(db, context, (tx) =>
    tx.insert(attendance).values({
      partnershipId: context.partnershipId,
      meetingId,
      membershipId,
      status: 'present',
    }),
  );

const minutesOf = async (meetingId: string) =>
  (await services.meetings.minutes.minutesOf(context, meetingId))!;

/** The form's fields as the page gives them, with some minutes typed over. */
async function formFields(from: Agent, meetingId: string, typed: Record<string, string>) {
  const page = await from.get(`/meetings/${meetingId}/minutes`);
  const fields: Record<string, string> = {};
  page.$('form#minutes textarea, form#minutes input[type=hidden]').each((_, element) => {
    const name = page.$(element).attr('name')!;
    if (name !== '_csrf') fields[name] = page.$(element).val() as string;
  });
  for (const [itemId, minute] of Object.entries(typed)) fields[`minute-${itemId}`] = minute;
  return fields;
}

const save = async (from: Agent, meetingId: string, typed: Record<string, string>) =>
  from.submit(`/meetings/${meetingId}/minutes`, await formFields(from, meetingId, typed));

const mailTo = async (subjectPart: string) =>
  (await services.mail.page(context)).messages.filter((mail) => mail.subject.includes(subjectPart));

describe('writing the minutes item by item', () => {
  it('saves every item’s minute together and shows each as a draft on the meeting page', async () => {
    const { first, strategy, incidents } = await twoMeetings('Writing Partnership');
    const form = await agent.get(`/meetings/${first}/minutes`);
    const labels = form
      .$('form#minutes label')
      .map((_, label) => form.$(label).text().trim())
      .get();
    expect(labels).toEqual(['1. Strategic priorities', '2. Serious incidents']);
    const saved = await save(agent, first, {
      [strategy.id]: 'The partnership agreed its three priorities.\nThe chair thanked members.',
      [incidents.id]: '',
    });
    expect(saved.status).toBe(303);
    const page = await agent.get(saved.location!);
    expect(text(page, `#item-${strategy.id}`)).toContain('Minute Draft');
    expect(text(page, `#item-${strategy.id}`)).toContain(
      'The partnership agreed its three priorities.',
    );
    expect(page.$(`#item-${strategy.id} .masa-item-minute br`)).toHaveLength(1);
    expect(page.$(`#item-${incidents.id} .masa-item-minute`)).toHaveLength(0);
    expect(text(page, '#minutes-links')).toContain('Change the minutes');
    expect(text(page, '#minutes-links')).toContain('Circulate the minutes');
    expect((await minutesOf(first)).items[0]!.minutes).toBe(
      'The partnership agreed its three priorities.\nThe chair thanked members.',
    );
  });

  it('refuses a minute that is too long, keeping every typed minute and saving none', async () => {
    const { first, strategy, incidents } = await twoMeetings('Long Partnership');
    const refused = await save(agent, first, {
      [strategy.id]: 'Kept text',
      [incidents.id]: 'x'.repeat(20001),
    });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'Serious incidents: The minute must be 20000 characters or fewer',
    );
    expect(refused.$(`#minute-${strategy.id}`).val()).toBe('Kept text');
    expect((await minutesOf(first)).items.map((item) => item.minutes)).toEqual(['', '']);
  });

  it('shows the second of two people saving at once who changed it, keeping their text', async () => {
    const { first, strategy, incidents } = await twoMeetings('Stale Partnership');
    const mine = await formFields(agent, first, { [strategy.id]: 'My minute of the priorities' });
    const theirs = await save(officerAgent, first, { [strategy.id]: 'Sam’s minute' });
    expect(theirs.status).toBe(303);
    const stale = await agent.submit(`/meetings/${first}/minutes`, {
      ...mine,
      [`minute-${incidents.id}`]: 'My minute of the incidents',
    });
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toMatch(
      /Sam Patel changed “Strategic priorities” on .* while you were writing the minutes/,
    );
    expect(stale.$(`#minute-${strategy.id}`).val()).toBe('My minute of the priorities');
    expect(stale.$(`#minute-${incidents.id}`).val()).toBe('My minute of the incidents');
    expect(text(stale, `#saved-${strategy.id}`)).toContain('Sam’s minute');
    expect((await minutesOf(first)).items.map((item) => item.minutes)).toEqual([
      'Sam’s minute',
      '',
    ]);

    // The re-shown form carries the current version: saving again is a deliberate overwrite.
    const fields: Record<string, string> = {};
    stale.$('form#minutes textarea, form#minutes input[type=hidden]').each((_, element) => {
      fields[stale.$(element).attr('name')!] = stale.$(element).val() as string;
    });
    const again = await agent.post(`/meetings/${first}/minutes`, fields);
    expect(again.status).toBe(303);
    expect((await minutesOf(first)).items.map((item) => item.minutes)).toEqual([
      'My minute of the priorities',
      'My minute of the incidents',
    ]);
  });

  it('is for the business unit: a member may not open the form', async () => {
    const { first } = await twoMeetings('Member Partnership');
    expect((await memberAgent.get(`/meetings/${first}/minutes`)).status).toBe(403);
    expect((await agent.get('/meetings/00000000-0000-4000-8000-000000000000/minutes')).status).toBe(
      404,
    );
  });
});

describe('circulating the minutes', () => {
  it('emails a link to every member on the meeting’s date, then allows corrected minutes', async () => {
    const { first, strategy } = await twoMeetings('Circulating Partnership');
    await save(agent, first, { [strategy.id]: 'Secret detail of the discussion' });
    const confirm = await agent.get(`/meetings/${first}/minutes/circulate`);
    expect(text(confirm, 'h1')).toBe('Circulate the minutes?');
    expect(
      confirm
        .$('#circulation-recipients li')
        .map((_, li) => confirm.$(li).text())
        .get(),
    ).toEqual(['Jo Hartley', 'Ravi Shah']);
    const circulated = await agent.submit(`/meetings/${first}/minutes/circulate`, {});
    expect(circulated.status).toBe(303);
    const page = await agent.get(circulated.location!);
    expect(text(page, '.govuk-notification-banner')).toContain('Minutes circulated to 2 members');
    expect(text(page, '#minutes')).toBe('Minutes');
    expect(page.$('#minutes').next().text()).toContain(
      'Draft minutes, circulated on 27 November 2026',
    );
    expect(text(page, `#item-${strategy.id}`)).toContain('Minute Circulated');
    const sent = await mailTo('Draft minutes: Circulating Partnership, 14 January 2027');
    const recipients = sent.map((mail) => mail.recipient.split('.')[0]).sort();
    expect(recipients).toEqual(['jo', 'ravi']);
    expect(sent[0]!.bodyText).toContain(`/meetings/${first}#minutes`);
    expect(sent[0]!.bodyText).not.toContain('Secret detail');

    await save(agent, first, { [strategy.id]: 'Corrected detail' });
    const again = await agent.get(`/meetings/${first}/minutes/circulate`);
    expect(text(again, 'h1')).toBe('Circulate the corrected minutes?');
    const recirculated = await agent.submit(`/meetings/${first}/minutes/circulate`, {});
    expect(recirculated.status).toBe(303);
    expect(await mailTo('Corrected minutes: Circulating Partnership')).toHaveLength(2);
  });

  it('refuses to circulate empty minutes: nothing is sent and they stay a draft', async () => {
    const { first } = await twoMeetings('Empty Partnership');
    const confirm = await agent.get(`/meetings/${first}/minutes/circulate`);
    expect(text(confirm, 'h1')).toBe('You cannot circulate these minutes');
    expect(text(confirm, '#circulation-problem')).toBe(
      'There is nothing to circulate: write the minutes of at least one item first.',
    );
    expect(confirm.$('main form')).toHaveLength(0);
    const forced = await agent.submit(
      `/meetings/${first}/minutes/circulate`,
      {},
      `/meetings/${first}`,
    );
    expect(forced.status).toBe(409);
    expect(text(forced, '#circulation-problem')).toContain('There is nothing to circulate');
    expect((await minutesOf(first)).meeting.minutesStatus).toBe('draft');
    expect(await mailTo('Empty Partnership')).toHaveLength(0);
  });

  it('refuses to circulate a cancelled meeting’s minutes', async () => {
    const { first, strategy } = await twoMeetings('Cancelled Partnership');
    await save(agent, first, { [strategy.id]: 'Written before the cancellation' });
    await inTenant(db, context, (tx) =>
      updateMeeting(tx, first, undefined, { status: 'cancelled', cancelReason: 'Snow' }),
    );
    const forced = await agent.submit(
      `/meetings/${first}/minutes/circulate`,
      {},
      `/meetings/${first}`,
    );
    expect(forced.status).toBe(409);
    expect(text(forced, '#circulation-problem')).toBe(
      'The meeting was cancelled, so it has no minutes.',
    );
    expect((await minutesOf(first)).meeting.minutesStatus).toBe('draft');
    expect(await mailTo('Cancelled Partnership')).toHaveLength(0);
    const edit = await agent.post(`/meetings/${first}/minutes`, {
      _csrf: await agent.csrfTokenFrom(`/meetings/${first}`),
      [`minute-${strategy.id}`]: 'Written after the cancellation',
      [`version-${strategy.id}`]: String(strategy.version + 1),
    });
    expect(edit.status).toBe(409);
    expect(text(edit, '.govuk-error-summary')).toContain(
      'The meeting was cancelled, so it has no minutes',
    );
    expect((await minutesOf(first)).items[0]!.minutes).toBe('Written before the cancellation');
  });

  it('refuses to circulate when the body had no members on the meeting’s date', async () => {
    const empty = await fixtures.body({ name: 'Memberless Group' });
    const lone = await meeting(empty, '2027-01-20');
    await items(lone, [{ title: 'Terms of reference', minutes: 'Agreed' }]);
    const confirm = await agent.get(`/meetings/${lone}/minutes/circulate`);
    expect(text(confirm, '#circulation-problem')).toBe(
      'Nobody is a member of Memberless Group on 20 January 2027, so there is nobody to circulate the minutes to.',
    );
    const forced = await agent.submit(
      `/meetings/${lone}/minutes/circulate`,
      {},
      `/meetings/${lone}`,
    );
    expect(forced.status).toBe(409);
    expect((await minutesOf(lone)).meeting.minutesStatus).toBe('draft');
    expect(await mailTo('Memberless Group')).toHaveLength(0);
  });
});

describe('approving the minutes at the next meeting, then locking them', () => {
  it('refuses approval before the minutes were circulated, saying so', async () => {
    const { first, second, approval } = await twoMeetings('Early Partnership');
    const page = await agent.get(`/meetings/${second}`);
    expect(text(page, `#approval-${approval.id}`)).toBe(
      'The minutes of 14 January 2027 have not been circulated yet, so they cannot be approved.',
    );
    const path = `/meetings/${second}/items/${approval.id}/approve-minutes`;
    const refused = await agent.submit(path, {}, `/meetings/${second}`);
    expect(refused.status).toBe(409);
    expect(text(refused, '#approval-problem')).toBe(
      'The minutes of 14 January 2027 have not been circulated yet: circulate them to the members before they are approved.',
    );
    expect((await minutesOf(first)).meeting.minutesStatus).toBe('draft');
  });

  it('approves circulated minutes, which are then locked against any change', async () => {
    const { first, second, approval, strategy, seat } = await twoMeetings('Approving Partnership');
    await save(agent, first, { [strategy.id]: 'Agreed as a true record' });
    await agent.submit(`/meetings/${first}/minutes/circulate`, {});
    await present(second, seat);
    const before = await agent.get(`/meetings/${second}`);
    const button = before.$(`#approval-${approval.id} a.govuk-button`);
    expect(button.text().trim()).toBe('Approve the minutes of 14 January 2027');
    const path = `/meetings/${second}/items/${approval.id}/approve-minutes`;
    expect(button.attr('href')).toBe(path);
    const confirm = await agent.get(path);
    expect(text(confirm, 'h1')).toBe('Approve the minutes of 14 January 2027?');
    const approved = await agent.submit(path, {});
    expect(approved.status).toBe(303);
    const after = await agent.get(approved.location!);
    expect(text(after, '.govuk-notification-banner')).toContain(
      'Minutes of 14 January 2027 approved',
    );
    expect(text(after, `#approval-${approval.id}`)).toBe(
      'Approved The minutes of 14 January 2027 were approved at this meeting.',
    );
    const stored = (await minutesOf(first)).meeting;
    expect(stored.minutesStatus).toBe('approved');
    expect(stored.minutesApprovedAtMeetingId).toBe(second);
    expect(stored.minutesApprovedAt).toEqual(clock.now());

    const earlierPage = await agent.get(`/meetings/${first}`);
    expect(earlierPage.$('#minutes').next().text()).toContain(
      'Approved at the meeting on 11 March 2027',
    );
    expect(text(earlierPage, `#item-${strategy.id}`)).toContain('Minute Approved');
    expect(text(earlierPage, '#minutes-links')).not.toContain('Change the minutes');
    expect(text(earlierPage, '#minutes-links')).not.toContain('Circulate');

    const again = await agent.submit(path, {}, `/meetings/${second}`);
    expect(again.status).toBe(409);
    expect(text(again, '#approval-problem')).toBe(
      'The minutes of 14 January 2027 were approved already, at the meeting on 11 March 2027.',
    );

    const locked = await agent.get(`/meetings/${first}/minutes`);
    expect(locked.status).toBe(200);
    expect(text(locked, '#minutes')).toBe(
      'The minutes were approved at the meeting on 11 March 2027 and are locked',
    );
    expect(locked.$('textarea')).toHaveLength(0);
    expect(text(locked, 'main')).toContain('Agreed as a true record');
    const edit = await agent.post(`/meetings/${first}/minutes`, {
      _csrf: await agent.csrfTokenFrom(`/meetings/${first}`),
      [`minute-${strategy.id}`]: 'Rewritten after approval',
      [`version-${strategy.id}`]: String(strategy.version + 1),
    });
    expect(edit.status).toBe(409);
    expect(text(edit, '.govuk-error-summary')).toContain(
      'The minutes were approved at the meeting on 11 March 2027 and are locked',
    );
    expect((await minutesOf(first)).items[0]!.minutes).toBe('Agreed as a true record');
    const recirculate = await agent.submit(
      `/meetings/${first}/minutes/circulate`,
      {},
      `/meetings/${first}`,
    );
    expect(recirculate.status).toBe(409);
    expect((await minutesOf(first)).meeting.minutesCirculatedAt).toEqual(
      stored.minutesCirculatedAt,
    );
  });

  it('answers 404 for an item that approves no minutes or is on another meeting', async () => {
    const { first, second, approval, strategy } = await twoMeetings('Lost Partnership');
    expect(
      (await agent.get(`/meetings/${first}/items/${strategy.id}/approve-minutes`)).status,
    ).toBe(404);
    expect(
      (await agent.get(`/meetings/${first}/items/${approval.id}/approve-minutes`)).status,
    ).toBe(404);
    expect((await agent.get(`/meetings/${second}/items/not-an-id/approve-minutes`)).status).toBe(
      404,
    );
    expect(
      (await memberAgent.get(`/meetings/${second}/items/${approval.id}/approve-minutes`)).status,
    ).toBe(403);
  });

  it('refuses approval at a meeting that is not quorate, saying what is missing', async () => {
    const { first, second, approval, strategy, seat } = await twoMeetings('Inquorate Partnership');
    await save(agent, first, { [strategy.id]: 'Awaiting a quorum' });
    await agent.submit(`/meetings/${first}/minutes/circulate`, {});
    const path = `/meetings/${second}/items/${approval.id}/approve-minutes`;
    const confirm = await agent.get(path);
    expect(text(confirm, '#approval-problem')).toBe(
      'This meeting is not quorate, so it cannot approve minutes: 1 more decision-making member is needed.',
    );
    const refused = await agent.submit(path, {}, `/meetings/${second}`);
    expect(refused.status).toBe(409);
    expect(text(refused, '#approval-problem')).toContain('This meeting is not quorate');
    expect((await minutesOf(first)).meeting.minutesStatus).toBe('circulated');
    await present(second, seat);
    expect((await agent.submit(path, {})).status).toBe(303);
    expect((await minutesOf(first)).meeting.minutesStatus).toBe('approved');
  });

  it('needs a quorate meeting, naming the agencies missing', async () => {
    const notQuorate = async () => ({
      quorate: false,
      missingAgencies: [{ name: 'Northshire Police' }],
      headCountShortfall: 0,
    });
    const quorate = async () => ({ quorate: true, missingAgencies: [], headCountShortfall: 0 });
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await approvalNeedsQuorum(notQuorate, context, id)).toBe(
      'This meeting is not quorate, so it cannot approve minutes: Northshire Police is not represented',
    );
    expect(await approvalNeedsQuorum(quorate, context, id)).toBeNull();
  });
});
