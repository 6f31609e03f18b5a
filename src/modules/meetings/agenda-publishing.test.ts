import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { sampleFiles, submitWithFile } from '../../testing/multipart.js';
import { agendaFixtures } from './agenda-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { app, services, database, partnership, context, agent, fixtures, meeting, clock } =
  await meetingTestBed();
const { standingItem, agendaItem } = agendaFixtures(services, context);

const agency = await fixtures.agency({ name: 'Northshire Council' });
const person = (fullName: string) =>
  fixtures.person(agency, {
    fullName,
    email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@council.example`,
  });

const partnershipBody = await fixtures.body({
  name: 'Safeguarding Children Partnership',
  bodyType: 'partnership',
});
await fixtures.membership(partnershipBody, await person('Amira Shah'), agency);
await fixtures.membership(partnershipBody, await person('Tom Reid'), agency);
await fixtures.membership(partnershipBody, await person('Olu Ade'), agency, {
  startsOn: '2024-04-01',
  endsOn: '2026-12-31',
});
const otherBody = await fixtures.body();
await fixtures.membership(otherBody, await person('Nia Jones'), agency);
await standingItem(partnershipBody, 'Quality of practice and assurance', 'discussion');
await standingItem(partnershipBody, 'Serious incidents and reviews', 'decision');

const publishPath = (meetingId: string) => `/meetings/${meetingId}/agenda/publish`;

const agendaMails = async () =>
  (await services.mail.page(context)).messages.filter((mail) => /agenda:/i.test(mail.subject));

const publishedAt = async (meetingId: string) =>
  (
    await database.owner.db.execute<{ agenda_published_at: Date | null }>(
      sql`select agenda_published_at from meeting where id = ${meetingId}`,
    )
  ).rows[0]!.agenda_published_at;

describe('publishing an agenda', () => {
  it('asks first, then emails the agenda to every member on the meeting day', async () => {
    const id = await meeting(partnershipBody, '2027-01-14');
    const item = await agendaItem(id, 'Child Q rapid review', 'decision');
    await submitWithFile(
      agent,
      `/meetings/${id}/agenda/${item}/papers/new`,
      { title: 'Rapid review report: Child Q', restricted: 'yes' },
      sampleFiles.pdf(),
    );
    const page = await agent.get(`/meetings/${id}`);
    expect(page.$(`#agenda-tools a[href="${publishPath(id)}"]`).text()).toBe('Publish agenda');
    const confirm = await agent.get(publishPath(id));
    expect(text(confirm, 'h1')).toBe('Publish the agenda');
    expect(text(confirm, '#agenda-to-publish')).toContain('Quality of practice and assurance');
    expect(confirm.$('#agenda-to-publish > li')).toHaveLength(3);

    const published = await agent.submit(publishPath(id), {});
    expect(published.status).toBe(303);
    const after = await agent.get(published.location!);
    expect(text(after, '.govuk-notification-banner')).toContain(
      'Agenda published and sent to 2 members',
    );
    expect(text(after, '#agenda-published')).toContain('Agenda published');
    const mails = await agendaMails();
    expect(mails.map((mail) => mail.recipient).sort()).toEqual([
      'amira.shah@council.example',
      'tom.reid@council.example',
    ]);
    const [mail] = mails;
    expect(mail!.subject).toBe('Agenda: Safeguarding Children Partnership, 14 January 2027');
    expect(mail!.bodyText).toContain('1. Quality of practice and assurance\n   For discussion');
    expect(mail!.bodyText).toContain('2. Serious incidents and reviews\n   For decision');
    expect(mail!.bodyText).toContain(
      '3. Child Q rapid review\n   For decision\n   Paper: restricted (members only)',
    );
    expect(mail!.bodyText).not.toContain('Rapid review report');
    expect(mail!.bodyText).toContain(`http://masa.test/meetings/${id}`);
  });

  it('sends an updated agenda when published again after a change', async () => {
    const id = await meeting(partnershipBody, '2027-03-11');
    await agent.submit(publishPath(id), {});
    const first = await publishedAt(id);
    clock.set('2026-11-27T09:05:00Z');
    try {
      await agendaItem(id, 'Neglect strategy');
      const page = await agent.get(`/meetings/${id}`);
      expect(page.$(`#agenda-tools a[href="${publishPath(id)}"]`).text()).toBe(
        'Publish updated agenda',
      );
      expect(text(await agent.get(publishPath(id)), 'h1')).toBe('Publish the updated agenda');
      const again = await agent.submit(publishPath(id), {});
      expect(text(await agent.get(again.location!), '.govuk-notification-banner')).toContain(
        'Updated agenda published',
      );
      const [latest] = await agendaMails();
      expect(latest!.subject).toMatch(/^Updated agenda: Safeguarding Children Partnership/);
      expect(latest!.bodyText).toContain('Neglect strategy');
      expect(new Date(String(await publishedAt(id))).getTime()).toBe(
        new Date('2026-11-27T09:05:00Z').getTime(),
      );
      expect(first).not.toBeNull();
    } finally {
      clock.set('2026-11-27T09:00:00Z');
    }
  });

  it('refuses to publish a cancelled meeting’s agenda, sending nothing', async () => {
    const id = await meeting(partnershipBody, '2027-05-13');
    await database.owner.db.execute(
      sql`update meeting set status = 'cancelled', cancel_reason = 'Room unavailable' where id = ${id}`,
    );
    const mailsBefore = (await agendaMails()).length;
    const confirm = await agent.get(publishPath(id));
    expect(confirm.status).toBe(409);
    expect(text(confirm, '#refusal')).toBe(
      'This meeting was cancelled, so its agenda cannot be published',
    );
    const posted = await agent.submit(publishPath(id), {}, `/meetings/${id}`);
    expect(posted.status).toBe(409);
    expect(await publishedAt(id)).toBeNull();
    expect((await agendaMails()).length).toBe(mailsBefore);
  });

  it('refuses to publish an empty agenda, or one whose items are all withdrawn', async () => {
    const id = await meeting(otherBody, '2027-01-20');
    const mailsBefore = (await agendaMails()).length;
    const empty = await agent.get(publishPath(id));
    expect(empty.status).toBe(409);
    expect(text(empty, '#refusal')).toBe(
      'The agenda has no items: add at least one before publishing it',
    );
    const item = await agendaItem(id, 'Only item');
    await services.meetings.agenda.items.withdraw(context, id, item);
    const posted = await agent.submit(publishPath(id), {}, `/meetings/${id}`);
    expect(posted.status).toBe(409);
    expect(await publishedAt(id)).toBeNull();
    expect((await agendaMails()).length).toBe(mailsBefore);
  });

  it('does not let a member publish', async () => {
    const id = await meeting(otherBody, '2027-01-27');
    await agendaItem(id, 'Item');
    const user = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
    const memberAgent = new Agent(app);
    await memberAgent.signIn(user, clock.now());
    expect((await memberAgent.get(`/meetings/${id}`)).$('#agenda-tools')).toHaveLength(0);
    expect((await memberAgent.get(publishPath(id))).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom(`/meetings/${id}`);
    expect((await memberAgent.post(publishPath(id), { _csrf: token })).status).toBe(403);
    expect(await publishedAt(id)).toBeNull();
  });
});
