import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { lastChangeShown } from '../../testing/audit-times.js';

const { app, services, context, agent, fixtures, meeting, database, partnership, clock } =
  await meetingTestBed();

const agency = await fixtures.agency({ name: 'Northshire Police' });
const pat = await fixtures.person(agency, {
  fullName: 'Pat Quinn',
  email: 'pat.quinn@police.example',
});
const sam = await fixtures.person(agency, {
  fullName: 'Sam Okafor',
  email: 'sam.okafor@police.example',
});
const lee = await fixtures.person(agency, {
  fullName: 'Lee Carter',
  email: 'lee.carter@police.example',
});

/** A body whose members are Pat throughout, Sam until June 2026 and Lee from February 2027. */
async function bodyWithMembers(name: string) {
  const body = await fixtures.body({ name });
  await fixtures.membership(body, pat, agency);
  await fixtures.membership(body, sam, agency, { endsOn: '2026-06-30' });
  await fixtures.membership(body, lee, agency, { startsOn: '2027-02-01' });
  return body;
}

const mailsAbout = async (subjectPart: string) =>
  (await services.mail.page(context)).messages.filter((mail) => mail.subject.includes(subjectPart));

const changeFields = (extra: Record<string, string> = {}) => ({
  'day-day': '11',
  'day-month': '2',
  'day-year': '2027',
  startTime: '2pm',
  endTime: '4pm',
  location: 'Civic Centre',
  reason: 'The chair is at the inspection that day',
  ...extra,
});

const current = async (id: string) => (await services.meetings.find(context, id))!.meeting;

describe('changing a meeting', () => {
  it('changes the date, times and place, and tells every member old and new with the reason', async () => {
    const body = await bodyWithMembers('Exploitation Sub-group');
    const id = await meeting(body, '2027-01-14');
    const form = await agent.get(`/meetings/${id}/edit`);
    expect(form.$('#day-day').val()).toBe('14');
    expect(form.$('#startTime').val()).toBe('10:00');
    expect(form.$('#location').val()).toBe('Council House, Room 1');

    const changed = await agent.submit(`/meetings/${id}/edit`, {
      ...changeFields(),
      version: String(form.$('input[name=version]').val()),
    });
    expect(changed.status).toBe(303);
    const page = await agent.get(changed.location!);
    expect(text(page, '.govuk-notification-banner')).toContain('Meeting changed');
    expect(text(page, 'h1')).toBe('Meeting on 11 February 2027');
    expect(text(page, '.govuk-summary-list')).toContain('11 February 2027, 2:00pm to 4:00pm');

    const mails = await mailsAbout('Meeting changed: Exploitation Sub-group, 14 January 2027');
    // Pat sits throughout and Lee from February; Sam left before either date.
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([
      'lee.carter@police.example',
      'pat.quinn@police.example',
    ]);
    expect(mails[0]!.bodyText).toContain(
      'Was: 14 January 2027, 10:00am to 12:00pm, Council House, Room 1',
    );
    expect(mails[0]!.bodyText).toContain('Now: 11 February 2027, 2:00pm to 4:00pm, Civic Centre');
    expect(mails[0]!.bodyText).toContain('The chair is at the inspection that day');
    expect(mails[0]!.bodyText).toContain(`http://masa.test/meetings/${id}`);
    const audit = await services.audit.page(context, { action: 'meeting.changed', entityId: id });
    expect(audit.events).toHaveLength(1);
  });

  it('refuses no reason, an end before the start, a date that is not real and no change at all', async () => {
    const body = await bodyWithMembers('Neglect Sub-group');
    const id = await meeting(body, '2027-01-14');
    const before = await current(id);
    const cases: [Record<string, string>, string][] = [
      [{ reason: '  ' }, 'Enter the reason for the change'],
      [{ endTime: '1pm' }, 'The end time must be after the start time'],
      [{ 'day-day': '30', 'day-month': '2' }, 'Date of the meeting must be a real date'],
      [
        {
          'day-day': '14',
          'day-month': '1',
          startTime: '10:00',
          endTime: '12:00',
          location: 'Council House, Room 1',
        },
        'Change the date, the times or the location, or go back to the meeting',
      ],
    ];
    for (const [fields, message] of cases) {
      const refused = await agent.submit(`/meetings/${id}/edit`, changeFields(fields));
      expect(refused.status).toBe(400);
      expect(text(refused, '.govuk-error-summary')).toContain(message);
      expect(refused.$('#reason').val()).toBe(
        fields.reason ?? 'The chair is at the inspection that day',
      );
    }
    expect(await current(id)).toEqual(before);
    expect(await mailsAbout('Meeting changed: Neglect Sub-group')).toHaveLength(0);
  });

  it('shows who changed the meeting meanwhile and keeps what was typed', async () => {
    const body = await fixtures.body({ name: 'Training Group' });
    const id = await meeting(body, '2027-01-14');
    const form = await agent.get(`/meetings/${id}/edit`);
    const outcome = await services.meetings.changes.change(context, id, {
      bodyId: body,
      day: '2027-01-21',
      startTime: '09:00',
      endTime: '10:00',
      location: 'Room 2',
      reason: 'Room booked',
      version: 1,
    });
    expect(outcome.ok).toBe(true);
    const stale = await agent.submit(`/meetings/${id}/edit`, {
      ...changeFields({ location: 'My typed room' }),
      version: String(form.$('input[name=version]').val()),
    });
    expect(stale.status).toBe(400);
    expect(text(stale, '.govuk-error-summary')).toContain(
      `Alex Morgan changed this meeting on ${await lastChangeShown(database, 'meeting', id)}`,
    );
    expect(stale.$('#location').val()).toBe('My typed room');
    expect(stale.$('input[name=version]').val()).toBe('2');
    expect((await current(id)).location).toBe('Room 2');
  });
});

