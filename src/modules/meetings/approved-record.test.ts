import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { inTenant } from '../../db/client.js';
import {
  agendaItem,
  attendance,
  auditEvent,
  decision,
  meeting as meetingTable,
} from '../../db/schema/index.js';
import { text } from '../../testing/agent.js';
import { quorumScene, recordAttendance } from './attendance-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { updateMeeting } from './meetings.repository.js';
import { minutesFixtures } from './minutes-fixtures.js';

const bed = await meetingTestBed();
const { services, context, agent, meeting, database } = bed;
const db = database.app.db;

/** A meeting with attendance, a guest, a decision and a waiting proposal, then approved. */
async function approvedMeeting(bodyName: string) {
  const scene = await quorumScene(bed, { bodyName });
  const id = await meeting(scene.body, '2027-01-14');
  const [item, proposal] = await minutesFixtures(db, context).items(id, [
    { title: 'Missing children', purpose: 'decision' },
    { title: 'Proposed item', origin: 'proposed', proposalStatus: 'proposed' },
  ]);
  await recordAttendance(bed, id, [
    { membershipId: scene.policeSeat, status: 'present' },
    { membershipId: scene.councilSeat, status: 'present' },
  ]);
  const guest = await services.meetings.attendance.addGuest(context, id, {
    guestName: 'Ann Visitor',
    guestRole: 'Independent scrutineer',
  });
  const decided = await services.meetings.decisions.recordDecision(context, id, item!.id, {
    text: 'Adopt the missing children protocol.',
    kind: 'decision',
    needsRatification: false,
  });
  if (!guest.ok || !decided.ok) throw new Error('Fixture refused');
  const next = await meeting(scene.body, '2027-03-11');
  // Approved as the approval page would (its own tests cover that), at the next meeting.
  await inTenant(db, context, (tx) =>
    updateMeeting(tx, id, undefined, {
      minutesStatus: 'approved',
      minutesCirculatedAt: new Date('2027-01-20T09:00:00Z'),
      minutesApprovedAt: new Date('2027-03-11T11:00:00Z'),
      minutesApprovedAtMeetingId: next,
    }),
  );
  return { scene, id, item: item!, proposal: proposal!, guestId: guest.value.id };
}

/** Everything the meeting's record holds, and the audit trail's length: a refusal changes none. */
const recordOf = (id: string) =>
  inTenant(db, context, async (tx) =>
    JSON.stringify([
      await tx.select().from(meetingTable).where(eq(meetingTable.id, id)),
      await tx.select().from(attendance).where(eq(attendance.meetingId, id)),
      await tx.select().from(agendaItem).where(eq(agendaItem.meetingId, id)),
      await tx.select().from(decision).where(eq(decision.meetingId, id)),
      await tx.select({ events: count() }).from(auditEvent),
    ]),
  );

const LOCKED = 'The minutes of this meeting were approved on 11 March 2027, so';

describe('a meeting whose minutes are approved', () => {
  it('says so, with the erratum route, and offers no link that would change its record', async () => {
    const { id, item, proposal, scene } = await approvedMeeting('Exploitation Group');
    const page = await agent.get(`/meetings/${id}`);
    expect(text(page, '#approved-record')).toBe(
      'These minutes were approved on 11 March 2027; corrections are recorded as an erratum at a later meeting of Exploitation Group. The record of this meeting can no longer change.',
    );
    const hrefs = page
      .$('main a')
      .map((_index, link) => page.$(link).attr('href'))
      .get();
    for (const path of [
      '/edit',
      '/cancel',
      '/attendance',
      '/agenda/new',
      '/agenda/publish',
      `/items/${item.id}/decisions/new`,
      `/agenda/${item.id}/change`,
      `/agenda/${proposal.id}/answer`,
      `/meetings/${id}/minutes`,
    ])
      expect(hrefs.filter((href) => href?.endsWith(path))).toEqual([]);
    expect(text(page, '#quoracy')).toContain('Quorate');
    const register = await agent.get(`/meetings/${id}/attendance`);
    expect(text(register, '#register')).toContain(`${LOCKED} its attendance cannot change`);
    expect(register.$(`input[name="status-${scene.policeSeat}"]`)).toHaveLength(0);
    expect(text(register, '#guests + p + table')).not.toContain('Correct');
    const edit = await agent.get(`/meetings/${id}/edit`);
    expect(edit.status).toBe(303);
    expect(edit.location).toBe(`/meetings/${id}`);
  });

  it('refuses every change to its record with a clear message, writing nothing', async () => {
    const { id, item, proposal, guestId, scene } = await approvedMeeting('Neglect Group');
    const before = await recordOf(id);
    const meetingPath = `/meetings/${id}`;
    const attempts: [string, Record<string, string>, string][] = [
      [
        '/edit',
        {
          'day-day': '15',
          'day-month': '1',
          'day-year': '2027',
          startTime: '10:00',
          endTime: '12:00',
          location: 'Elsewhere',
          reason: 'Room double-booked',
        },
        `${LOCKED} the meeting cannot change`,
      ],
      ['/cancel', { reason: 'Chair unwell' }, `${LOCKED} the meeting cannot change`],
      [
        '/attendance',
        { [`status-${scene.policeSeat}`]: 'absent' },
        `${LOCKED} its attendance cannot change`,
      ],
      [
        '/attendance/guests',
        { guestName: 'Bo Late', guestRole: 'Observer' },
        `${LOCKED} its guests cannot change`,
      ],
      [
        `/attendance/guests/${guestId}`,
        { guestName: 'Ann Visiter', guestRole: 'Independent scrutineer' },
        `${LOCKED} its guests cannot change`,
      ],
      [
        `/items/${item.id}/decisions`,
        { text: 'Another decision', kind: 'decision' },
        'The minutes of this meeting are approved and locked',
      ],
      [
        '/agenda/new',
        { title: 'Late item', purpose: 'discussion' },
        'The minutes of this meeting are approved, so its agenda cannot change',
      ],
      ['/agenda/publish', {}, `${LOCKED} its agenda cannot change`],
      [`/agenda/${proposal.id}/answer`, { answer: 'accept' }, `${LOCKED} its agenda cannot change`],
      ['/minutes', {}, 'The minutes were approved at the meeting on 11 March 2027 and are locked'],
    ];
    for (const [path, fields, message] of attempts) {
      const refused = await agent.submit(`${meetingPath}${path}`, fields, meetingPath);
      expect([path, refused.status >= 400]).toEqual([path, true]);
      expect([path, text(refused, 'main')]).toEqual([path, expect.stringContaining(message)]);
    }
    const removed = await agent.submit(
      `${meetingPath}/attendance/guests/${guestId}/remove`,
      {},
      meetingPath,
    );
    expect(removed.status).toBeGreaterThanOrEqual(400);
    expect(await recordOf(id)).toBe(before);
  });
});
