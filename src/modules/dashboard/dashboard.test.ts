import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { actionTestBed } from '../actions/action-fixtures.js';
import { quorumScene, recordAttendance } from '../meetings/attendance-fixtures.js';

const bed = await actionTestBed();
const { agent, admin, fixtures, meeting, meetingItem, action, clock } = bed;

/** The text of the next-meetings row for a body. */
const rowOf = (page: Awaited<ReturnType<typeof agent.get>>, bodyName: string) =>
  page
    .$('#next-meetings + table tbody tr')
    .filter((_index, row) => page.$(row).text().includes(bodyName))
    .text()
    .replace(/\s+/g, ' ')
    .trim();

describe('business unit dashboard', () => {
  it('lists next meetings, agendas not published and minutes awaiting approval', async () => {
    const partnership = await fixtures.body({ name: 'Safeguarding Partnership' });
    const forum = await fixtures.body({ name: 'Chairs Forum' });
    await meeting(partnership, '2026-11-20');
    await meeting(forum, '2026-12-08');
    await meeting(partnership, '2027-03-09');
    const page = await agent.get('/dashboard');
    expect(page.status).toBe(200);
    const next = text(page, '#next-meetings + table');
    expect(next).toContain('Chairs Forum');
    expect(next).toContain('8 December 2026');
    expect(next).not.toContain('20 November 2026');
    const unpublished = page.$('#unpublished-agendas ~ ul').first().text();
    expect(unpublished).toContain('Chairs Forum');
    // Beyond the four-week horizon: not yet worth flagging.
    expect(unpublished).not.toContain('9 March 2027');
    const awaiting = page.$('#minutes-awaiting-approval + ul').text();
    expect(awaiting).toContain('Safeguarding Partnership');
    expect(awaiting).toContain('20 November 2026');
    expect(awaiting).toContain('Draft');
  });

  it('counts overdue actions by the owner’s agency, with a link to them', async () => {
    const police = await fixtures.agency({ name: 'Northshire Police' });
    const council = await fixtures.agency({ name: 'Northshire Council' });
    const officer = await fixtures.person(police);
    const social = await fixtures.person(council);
    const source = await meetingItem('2026-12-08');
    await action(source, { ownerPersonId: officer, dueOn: '2026-12-10' });
    await action(source, { ownerPersonId: officer, dueOn: '2026-12-11' });
    await action(source, { ownerPersonId: social, dueOn: '2026-12-11' });
    await action(source, { ownerPersonId: social, dueOn: '2027-02-01' });
    const before = await agent.get('/dashboard');
    expect(text(before, '#overdue-actions + p')).toBe('No actions are overdue.');
    clock.set('2026-12-14T09:00:00Z');
    // Seventeen days on, the session has long expired.
    await agent.signIn(admin, clock.now());
    const after = await agent.get('/dashboard');
    const rows = after
      .$('#overdue-actions + table tbody tr')
      .map((_index, row) => after.$(row).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(rows).toEqual(['Northshire Police 2', 'Northshire Council 1']);
    expect(after.$('#overdue-actions + table a').first().attr('href')).toBe(
      `/actions?agency=${police}&overdue=yes`,
    );
    expect(text(after, '#overdue-actions-total')).toBe('All 3 overdue actions');
    expect(after.$('#overdue-actions-total a').attr('href')).toBe('/actions?overdue=yes');
  });

  it('names the ten agencies with the most overdue actions and sums up the rest', async () => {
    const source = await meetingItem('2026-12-01');
    for (let index = 1; index <= 12; index += 1) {
      const owner = await fixtures.person(
        await fixtures.agency({ name: `Agency ${String(index).padStart(2, '0')}` }),
      );
      // Agency 01 has 12 overdue, Agency 12 one: the last two fall outside the table.
      for (let copy = 13 - index; copy > 0; copy -= 1)
        await action(source, { ownerPersonId: owner, dueOn: '2026-12-02' });
    }
    const page = await agent.get('/dashboard');
    const agencies = page
      .$('#overdue-actions + table tbody tr td:first-child')
      .map((_index, cell) => page.$(cell).text().trim())
      .get()
      .filter((name) => name.startsWith('Agency '));
    expect(agencies).toHaveLength(10);
    expect(agencies[0]).toBe('Agency 01');
    expect(agencies).not.toContain('Agency 11');
    // Beyond the table: Agencies 11 and 12, and the two agencies of the test before (3 actions).
    expect(text(page, '#overdue-actions-total')).toBe(
      '4 more agencies have 6 overdue actions between them. All 81 overdue actions',
    );
  });
});

describe('quoracy risk on the dashboard', () => {
  it('names the partner at risk when a required agency’s member sends apologies, and the deputy who can cover', async () => {
    const scene = await quorumScene(bed, { bodyName: 'Exploitation Group' });
    const id = await meeting(scene.body, '2027-01-12');
    const before = await agent.get('/dashboard');
    expect(rowOf(before, 'Exploitation Group')).toContain(
      'No apologies leave an agency the quorum needs unrepresented',
    );
    await recordAttendance(bed, id, [{ membershipId: scene.policeSeat, status: 'apologies' }]);
    const after = await agent.get('/dashboard');
    expect(rowOf(after, 'Exploitation Group')).toContain(
      `At risk ${scene.names.police}: apologies from ${scene.names.officer}. ${scene.names.deputy} can deputise (delegated authority on 12 January 2027).`,
    );
  });

  it('does not name apologies from agencies the quorum does not need', async () => {
    const scene = await quorumScene(bed, { bodyName: 'Neglect Group' });
    const health = await fixtures.agency({ name: 'Northshire Health Board' });
    const nurse = await fixtures.person(health, { fullName: 'Ali Khan' });
    const healthSeat = await fixtures.membership(scene.body, nurse, health);
    const id = await meeting(scene.body, '2027-01-13');
    await recordAttendance(bed, id, [
      { membershipId: healthSeat, status: 'apologies' },
      { membershipId: scene.councilSeat, status: 'apologies' },
    ]);
    const row = rowOf(await agent.get('/dashboard'), 'Neglect Group');
    expect(row).toContain(
      `At risk ${scene.names.council}: apologies from ${scene.names.director}. No deputy has delegated authority on 13 January 2027.`,
    );
    expect(row).not.toContain('Ali Khan');
  });

  it('uses the default rule (every safeguarding partner) and the meeting’s day for the deputy', async () => {
    const partner = { isSafeguardingPartner: true };
    const police = await fixtures.agency({ name: 'Westshire Constabulary', ...partner });
    const council = await fixtures.agency({ name: 'Westshire Council', ...partner });
    const body = await fixtures.body({ name: 'Westshire Partnership', bodyType: 'partnership' });
    const chief = await fixtures.person(police, { fullName: 'Kim Oduya' });
    const lead = await fixtures.person(police, { fullName: 'Pat Lowe' });
    const inspector = await fixtures.person(police, { fullName: 'Ros Ahmed' });
    const director = await fixtures.person(council, { fullName: 'Mo Clarke' });
    const chiefSeat = await fixtures.membership(body, chief, police);
    // An observer from the police never counts, so does not save the quorum.
    await fixtures.membership(body, lead, police, { decisionMaking: false });
    await fixtures.membership(body, director, council);
    const added = await bed.services.governance.memberships.addDeputy(bed.context, chiefSeat, {
      personId: inspector,
      startsOn: '2026-12-01',
      endsOn: '2027-01-31',
    });
    expect(added.ok).toBe(true);
    const covered = await meeting(body, '2027-01-14');
    const uncovered = await meeting(body, '2027-02-11');
    for (const id of [covered, uncovered])
      await recordAttendance(bed, id, [{ membershipId: chiefSeat, status: 'apologies' }]);
    const page = await agent.get('/dashboard');
    const rows = page
      .$('#next-meetings + table tbody tr')
      .map((_index, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
      .get()
      .filter((row) => row.includes('Westshire Partnership'));
    expect(rows).toEqual([
      expect.stringContaining(
        'At risk Westshire Constabulary: apologies from Kim Oduya. Ros Ahmed can deputise (delegated authority on 14 January 2027).',
      ),
      expect.stringContaining(
        'At risk Westshire Constabulary: apologies from Kim Oduya. No deputy has delegated authority on 11 February 2027.',
      ),
    ]);
    expect(rows.join(' ')).not.toContain('Westshire Council:');
  });
});
