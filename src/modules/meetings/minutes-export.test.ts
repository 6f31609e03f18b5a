import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { eq } from 'drizzle-orm';
import {
  action,
  attendance,
  decision,
  meeting as meetingTable,
  paper,
  storedFile,
} from '../../db/schema/index.js';
import { SESSION_COOKIE } from '../../platform/http/session-hook.js';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { minutesFileName } from './minutes-export.service.js';
import { minutesFixtures } from './minutes-fixtures.js';

const { app, services, context, agent, fixtures, meeting, database, partnership, clock } =
  await meetingTestBed();
const db = database.app.db;

const member = await createUser(db, services, partnership.id, { roles: ['member'], mfa: false });
const memberAgent = new Agent(app);
await memberAgent.signIn(member, clock.now());

const rows = <T>(work: (tx: Parameters<Parameters<typeof inTenant>[2]>[0]) => Promise<T>) =>
  inTenant(db, context, work);

/** A meeting with everything the minutes report: attendance, papers, decisions, actions. */
async function minutedMeeting() {
  const body = await fixtures.body({ name: 'Safeguarding Partnership', bodyType: 'partnership' });
  const police = await fixtures.agency({ name: 'Northshire Police' });
  const council = await fixtures.agency({ name: 'Northshire Council' });
  const health = await fixtures.agency({ name: 'Northshire Health' });
  const chief = await fixtures.person(police, { fullName: 'Jo Hartley' });
  const inspector = await fixtures.person(police, { fullName: 'Dee Inspector' });
  const director = await fixtures.person(council, { fullName: 'Ravi Shah' });
  const nurse = await fixtures.person(health, { fullName: 'Lin Nurse' });
  const chiefSeat = await fixtures.membership(body, chief, police);
  const directorSeat = await fixtures.membership(body, director, council);
  const nurseSeat = await fixtures.membership(body, nurse, health);
  const delegation = await services.governance.memberships.addDeputy(context, chiefSeat, {
    personId: inspector,
    startsOn: '2024-04-01',
    endsOn: null,
  });
  if (!delegation.ok) throw new Error('deputy refused');
  const id = await meeting(body, '2027-01-14', { location: 'Council House, Room 1' });
  const [priorities, incidents] = await minutesFixtures(db, context).items(id, [
    {
      title: 'Strategic priorities',
      purpose: 'decision',
      presenter: 'Ravi Shah',
      minutes: 'The partnership agreed its priorities.\n\nThe chair thanked members.',
    },
    { title: 'Serious incidents', purpose: 'information' },
    { title: 'Withdrawn item', withdrawnAt: new Date() },
  ]);
  await rows(async (tx) => {
    const base = { partnershipId: context.partnershipId, meetingId: id };
    await tx.insert(attendance).values([
      { ...base, membershipId: chiefSeat, status: 'deputy', deputyId: delegation.value.id },
      { ...base, membershipId: directorSeat, status: 'present' },
      { ...base, membershipId: nurseSeat, status: 'apologies' },
      { ...base, status: 'present', guestName: 'Ann Visitor', guestRole: 'Independent scrutineer' },
    ]);
    await tx.insert(decision).values([
      {
        ...base,
        agendaItemId: priorities!.id,
        text: 'Adopt the three priorities',
        kind: 'decision',
        quorate: true,
      },
      {
        ...base,
        agendaItemId: priorities!.id,
        text: 'Fund a neglect audit',
        kind: 'recommendation',
        quorate: false,
        needsRatification: true,
        ratifyingBodyId: body,
      },
    ]);
    const files = await tx
      .insert(storedFile)
      .values(
        ['open.pdf', 'secret.pdf'].map((fileName) => ({
          partnershipId: context.partnershipId,
          fileName,
          contentType: 'application/pdf',
          byteSize: 4,
          sha256: fileName,
          content: Buffer.from('%PDF'),
        })),
      )
      .returning();
    await tx.insert(paper).values([
      {
        partnershipId: context.partnershipId,
        agendaItemId: priorities!.id,
        fileId: files[0]!.id,
        title: 'Priorities paper',
      },
      {
        partnershipId: context.partnershipId,
        agendaItemId: priorities!.id,
        fileId: files[1]!.id,
        title: 'Named child case summary',
        restricted: true,
      },
    ]);
    await tx.insert(action).values({
      partnershipId: context.partnershipId,
      title: 'Circulate the priorities to agencies',
      sourceType: 'meeting_item',
      sourceKind: 'meeting',
      agendaItemId: incidents!.id,
      ownerPersonId: director,
      dueOn: '2027-02-01',
      status: 'in_progress',
    });
  });
  return { id, body, directorSeat };
}

const { id, body, directorSeat } = await minutedMeeting();

/** The document's bytes as served: the agent reads bodies as text, which would mangle them. */
const download = (from: Agent, meetingId: string) =>
  app.inject({
    method: 'GET',
    url: `/meetings/${meetingId}/minutes.docx`,
    cookies: { [SESSION_COOKIE]: from.cookie(SESSION_COOKIE)! },
  });

