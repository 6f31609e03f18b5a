import { describe, expect, it } from 'vitest';
import { inTenant } from '../../../db/client.js';
import { Agent, text, type Page } from '../../../testing/agent.js';
import { createUser } from '../../../testing/fixtures.js';
import { insertAgendaItems } from '../agenda.repository.js';
import { quorumScene, recordAttendance } from '../attendance-fixtures.js';
import { meetingTestBed } from '../meeting-fixtures.js';

// The clock stands at 09:00 on Friday 27 November 2026 (the meeting test bed's).
const bed = await meetingTestBed();
const { app, services, context, agent, meeting, database, clock } = bed;
const { decisions } = services.meetings;

let position = 0;

/** An item added straight to a meeting's agenda. */
async function item(meetingId: string, title = 'Escalation policy') {
  position += 1;
  const [row] = await inTenant(database.app.db, context, (tx) =>
    insertAgendaItems(tx, [
      {
        partnershipId: context.partnershipId,
        meetingId,
        position: 50 + position,
        title,
        purpose: 'decision',
        origin: 'added',
      },
    ]),
  );
  return row!.id;
}

type Scene = Awaited<ReturnType<typeof quorumScene>>;

/** A quorate meeting of the scene's body on `day`, with one item. */
async function quorateMeeting(scene: Scene, day: string) {
  const id = await meeting(scene.body, day);
  await recordAttendance(bed, id, [
    { membershipId: scene.policeSeat, status: 'present' },
    { membershipId: scene.councilSeat, status: 'present' },
  ]);
  return { id, itemId: await item(id) };
}

async function decide(
  at: { id: string; itemId: string },
  text: string,
  options: { kind?: 'decision' | 'recommendation'; needsRatification?: boolean } = {},
) {
  const outcome = await decisions.recordDecision(context, at.id, at.itemId, {
    text,
    kind: options.kind ?? 'decision',
    needsRatification: options.needsRatification ?? false,
  });
  if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
}

/** Records the ratifying body's outcome on the item that puts `wording` to its meeting. */
async function ratify(
  meetingId: string,
  wording: string,
  outcome: 'ratified' | 'not_ratified' | 'deferred',
) {
  const found = await services.meetings.find(context, meetingId);
  const ratifying = found!.items.find((row) => row.title === `For ratification: ${wording}`);
  const recorded = await decisions.recordRatification(context, meetingId, ratifying!.id, {
    outcome,
    note: outcome === 'ratified' ? null : 'Bring back the costs',
    needsFurtherRatification: false,
  });
  if (!recorded.ok) throw new Error(`Fixture refused: ${JSON.stringify(recorded.errors)}`);
}

const rows = (page: Page) =>
  page
    .$('#decisions-register tbody tr')
    .map((_index, row) => page.$(row).text().replace(/\s+/g, ' ').trim())
    .get();

// A forum that ratifies its sub-group's decisions; a partnership above it with no meeting.
const partnership = await quorumScene(bed, { bodyName: 'Safeguarding Partnership' });
const forum = await quorumScene(bed, {
  bodyName: 'Chairs Consultation Forum',
  reportsToId: partnership.body,
});
const subGroup = await quorumScene(bed, {
  bodyName: 'Quality Assurance Group',
  reportsToId: forum.body,
});
const lonely = await quorumScene(bed, {
  bodyName: 'Learning Group',
  reportsToId: partnership.body,
});

const early = await quorateMeeting(subGroup, '2026-10-06');
await decide(early, 'Adopt the neglect toolkit', { needsRatification: true });
const later = await quorateMeeting(subGroup, '2026-11-03');
await decide(later, 'Publish the audit findings');
await decide(later, 'Fund a second auditor', { kind: 'recommendation', needsRatification: true });
await decide(later, 'Change the threshold document', { needsRatification: true });
const learning = await quorateMeeting(lonely, '2026-11-10');
await decide(learning, 'Adopt the learning strategy', { needsRatification: true });
// The forum hears the toolkit and the threshold document at its November meeting.
const forumMeeting = await quorateMeeting(forum, '2026-11-17');
await ratify(forumMeeting.id, 'Adopt the neglect toolkit', 'ratified');
// Its next meeting, where the rest will be heard.
const nextForum = await meeting(forum.body, '2027-01-12');