describe('cancelling a meeting', () => {
  it('asks first, needs a reason, tells members and moves what it carried to the next meeting', async () => {
    const body = await bodyWithMembers('Child Death Overview Panel');
    const first = await meeting(body, '2027-01-12');
    const second = await meeting(body, '2027-03-09');
    const third = await meeting(body, '2027-05-11');
    const confirm = await agent.get(`/meetings/${second}/cancel`);
    expect(text(confirm, 'h1')).toBe(
      'Are you sure you want to cancel the meeting on 9 March 2027?',
    );
    const noReason = await agent.submit(`/meetings/${second}/cancel`, {
      reason: '',
      version: '1',
    });
    expect(noReason.status).toBe(400);
    expect(text(noReason, '.govuk-error-summary')).toContain(
      'Enter the reason the meeting is cancelled',
    );
    expect((await current(second)).status).toBe('scheduled');

    const cancelled = await agent.submit(`/meetings/${second}/cancel`, {
      reason: 'Not enough members can attend',
      version: '1',
    });
    expect(cancelled.status).toBe(303);
    const page = await agent.get(`/meetings/${second}`);
    expect(text(page, '.govuk-tag')).toContain('Cancelled');
    expect(text(page, '.govuk-inset-text')).toBe(
      'This meeting was cancelled: Not enough members can attend',
    );
    expect(page.$(`a[href="/meetings/${second}/edit"]`)).toHaveLength(0);

    const approvals = (await services.meetings.find(context, third))!.items.filter(
      (item) => item.approvesMinutesOfMeetingId === first,
    );
    expect(approvals).toHaveLength(1);

    const mails = await mailsAbout('Meeting cancelled: Child Death Overview Panel, 9 March 2027');
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([
      'lee.carter@police.example',
      'pat.quinn@police.example',
    ]);
    expect(mails[0]!.bodyText).toContain('Not enough members can attend');
    expect(mails[0]!.bodyText).toContain('move to the next meeting, on 11 May 2027');
    const audit = await services.audit.page(context, {
      action: 'meeting.cancelled',
      entityId: second,
    });
    expect(audit.events).toHaveLength(1);
  });

  it('refuses to change or cancel a cancelled meeting', async () => {
    const body = await fixtures.body();
    const id = await meeting(body, '2027-01-14');
    expect((await services.meetings.changes.cancel(context, id, { reason: 'Snow' })).ok).toBe(true);
    const before = await current(id);
    const edit = await agent.get(`/meetings/${id}/edit`);
    expect(edit.status).toBe(303);
    expect(text(await agent.get(edit.location!), '.govuk-notification-banner')).toContain(
      'This meeting was cancelled, so it cannot be changed or cancelled again',
    );
    const changed = await agent.submit(`/meetings/${id}/edit`, changeFields(), `/meetings/${id}`);
    expect(changed.status).toBe(400);
    expect(text(changed, '.govuk-error-summary')).toContain(
      'This meeting was cancelled, so it cannot be changed or cancelled again',
    );
    const again = await agent.submit(
      `/meetings/${id}/cancel`,
      { reason: 'Again', version: String(before.version) },
      `/meetings/${id}`,
    );
    expect(again.status).toBe(400);
    expect(await current(id)).toEqual(before);
  });

  it('answers 404 for a meeting that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await agent.get(`/meetings/${missing}/edit`)).status).toBe(404);
    expect((await agent.get(`/meetings/not-an-id/cancel`)).status).toBe(404);
  });
});

describe('a member who does not run meetings', () => {
  it('sees no change or cancel buttons, can download the meeting, and is refused both', async () => {
    const body = await fixtures.body();
    const id = await meeting(body, '2027-01-14');
    const member = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: false,
    });
    const memberAgent = new Agent(app);
    await memberAgent.signIn(member, clock.now());
    const page = await memberAgent.get(`/meetings/${id}`);
    expect(page.$(`a[href="/meetings/${id}/edit"]`)).toHaveLength(0);
    expect(page.$(`a[href="/meetings/${id}/cancel"]`)).toHaveLength(0);
    expect(page.$(`a[href="/meetings/${id}/calendar.ics"]`)).toHaveLength(1);
    expect((await memberAgent.get(`/meetings/${id}/edit`)).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom(`/meetings/${id}`);
    const refused = await memberAgent.post(`/meetings/${id}/cancel`, {
      _csrf: token,
      reason: 'No',
      version: '1',
    });
    expect(refused.status).toBe(403);
    expect((await current(id)).status).toBe('scheduled');
  });
});
