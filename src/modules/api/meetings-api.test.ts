import { describe, expect, it } from 'vitest';
import { quorumScene, recordAttendance } from '../meetings/attendance-fixtures.js';
import { meetingTestBed } from '../meetings/meeting-fixtures.js';

const bed = await meetingTestBed();
const { app, services, context, meeting } = bed;
const { token } = await services.apiTokens.create(context, { name: 'Tests' });
const get = (url: string) => app.inject({ url, headers: { authorization: `Bearer ${token}` } });

describe('meetings through the API', () => {
  it('lists a body’s upcoming meetings with the body named', async () => {
    const scene = await quorumScene(bed, { bodyName: 'Practice Review Group' });
    await meeting(scene.body, '2026-12-15');
    await meeting(scene.body, '2026-11-10');
    const listed = await get(`/api/v1/meetings?body=${scene.body}`);
    expect(listed.statusCode).toBe(200);
    const { items, total } = listed.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      body: { id: scene.body, name: 'Practice Review Group' },
      startsAt: '2026-12-15T10:00:00.000Z',
      status: 'scheduled',
      minutesStatus: 'draft',
    });
    const past = await get(`/api/v1/meetings?body=${scene.body}&when=past`);
    expect(past.json().items[0].startsAt).toBe('2026-11-10T10:00:00.000Z');
  });

  it('gives a meeting’s attendance with the quorum result and its decisions', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, '2026-12-15');
    await recordAttendance(bed, id, [
      { membershipId: scene.policeSeat, status: 'absent' },
      { membershipId: scene.councilSeat, status: 'present' },
    ]);
    const notQuorate = (await get(`/api/v1/meetings/${id}`)).json();
    expect(notQuorate.quorum).toMatchObject({
      quorate: false,
      recorded: true,
      missingAgencies: [{ id: scene.police, name: scene.names.police }],
    });
    expect(notQuorate.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ person: scene.names.officer, status: 'absent', deputy: null }),
      ]),
    );
    await recordAttendance(bed, id, [
      { membershipId: scene.policeSeat, status: 'deputy', deputyId: scene.deputy },
    ]);
    const item = await services.meetings.agenda.items.add(context, id, {
      title: 'Neglect audit',
      purpose: 'decision',
      presenter: '',
      durationMinutes: null,
    });
    if (!item.ok) throw new Error('Fixture refused the item');
    const decided = await services.meetings.decisions.recordDecision(context, id, item.value.id, {
      text: 'Adopt the audit’s action plan',
      kind: 'decision',
      needsRatification: false,
    });
    expect(decided.ok).toBe(true);
    const quorate = (await get(`/api/v1/meetings/${id}`)).json();
    expect(quorate.quorum.quorate).toBe(true);
    expect(quorate.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'deputy', deputy: scene.names.deputy }),
      ]),
    );
    expect(quorate.agenda.map((entry: { title: string }) => entry.title)).toContain(
      'Neglect audit',
    );
    expect(quorate.decisions).toEqual([
      expect.objectContaining({
        agendaItemId: item.value.id,
        text: 'Adopt the audit’s action plan',
        kind: 'decision',
        quorate: true,
        ratificationState: null,
      }),
    ]);
  });

  it('refuses a bad query and answers 404 for an unknown meeting', async () => {
    const bad = await get('/api/v1/meetings?when=tomorrow');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.when).toBe('when must be upcoming, past or all');
    expect((await get('/api/v1/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await get('/api/v1/meetings/not-an-id')).statusCode).toBe(404);
  });
});