describe('the decisions register', () => {
  it('lists every decision and recommendation, latest meeting first, with its status in words', async () => {
    const page = await agent.get(`/meetings/decisions?body=${subGroup.body}`);
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Decisions register');
    const listed = rows(page);
    expect(listed).toHaveLength(4);
    expect(listed[3]).toContain('Quality Assurance Group');
    expect(listed[3]).toContain('6 October 2026');
    expect(listed[3]).toContain('Adopt the neglect toolkit Ratified By Chairs Consultation Forum');
    const later = listed.slice(0, 3).join(' | ');
    expect(later).toContain('Decision Publish the audit findings Recorded');
    expect(later).toContain(
      'Recommendation Fund a second auditor Awaiting ratification By Chairs Consultation Forum',
    );
    expect(later).toContain('Change the threshold document Awaiting ratification');
  });

  it("lists a ratifying body's outcome as its decision", async () => {
    const page = await agent.get(`/meetings/decisions?body=${forum.body}`);
    expect(rows(page)).toEqual([
      expect.stringContaining('Ratification: ratified Adopt the neglect toolkit Recorded'),
    ]);
  });

  it('filters by status and by the period of the meetings', async () => {
    const awaiting = rows(await agent.get('/meetings/decisions?status=awaiting'));
    expect(awaiting.join(' | ')).toContain('Fund a second auditor');
    expect(awaiting.join(' | ')).toContain('Adopt the learning strategy');
    expect(awaiting.join(' | ')).not.toContain('Adopt the neglect toolkit');
    const ratified = rows(await agent.get('/meetings/decisions?status=ratified'));
    expect(ratified).toEqual([expect.stringContaining('Adopt the neglect toolkit')]);
    const october = await agent.get(
      '/meetings/decisions?from-day=1&from-month=10&from-year=2026&to-day=31&to-month=10&to-year=2026',
    );
    expect(rows(october)).toEqual([expect.stringContaining('Adopt the neglect toolkit')]);
    expect(october.$('#from-day').val()).toBe('1');
    const november = rows(await agent.get('/meetings/decisions?from=2026-11-03&to=2026-11-10'));
    expect(november).toHaveLength(4);
  });

  it('shows deferred and not ratified outcomes on the decision heard', async () => {
    const board = await quorumScene(bed, { bodyName: 'Children’s Trust Board' });
    const group = await quorumScene(bed, { reportsToId: board.body });
    const at = await quorateMeeting(group, '2026-11-05');
    await decide(at, 'Pilot the family network meetings', { needsRatification: true });
    const hearing = await quorateMeeting(board, '2026-11-19');
    await ratify(hearing.id, 'Pilot the family network meetings', 'deferred');
    const deferred = rows(await agent.get(`/meetings/decisions?body=${group.body}`));
    expect(deferred).toEqual([
      expect.stringContaining('Pilot the family network meetings Deferred'),
    ]);
    const second = await quorateMeeting(board, '2026-11-24');
    await ratify(second.id, 'Pilot the family network meetings', 'not_ratified');
    const refused = rows(
      await agent.get(`/meetings/decisions?body=${group.body}&status=not_ratified`),
    );
    expect(refused).toEqual([
      expect.stringContaining('Pilot the family network meetings Not ratified'),
    ]);
  });

  it('ignores a body or status it cannot read, and refuses a date that is not real', async () => {
    const ignored = await agent.get('/meetings/decisions?body=nope&status=lost&page=-3');
    expect(ignored.status).toBe(200);
    expect(rows(ignored).length).toBeGreaterThan(4);
    const unreal = await agent.get('/meetings/decisions?from-day=31&from-month=2&from-year=2026');
    expect(unreal.status).toBe(400);
    expect(text(unreal, '.govuk-error-summary')).toContain('Meetings from must be a real date');
    expect(unreal.$('#from-day').val()).toBe('31');
    const backwards = await agent.get('/meetings/decisions?from=2026-12-01&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(text(backwards, '.govuk-error-summary')).toContain(
      'The start of the period must be the same as or before its end',
    );
    const csv = await agent.get('/meetings/decisions.csv?from=2026-02-31');
    expect(csv.status).toBe(303);
    expect(csv.headers.location).toBe('/meetings/decisions?from=2026-02-31');
  });

  it('pages 25 decisions at a time', async () => {
    const group = await quorumScene(bed);
    const at = await quorateMeeting(group, '2026-09-01');
    for (let number = 1; number <= 26; number += 1)
      await decide(at, `Recommendation ${String(number).padStart(2, '0')}`, {
        kind: 'recommendation',
      });
    const first = await agent.get(`/meetings/decisions?body=${group.body}`);
    expect(rows(first)).toHaveLength(25);
    expect(text(first, 'main')).toContain('26 results');
    const second = await agent.get(`/meetings/decisions?body=${group.body}&page=2`);
    expect(rows(second)).toEqual([expect.stringContaining('Recommendation 26')]);
  });

  it('exports the filtered list as CSV, formula-safe', async () => {
    const group = await quorumScene(bed, { bodyName: 'Neglect Subgroup', reportsToId: forum.body });
    const at = await quorateMeeting(group, '2026-11-12');
    await decide(at, '=HYPERLINK("http://evil.example")', { needsRatification: true });
    await decide(at, 'Keep the current timetable');
    const page = await agent.get(`/meetings/decisions?body=${group.body}&status=awaiting`);
    const href = page.$('a[download]').attr('href');
    expect(href).toBe(`/meetings/decisions.csv?body=${group.body}&status=awaiting`);
    const csv = await agent.get(href!);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'Meeting date,Body,Kind,Text,Status,To be ratified by',
      `2026-11-12,Neglect Subgroup,Decision,"'=HYPERLINK(""http://evil.example"")",Awaiting ratification,Chairs Consultation Forum`,
    ]);
  });

  it('is linked from the meetings page and open to everyone signed in', async () => {
    const meetings = await agent.get('/meetings');
    expect(meetings.$('a[href="/meetings/decisions"]').text()).toBe('Decisions register');
    for (const role of ['observer', 'member', 'independent_scrutineer'] as const) {
      const user = await createUser(database.app.db, services, context.partnershipId, {
        roles: [role],
        mfa: false,
      });
      const reader = new Agent(app);
      await reader.signIn(user, clock.now());
      const page = await reader.get(`/meetings/decisions?body=${subGroup.body}`);
      expect(page.status).toBe(200);
      expect(rows(page)).toHaveLength(4);
      expect((await reader.get('/meetings/decisions.csv')).status).toBe(200);
    }
    const anonymous = await new Agent(app).get('/meetings/decisions');
    expect(anonymous.status).toBe(303);
  });
});

describe("the dashboard's decisions waiting for ratification", () => {
  it('names the body that must ratify each and its next meeting, or that none is scheduled', async () => {
    const page = await agent.get('/dashboard');
    const waiting = page.$('#ratifications-waiting + table tbody tr');
    const rowOf = (words: string) =>
      waiting.filter((_index, row) => page.$(row).text().includes(words));
    const row = (words: string) => rowOf(words).text().replace(/\s+/g, ' ').trim();
    expect(row('Fund a second auditor')).toContain('Chairs Consultation Forum 12 January 2027');
    expect(rowOf('Fund a second auditor').find(`a[href="/meetings/${nextForum}"]`).length).toBe(1);
    expect(row('Adopt the learning strategy')).toContain(
      'Safeguarding Partnership No meeting of Safeguarding Partnership is scheduled',
    );
    expect(row('Adopt the neglect toolkit')).toBe('');
    expect(row('Publish the audit findings')).toBe('');
    expect(page.$('a[href="/meetings/decisions?status=awaiting"]').length).toBe(1);
  });
});
