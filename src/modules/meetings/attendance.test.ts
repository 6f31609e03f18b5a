import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { cancelMeeting, quorumScene, recordAttendance } from './attendance-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { lastChangeShown } from '../../testing/audit-times.js';

const bed = await meetingTestBed();
const { services, context, agent, fixtures, meeting, app, database, partnership, clock } = bed;
const MEETING_DAY = '2027-01-14';

/** What is recorded for a meeting, to show a refused save changed nothing. */
async function recorded(meetingId: string) {
  const register = await services.meetings.attendance.register(context, meetingId);
  return JSON.stringify([
    register!.lines.map((line) => line.recorded),
    register!.guests.map((guest) => [guest.guestName, guest.guestRole, guest.version]),
  ]);
}

/** The form's fields as the page shows them (versions included), with the choices made. */
async function formFields(meetingId: string, choices: Record<string, string>) {
  const page = await agent.get(`/meetings/${meetingId}/attendance`);
  const fields: Record<string, string> = {};
  page.$('input[type="hidden"][name^="version-"]').each((_, input) => {
    fields[page.$(input).attr('name')!] = String(page.$(input).val() ?? '');
  });
  return { ...fields, ...choices };
}

async function save(meetingId: string, choices: Record<string, string>) {
  return agent.submit(`/meetings/${meetingId}/attendance`, await formFields(meetingId, choices));
}

describe('recording attendance and the quorum', () => {
  it('walks from police absent, not quorate naming the police, to their deputy making it quorate', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await agent.get(`/meetings/${id}`);
    expect(text(before, '#quoracy')).toContain('Not quorate');
    expect(text(before, '#quoracy')).toContain('No attendance recorded yet');

    const absent = await save(id, {
      [`status-${scene.policeSeat}`]: 'absent',
      [`status-${scene.councilSeat}`]: 'present',
      [`status-${scene.observerSeat}`]: 'present',
    });
    expect(absent.status).toBe(303);
    const notQuorate = await agent.get(absent.location!);
    expect(text(notQuorate, '#quoracy')).toContain('Not quorate');
    expect(text(notQuorate, '#quoracy')).toContain(`${scene.names.police} is not represented`);
    expect(text(notQuorate, '#quoracy a')).toBe('Record attendance');

    const deputised = await save(id, {
      [`status-${scene.policeSeat}`]: 'deputy',
      [`deputy-${scene.policeSeat}`]: scene.deputy,
    });
    expect(deputised.status).toBe(303);
    const quorate = await agent.get(`/meetings/${id}`);
    expect(text(quorate, '#quoracy .govuk-tag')).toBe('Quorate');
    const summary = text(quorate, '#attendance + .govuk-summary-list');
    expect(summary).toContain(
      `Represented by a deputy ${scene.names.deputy} for ${scene.names.officer} (${scene.names.police})`,
    );
    expect(summary).toContain(`Present ${scene.names.director}`);
    expect((await services.meetings.attendance.quoracy(context, id))?.quorate).toBe(true);
  });

  it('shows every member on the meeting date with what is recorded already chosen', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const left = await fixtures.person(scene.police, { fullName: 'Morgan Left' });
    await fixtures.membership(scene.body, left, scene.police, {
      startsOn: '2024-04-01',
      endsOn: '2026-12-31',
    });
    await recordAttendance(bed, id, [{ membershipId: scene.councilSeat, status: 'apologies' }]);
    const page = await agent.get(`/meetings/${id}/attendance`);
    const legends = page
      .$('legend')
      .map((_, legend) => page.$(legend).text().trim())
      .get();
    expect(legends).toHaveLength(3);
    expect(legends.join(' ')).not.toContain('Morgan Left');
    expect(
      page.$(`input[name="status-${scene.councilSeat}"][value="apologies"]`).is(':checked'),
    ).toBe(true);
    expect(text(page, `#deputy-${scene.policeSeat}`)).toContain(
      `${scene.names.deputy} (delegation 1 December 2026 to 31 March 2027)`,
    );
    expect(text(page, 'form')).toContain('Observer: does not count towards the quorum');
  });

  it('counts the head count too, and never an observer', async () => {
    const scene = await quorumScene(bed);
    const found = await services.governance.bodies.get(context, scene.body);
    await services.governance.bodies.updateQuorumRule(context, scene.body, {
      quorumUsesPartners: 'no',
      requiredAgencyIds: [scene.council],
      minimumHeadCount: 2,
      version: found!.version,
    });
    const id = await meeting(scene.body, MEETING_DAY);
    await recordAttendance(bed, id, [
      { membershipId: scene.councilSeat, status: 'present' },
      { membershipId: scene.observerSeat, status: 'present' },
    ]);
    const page = await agent.get(`/meetings/${id}`);
    expect(text(page, '#quoracy')).toContain('Not quorate');
    expect(text(page, '#quoracy')).toContain(
      '1 more person with decision-making rights must be present',
    );
  });

  it('names the members of required agencies who sent apologies, as a risk to the quorum', async () => {
    const scene = await quorumScene(bed);
    const other = await fixtures.agency({ name: 'Northshire Libraries' });
    const librarian = await fixtures.person(other, { fullName: 'Ali Reed' });
    const librarySeat = await fixtures.membership(scene.body, librarian, other);
    const id = await meeting(scene.body, MEETING_DAY);
    await recordAttendance(bed, id, [
      { membershipId: scene.policeSeat, status: 'apologies' },
      { membershipId: librarySeat, status: 'apologies' },
      { membershipId: scene.councilSeat, status: 'present' },
    ]);
    const quiet = await meeting(scene.body, MEETING_DAY);
    expect(await services.meetings.attendance.quoracyRisks(context, [id, quiet])).toEqual({
      [id]: {
        partners: [
          {
            agencyName: scene.names.police,
            apologies: [scene.names.officer],
            deputies: [scene.names.deputy],
          },
        ],
        headCountShortfall: 0,
      },
    });
    expect(await services.meetings.attendance.quoracyRisks(context, [])).toEqual({});
  });
});

