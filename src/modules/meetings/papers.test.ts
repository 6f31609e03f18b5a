import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { sampleFiles, submitWithFile, type FileToSend } from '../../testing/multipart.js';
import { agendaFixtures } from './agenda-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { app, services, database, partnership, context, agent, fixtures, meeting, clock } =
  await meetingTestBed();
const { agendaItem } = agendaFixtures(services, context);

const agency = await fixtures.agency({ name: 'Northshire Integrated Care Board' });
const body = await fixtures.body({ name: 'Quality Assurance Sub-group' });

/** A signed-in account linked to a person, with a membership of `body` when dates are given. */
async function person(dates?: { startsOn: string; endsOn: string | null }) {
  const user = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
  const personId = await fixtures.person(agency, { userId: user.userId, email: user.email });
  if (dates) await fixtures.membership(body, personId, agency, dates);
  const signedIn = new Agent(app);
  await signedIn.signIn(user, clock.now());
  return signedIn;
}

const member = await person({ startsOn: '2024-04-01', endsOn: null });
const nonMember = await person();
const formerMember = await person({ startsOn: '2024-04-01', endsOn: '2026-12-31' });

const paperPath = (meetingId: string, itemId: string) =>
  `/meetings/${meetingId}/agenda/${itemId}/papers/new`;

const upload = (
  meetingId: string,
  itemId: string,
  file: FileToSend | undefined,
  fields: Record<string, string> = { title: 'Audit report' },
) => submitWithFile(agent, paperPath(meetingId, itemId), fields, file);

const counts = async () =>
  (
    await database.owner.db.execute<{ files: number; papers: number }>(
      sql`select (select count(*)::int from stored_file) as files, (select count(*)::int from paper) as papers`,
    )
  ).rows[0]!;

/** A meeting of the body on 14 January 2027 with one item, a public paper and a restricted one. */
async function meetingWithPapers(day = '2027-01-14') {
  const meetingId = await meeting(body, day);
  const itemId = await agendaItem(meetingId, 'Multi-agency audit: neglect');
  await upload(meetingId, itemId, sampleFiles.pdf('neglect-audit.pdf'), {
    title: 'Neglect audit summary',
  });
  await upload(meetingId, itemId, sampleFiles.docx('case-detail.docx'), {
    title: 'Case detail for Child R',
    restricted: 'yes',
  });
  const ids = (
    await database.owner.db.execute<{ id: string; restricted: boolean }>(
      sql`select id, restricted from paper where agenda_item_id = ${itemId} order by created_at`,
    )
  ).rows;
  return {
    meetingId,
    itemId,
    open: ids.find((row) => !row.restricted)!.id,
    restricted: ids.find((row) => row.restricted)!.id,
  };
}