describe('the Word export of agenda and minutes', () => {
  it('is a real .docx holding attendance, agenda, minutes, decisions and actions', async () => {
    const response = await download(agent, id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toContain(
      'filename="Safeguarding-Partnership-minutes-2027-01-14.docx"',
    );
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes('word/document.xml')).toBe(true);
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines).toEqual([
      'Safeguarding Partnership: minutes of the meeting on 14 January 2027',
      'When: 14 January 2027, 10:00am to 12:00pm',
      'Where: Council House, Room 1',
      'Draft minutes',
      'Attendance',
      'Present',
      'Ravi Shah, Northshire Council',
      'Represented by a deputy',
      'Dee Inspector for Jo Hartley, Northshire Police',
      'Apologies',
      'Lin Nurse, Northshire Health',
      'Guests',
      'Ann Visitor, Independent scrutineer',
      'Agenda',
      '1. Strategic priorities (For decision, presented by Ravi Shah)',
      'Papers: Priorities paper',
      '2. Serious incidents (For information)',
      'Minutes',
      '1. Strategic priorities',
      'The partnership agreed its priorities.',
      'The chair thanked members.',
      'Decisions',
      // Its agenda was never published (decision 0021).
      'Recorded at a meeting whose agenda was not published.',
      'Decision: Adopt the three priorities',
      'Recommendation: Fund a neglect audit. For ratification by Safeguarding Partnership',
      '2. Serious incidents',
      'No minute was recorded.',
      'Actions',
      'Action',
      'Owner',
      'Due',
      'Status',
      'Circulate the priorities to agencies',
      'Ravi Shah',
      '1 February 2027',
      'In progress',
    ]);
    expect(value).not.toContain('Named child case summary');
    expect(value).not.toContain('Withdrawn item');
  });

  it('uses Word headings and a real table, so it is accessible', async () => {
    const bytes = (await download(agent, id)).rawPayload;
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('<h1>Attendance</h1>');
    expect(html).toContain('<h2>1. Strategic priorities</h2>');
    expect(html).toMatch(/<table>.*Circulate the priorities to agencies.*<\/table>/);
  });

  it('may be downloaded by any member; 404 for a meeting that does not exist', async () => {
    const response = await download(memberAgent, id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const missing = await download(agent, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('says, once approved, at which meeting', async () => {
    expect((await services.meetings.minutes.circulate(context, id)).ok).toBe(true);
    const next = await meeting(body, '2027-03-11');
    await rows((tx) =>
      tx.insert(attendance).values({
        partnershipId: context.partnershipId,
        meetingId: next,
        membershipId: directorSeat,
        status: 'present',
      }),
    );
    const approval = (await services.meetings.find(context, next))!.items.find(
      (item) => item.approvesMinutesOfMeetingId === id,
    )!;
    expect((await services.meetings.minutes.approve(context, next, approval.id)).ok).toBe(true);
    const { value } = await mammoth.extractRawText({
      buffer: (await download(agent, id)).rawPayload,
    });
    expect(value).toContain('Approved at the meeting on 11 March 2027');
    expect(value).not.toContain('Draft minutes');
  });
});

describe('decisions at a meeting whose agenda was not published', () => {
  it('are recorded with a note on the meeting page and in the minutes, gone once it is published', async () => {
    const unpublished = await meeting(body, '2027-05-13');
    const [item] = await minutesFixtures(db, context).items(unpublished, [
      { title: 'Neglect strategy' },
    ]);
    const form = await agent.get(`/meetings/${unpublished}/items/${item!.id}/decisions/new`);
    expect(text(form, '#unpublished-agenda')).toContain('This meeting’s agenda was not published');
    const recorded = await agent.submit(
      `/meetings/${unpublished}/items/${item!.id}/decisions`,
      { text: 'Adopt the neglect strategy.', kind: 'recommendation' },
      `/meetings/${unpublished}/items/${item!.id}/decisions/new`,
    );
    expect(recorded.status).toBe(303);
    const note = 'Recorded at a meeting whose agenda was not published.';
    const page = await agent.get(`/meetings/${unpublished}`);
    expect(text(page, `#unpublished-agenda-${item!.id}`)).toBe(note);
    const word = async () =>
      (await mammoth.extractRawText({ buffer: (await download(agent, unpublished)).rawPayload }))
        .value;
    expect(await word()).toContain(
      `Decisions\n\n${note}\n\nRecommendation: Adopt the neglect strategy.`,
    );

    await rows((tx) =>
      tx
        .update(meetingTable)
        .set({ agendaPublishedAt: new Date('2027-05-01T09:00:00Z') })
        .where(eq(meetingTable.id, unpublished)),
    );
    const published = await agent.get(`/meetings/${unpublished}`);
    expect(published.$(`#unpublished-agenda-${item!.id}`)).toHaveLength(0);
    expect(text(published, `#decisions-${item!.id}`)).toContain('Adopt the neglect strategy.');
    expect(await word()).not.toContain(note);
  });
});

describe('the export’s file name', () => {
  it('names the body and the meeting’s UK date, with nothing a file system minds', () => {
    expect(minutesFileName('Safeguarding Partnership', new Date('2027-01-14T10:00:00Z'))).toBe(
      'Safeguarding-Partnership-minutes-2027-01-14.docx',
    );
    expect(minutesFileName(' Voice / Influence: group ', new Date('2027-06-30T23:30:00Z'))).toBe(
      'Voice-Influence-group-minutes-2027-07-01.docx',
    );
  });
});