describe('attendance that is refused, changing nothing', () => {
  it('refuses a membership of another body, naming the person and saying to record them as a guest', async () => {
    const scene = await quorumScene(bed);
    const elsewhere = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const refused = await save(id, {
      [`status-${scene.councilSeat}`]: 'present',
      [`status-${elsewhere.policeSeat}`]: 'present',
    });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      `${elsewhere.names.officer} is not a member of ${scene.bodyName} on 14 January 2027: record them as a guest`,
    );
    expect(await recorded(id)).toBe(before);
  });

  it('refuses a member whose membership ended before the meeting', async () => {
    const scene = await quorumScene(bed);
    const left = await fixtures.person(scene.police, { fullName: 'Morgan Gone' });
    const ended = await fixtures.membership(scene.body, left, scene.police, {
      endsOn: '2027-01-13',
    });
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const refused = await save(id, { [`status-${ended}`]: 'present' });
    expect(text(refused, '.govuk-error-summary')).toContain(
      `Morgan Gone is not a member of ${scene.bodyName} on 14 January 2027: record them as a guest`,
    );
    expect(await recorded(id)).toBe(before);
  });

  it('refuses a deputy who is not that member’s deputy, and deputy without a deputy, keeping the choices', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const notTheirs = await save(id, {
      [`status-${scene.councilSeat}`]: 'deputy',
      [`deputy-${scene.councilSeat}`]: scene.deputy,
      [`status-${scene.policeSeat}`]: 'deputy',
      [`deputy-${scene.policeSeat}`]: '',
      [`status-${scene.observerSeat}`]: 'absent',
    });
    expect(notTheirs.status).toBe(400);
    const summary = text(notTheirs, '.govuk-error-summary');
    expect(summary).toContain(
      `${scene.names.director} has no deputy with delegated authority on 14 January 2027: record them as present, apologies or absent`,
    );
    expect(summary).toContain(`Select the deputy who represented ${scene.names.officer}`);
    expect(
      notTheirs.$(`input[name="status-${scene.observerSeat}"][value="absent"]`).is(':checked'),
    ).toBe(true);
    expect(await recorded(id)).toBe(before);
  });

  it('offers "Represented by a deputy" only for a member with a deputy delegated on the day', async () => {
    const scene = await quorumScene(bed);
    const inside = await agent.get(
      `/meetings/${await meeting(scene.body, MEETING_DAY)}/attendance`,
    );
    const offered = (page: typeof inside, seat: string) =>
      page.$(`input[name="status-${seat}"][value="deputy"]`).length;
    expect(offered(inside, scene.policeSeat)).toBe(1);
    expect(offered(inside, scene.councilSeat)).toBe(0);
    expect(offered(inside, scene.observerSeat)).toBe(0);
    expect(text(inside, `#status-${scene.councilSeat}-hint`)).toBe(
      'No deputy has delegated authority on 14 January 2027, so nobody can represent them',
    );
    // The police deputy's delegation ended on 31 March 2027.
    const after = await agent.get(
      `/meetings/${await meeting(scene.body, '2027-05-11')}/attendance`,
    );
    expect(offered(after, scene.policeSeat)).toBe(0);
  });

  it('refuses a deputy for an observer, with a clear error, writing nothing', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const refused = await save(id, {
      [`status-${scene.observerSeat}`]: 'deputy',
      [`deputy-${scene.observerSeat}`]: scene.deputy,
    });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'is an observer, so no deputy can represent them: record them as present, apologies or absent',
    );
    expect(await recorded(id)).toBe(before);
  });

  it('refuses a deputy outside their delegation dates, giving the dates', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, '2027-05-11');
    const before = await recorded(id);
    const refused = await save(id, {
      [`status-${scene.policeSeat}`]: 'deputy',
      [`deputy-${scene.policeSeat}`]: scene.deputy,
    });
    expect(text(refused, '.govuk-error-summary')).toContain(
      `${scene.names.deputy}'s delegation runs from 1 December 2026 to 31 March 2027; the meeting is on 11 May 2027`,
    );
    expect(refused.$(`#deputy-${scene.policeSeat} option[selected]`).val()).toBe(scene.deputy);
    expect(await recorded(id)).toBe(before);
  });

  it('refuses an unknown status, a malformed member and a form with nothing chosen', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const unknown = await save(id, { [`status-${scene.policeSeat}`]: 'asleep' });
    expect(text(unknown, '.govuk-error-summary')).toContain(
      'Select present, apologies, absent or represented by a deputy',
    );
    const malformed = await save(id, { 'status-not-an-id': 'present' });
    expect(text(malformed, '.govuk-error-summary')).toContain(
      'Record attendance only for the members listed on this page',
    );
    const nothing = await save(id, {});
    expect(text(nothing, '.govuk-error-summary')).toContain(
      'Select whether each member was present, sent apologies, was absent or was represented by a deputy',
    );
    expect(await recorded(id)).toBe(before);
  });

  it('refuses attendance and guests on a cancelled meeting', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const fields = await formFields(id, { [`status-${scene.policeSeat}`]: 'present' });
    const before = await recorded(id);
    await cancelMeeting(bed, id);
    const refused = await agent.submit(`/meetings/${id}/attendance`, fields, `/meetings/${id}`);
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      'This meeting was cancelled, so no attendance can be recorded',
    );
    const guest = await agent.submit(
      `/meetings/${id}/attendance/guests`,
      { guestName: 'Pat Quinn', guestRole: 'Designated nurse' },
      `/meetings/${id}`,
    );
    expect(text(guest, '.govuk-error-summary')).toContain(
      'This meeting was cancelled, so no attendance can be recorded',
    );
    expect(await recorded(id)).toBe(before);
    expect(text(await agent.get(`/meetings/${id}`), '#quoracy')).not.toContain('Record attendance');
  });

  it('tells the second of two people saving at once, keeping their choices, instead of overwriting', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    await recordAttendance(bed, id, [{ membershipId: scene.policeSeat, status: 'present' }]);
    const shown = await formFields(id, { [`status-${scene.policeSeat}`]: 'absent' });
    await recordAttendance(bed, id, [{ membershipId: scene.policeSeat, status: 'apologies' }]);
    const before = await recorded(id);
    const conflict = await agent.submit(`/meetings/${id}/attendance`, shown, `/meetings/${id}`);
    expect(conflict.status).toBe(400);
    expect(text(conflict, '#form')).toContain(
      `Alex Morgan changed this meeting's attendance on ${await lastChangeShown(database, 'meeting', id)}`,
    );
    expect(
      conflict.$(`input[name="status-${scene.policeSeat}"][value="absent"]`).is(':checked'),
    ).toBe(true);
    expect(await recorded(id)).toBe(before);
    const again = await agent.submit(
      `/meetings/${id}/attendance`,
      {
        [`status-${scene.policeSeat}`]: 'absent',
        [`version-${scene.policeSeat}`]: String(
          conflict.$(`input[name="version-${scene.policeSeat}"]`).val(),
        ),
      },
      `/meetings/${id}`,
    );
    expect(again.status).toBe(303);
    const register = await services.meetings.attendance.register(context, id);
    expect(
      register!.lines.find((line) => line.seat.membershipId === scene.policeSeat)?.recorded?.status,
    ).toBe('absent');
  });
});