describe('papers for agenda items', () => {
  it('uploads papers and shows the business unit both, with the restricted one tagged', async () => {
    const { meetingId, itemId, open, restricted } = await meetingWithPapers();
    const page = await agent.get(`/meetings/${meetingId}`);
    const papers = text(page, `#papers-${itemId}`);
    const bytes = sampleFiles.pdf().content.length;
    expect(bytes).toBeLessThan(1024);
    expect(papers).toContain(`Neglect audit summary (neglect-audit.pdf, ${bytes} bytes)`);
    expect(papers).toContain('Case detail for Child R');
    expect(text(page, `#papers-${itemId} .govuk-tag`)).toBe('Restricted');
    const download = await agent.get(`/meetings/${meetingId}/papers/${restricted}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.headers['content-disposition']).toContain('case-detail.docx');
    expect(download.raw.equals(sampleFiles.docx().content)).toBe(true);
    expect((await agent.get(`/meetings/${meetingId}/papers/${open}`)).status).toBe(200);
  });

  it('lets a member of the body see and open a restricted paper', async () => {
    const { meetingId, itemId, restricted } = await meetingWithPapers('2027-01-21');
    const page = await member.get(`/meetings/${meetingId}`);
    expect(text(page, `#papers-${itemId}`)).toContain('Case detail for Child R');
    expect(page.$(`a[href="/meetings/${meetingId}/papers/${restricted}"]`)).toHaveLength(1);
    expect((await member.get(`/meetings/${meetingId}/papers/${restricted}`)).status).toBe(200);
  });

  it('shows others only that a restricted paper exists, and answers 404 to its download', async () => {
    const { meetingId, itemId, open, restricted } = await meetingWithPapers('2027-01-28');
    for (const outsider of [nonMember, formerMember]) {
      const page = await outsider.get(`/meetings/${meetingId}`);
      const papers = text(page, `#papers-${itemId}`);
      expect(papers).toContain('Restricted paper (members only)');
      expect(papers).not.toContain('Child R');
      expect(papers).toContain('Neglect audit summary');
      expect(page.$(`a[href="/meetings/${meetingId}/papers/${restricted}"]`)).toHaveLength(0);
      expect((await outsider.get(`/meetings/${meetingId}/papers/${restricted}`)).status).toBe(404);
      expect((await outsider.get(`/meetings/${meetingId}/papers/${open}`)).status).toBe(200);
    }
  });

  it.each([
    ['no file', undefined, 'Select the paper'],
    ['a program renamed .pdf', sampleFiles.renamedProgram(), 'must be a PDF, Word (.docx)'],
    ['a PNG image', sampleFiles.png(), 'must be a PDF, Word (.docx)'],
    ['a file over 10 MB', sampleFiles.oversizedPdf(), 'must be smaller than 10 MB'],
  ])('refuses %s, keeps the title typed and stores nothing', async (_name, file, message) => {
    const meetingId = await meeting(body, '2027-02-04');
    const itemId = await agendaItem(meetingId, 'Performance report');
    const before = await counts();
    const page = await upload(meetingId, itemId, file, {
      title: 'Quarter 3 data',
      restricted: 'yes',
    });
    expect(page.status).toBe(400);
    expect(page.$('.govuk-error-summary a[href="#file"]').text()).toContain(message);
    expect(text(page, '#file-error')).toContain(message);
    expect(page.$('#title').val()).toBe('Quarter 3 data');
    expect(page.$('input[name="restricted"]').is(':checked')).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('refuses a paper without a title, naming both problems when the file is missing too', async () => {
    const meetingId = await meeting(body, '2027-02-11');
    const itemId = await agendaItem(meetingId, 'Workforce survey');
    const before = await counts();
    const untitled = await upload(meetingId, itemId, sampleFiles.pdf(), { title: '  ' });
    expect(untitled.status).toBe(400);
    expect(text(untitled, '#title-error')).toContain('Enter the title of the paper');
    const neither = await upload(meetingId, itemId, undefined, { title: '' });
    expect(neither.$('.govuk-error-summary li')).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('withdraws a paper after confirmation: no longer listed or downloadable, but kept', async () => {
    const { meetingId, itemId, open } = await meetingWithPapers('2027-02-18');
    const confirm = await agent.get(`/meetings/${meetingId}/papers/${open}/withdraw`);
    expect(text(confirm, 'h1')).toContain('withdraw the paper “Neglect audit summary”');
    const withdrawn = await agent.submit(`/meetings/${meetingId}/papers/${open}/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    const page = await agent.get(`/meetings/${meetingId}`);
    expect(text(page, `#papers-${itemId}`)).not.toContain('Neglect audit summary');
    expect((await agent.get(`/meetings/${meetingId}/papers/${open}`)).status).toBe(404);
    const kept = await database.owner.db.execute<{ withdrawn: boolean }>(
      sql`select withdrawn_at is not null as withdrawn from paper where id = ${open}`,
    );
    expect(kept.rows[0]!.withdrawn).toBe(true);
    expect((await agent.get(`/meetings/${meetingId}/papers/${open}/withdraw`)).status).toBe(404);
  });

  it('refuses a paper for a withdrawn item, and uploads by members', async () => {
    const meetingId = await meeting(body, '2027-02-25');
    const itemId = await agendaItem(meetingId, 'Old business');
    await services.meetings.agenda.items.withdraw(context, meetingId, itemId);
    const before = await counts();
    const refused = await upload(meetingId, itemId, sampleFiles.pdf());
    expect(refused.status).toBe(409);
    expect(text(refused, '#refusal')).toBe('This item was withdrawn, so it cannot have papers');
    const live = await agendaItem(meetingId, 'Live item');
    expect((await member.get(paperPath(meetingId, live))).status).toBe(403);
    const byMember = await submitWithFile(
      member,
      paperPath(meetingId, live),
      { title: 'Mine' },
      sampleFiles.pdf(),
      { from: `/meetings/${meetingId}` },
    );
    expect(byMember.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for a paper asked for under another meeting', async () => {
    const { open } = await meetingWithPapers('2027-03-04');
    const other = await meeting(body, '2027-03-11');
    expect((await agent.get(`/meetings/${other}/papers/${open}`)).status).toBe(404);
    expect((await agent.get(`/meetings/${other}/papers/not-an-id`)).status).toBe(404);
  });
});