describe('guests', () => {
  it('removes a guest recorded by mistake after a confirmation, keeping the audit trail', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    await agent.submit(`/meetings/${id}/attendance/guests`, {
      guestName: 'Wrong Person',
      guestRole: 'Visitor',
    });
    const guestId = (await services.meetings.attendance.register(context, id))!.guests[0]!.id;
    const confirm = await agent.get(`/meetings/${id}/attendance/guests/${guestId}/remove`);
    expect(text(confirm, 'h1')).toBe('Remove Wrong Person from the guests?');
    const removed = await agent.submit(`/meetings/${id}/attendance/guests/${guestId}/remove`, {});
    expect(removed.status).toBe(303);
    const page = await agent.get(removed.location!);
    expect(text(page, '#guests ~ p')).toContain('No guests recorded.');
    expect((await services.meetings.attendance.register(context, id))!.guests).toHaveLength(0);
    const trail = await services.audit.page(context, { action: 'meeting.guest_removed' });
    expect(trail.events.some((event) => event.entityId === id)).toBe(true);
    const again = await agent.submit(`/meetings/${id}/attendance/guests/${guestId}/remove`, {});
    expect(again.status).toBe(404);
  });

  it('adds a guest, who shows on the meeting page and never counts towards the quorum', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const added = await agent.submit(`/meetings/${id}/attendance/guests`, {
      guestName: 'Pat Quinn',
      guestRole: 'Designated nurse, Northshire ICB',
    });
    expect(added.status).toBe(303);
    const page = await agent.get(added.location!);
    expect(text(page, '#guests + p + table')).toContain(
      'Pat Quinn Designated nurse, Northshire ICB',
    );
    const meetingPage = await agent.get(`/meetings/${id}`);
    expect(text(meetingPage, '#attendance + .govuk-summary-list')).toContain(
      'Guests Pat Quinn, Designated nurse, Northshire ICB',
    );
    expect(text(meetingPage, '#quoracy')).toContain('Not quorate');
  });

  it('refuses a guest without a name or role, keeping what was typed', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    const before = await recorded(id);
    const refused = await agent.submit(`/meetings/${id}/attendance/guests`, {
      guestName: '  ',
      guestRole: 'Designated nurse',
    });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain("Enter the guest's name");
    expect(refused.$('#guestRole').val()).toBe('Designated nurse');
    const noRole = await agent.submit(`/meetings/${id}/attendance/guests`, { guestName: 'Pat' });
    expect(text(noRole, '.govuk-error-summary')).toContain(
      "Enter the guest's role and organisation",
    );
    expect(await recorded(id)).toBe(before);
  });

  it('corrects a guest recorded wrongly, and refuses a correction made on an old version', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    await services.meetings.attendance.addGuest(context, id, {
      guestName: 'Pat Quin',
      guestRole: 'Nurse',
    });
    const [guest] = (await services.meetings.attendance.register(context, id))!.guests;
    const url = `/meetings/${id}/attendance/guests/${guest!.id}`;
    const form = await agent.get(url);
    expect(form.$('#guestName').val()).toBe('Pat Quin');
    const corrected = await agent.submit(url, {
      guestName: 'Pat Quinn',
      guestRole: 'Designated nurse',
      version: '1',
    });
    expect(corrected.status).toBe(303);
    const before = await recorded(id);
    const stale = await agent.submit(url, {
      guestName: 'Pat Q',
      guestRole: 'Nurse',
      version: '1',
    });
    expect(stale.status).toBe(400);
    expect(text(stale, '#form')).toContain("changed this meeting's attendance");
    expect(stale.$('#guestName').val()).toBe('Pat Q');
    expect(await recorded(id)).toBe(before);
    const wrongMeeting = await meeting(scene.body, '2027-03-09');
    expect(
      (await agent.get(`/meetings/${wrongMeeting}/attendance/guests/${guest!.id}`)).status,
    ).toBe(404);
  });
});

describe('who may record attendance', () => {
  it('shows a member the quorum and attendance but neither the forms nor the links to them', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, MEETING_DAY);
    await recordAttendance(bed, id, [{ membershipId: scene.policeSeat, status: 'present' }]);
    const user = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
    const member = new Agent(app);
    await member.signIn(user, clock.now());
    const page = await member.get(`/meetings/${id}`);
    expect(text(page, '#quoracy')).toContain('Not quorate');
    expect(text(page, '#attendance + .govuk-summary-list')).toContain(
      `Present ${scene.names.officer}`,
    );
    expect(page.$(`a[href="/meetings/${id}/attendance"]`)).toHaveLength(0);
    expect((await member.get(`/meetings/${id}/attendance`)).status).toBe(403);
    expect((await member.get(`/meetings/${id}/attendance/guests`)).status).toBe(403);
  });
});
