import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { agendaFixtures } from './agenda-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { app, services, database, partnership, context, agent, fixtures, meeting, clock } =
  await meetingTestBed();
const { agendaItem } = agendaFixtures(services, context);

const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const memberAgent = new Agent(app);
await memberAgent.signIn(member, clock.now());

/** Each test's meeting on a body of its own, so no earlier minutes are carried onto it. */
const newMeeting = async (day: string) => meeting(await fixtures.body(), day);
const agendaPath = (meetingId: string) => `/meetings/${meetingId}/agenda`;

/** The meeting's items as stored, to show a refused change altered nothing. */
const stored = async (meetingId: string) =>
  JSON.stringify((await services.meetings.find(context, meetingId))!.items);

const agendaTitles = (page: Awaited<ReturnType<typeof agent.get>>) =>
  page
    .$('.masa-agenda > li h3')
    .map((_, heading) => page.$(heading).text().replace(/\s+/g, ' ').trim())
    .get();

const itemFields = (extra: Record<string, string> = {}) => ({
  title: 'Neglect audit findings',
  purpose: 'decision',
  presenter: 'Jo Bennett, Designated Nurse',
  durationMinutes: '25',
  ...extra,
});

describe('agenda items of a meeting', () => {
  it('adds an item from the meeting page and shows it with its purpose, presenter and time', async () => {
    const id = await newMeeting('2027-01-14');
    const page = await agent.get(`/meetings/${id}`);
    expect(page.$(`#agenda-tools a[href="${agendaPath(id)}/new"]`).text()).toBe(
      'Add an agenda item',
    );
    const added = await agent.submit(`${agendaPath(id)}/new`, itemFields());
    expect(added.status).toBe(303);
    const after = await agent.get(added.location!);
    expect(agendaTitles(after)).toEqual(['Neglect audit findings']);
    expect(text(after, '.masa-agenda > li')).toContain(
      'For decision. Presented by Jo Bennett, Designated Nurse. 25 minutes',
    );
  });

  it('refuses a missing title, an unknown purpose and a time that is not a number, keeping what was typed', async () => {
    const id = await newMeeting('2027-01-21');
    const before = await stored(id);
    const page = await agent.submit(
      `${agendaPath(id)}/new`,
      itemFields({ title: '', purpose: 'chat', durationMinutes: 'twenty' }),
    );
    expect(page.status).toBe(400);
    const summary = text(page, '.govuk-error-summary');
    expect(summary).toContain('Enter the title of the item');
    expect(summary).toContain('Select what the item is for');
    expect(summary).toContain('Time must be a whole number of minutes');
    expect(page.$('#presenter').val()).toBe('Jo Bennett, Designated Nurse');
    expect(page.$('#durationMinutes').val()).toBe('twenty');
    const long = await agent.submit(
      `${agendaPath(id)}/new`,
      itemFields({ title: 'x'.repeat(301) }),
    );
    expect(text(long, '#title-error')).toContain('Title must be 300 characters or fewer');
    expect(await stored(id)).toBe(before);
  });

  it('changes an item, and keeps the typed text when someone else changed it first', async () => {
    const id = await newMeeting('2027-01-28');
    const item = await agendaItem(id, 'Training needs analysis');
    const form = await agent.get(`${agendaPath(id)}/${item}/change`);
    expect(form.$('#title').val()).toBe('Training needs analysis');
    const version = String(form.$('input[name="version"]').val());
    const saved = await agent.submit(
      `${agendaPath(id)}/${item}/change`,
      itemFields({ title: 'Training needs analysis 2027', version }),
    );
    expect(saved.status).toBe(303);
    expect(agendaTitles(await agent.get(`/meetings/${id}`))).toEqual([
      'Training needs analysis 2027',
    ]);
    const before = await stored(id);
    const stale = await agent.submit(
      `${agendaPath(id)}/${item}/change`,
      itemFields({ title: 'My edit from an old tab', version }),
    );
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toContain('changed this agenda item');
    expect(stale.$('#title').val()).toBe('My edit from an old tab');
    expect(await stored(id)).toBe(before);
  });

  it('moves items up and down the agenda', async () => {
    const id = await newMeeting('2027-02-04');
    const first = await agendaItem(id, 'Welcome');
    await agendaItem(id, 'Audit programme');
    const third = await agendaItem(id, 'Any other business');
    const page = await agent.get(`/meetings/${id}`);
    expect(text(page, `#item-links-${first}`)).not.toContain('Move up');
    expect(text(page, `#item-links-${third}`)).not.toContain('Move down');
    const moved = await agent.submit(
      `${agendaPath(id)}/${third}/move`,
      { direction: 'up' },
      `/meetings/${id}`,
    );
    expect(moved.status).toBe(303);
    expect(agendaTitles(await agent.get(`/meetings/${id}`))).toEqual([
      'Welcome',
      'Any other business',
      'Audit programme',
    ]);
    await agent.submit(`${agendaPath(id)}/${first}/move`, { direction: 'down' }, `/meetings/${id}`);
    expect(agendaTitles(await agent.get(`/meetings/${id}`))).toEqual([
      'Any other business',
      'Welcome',
      'Audit programme',
    ]);
    const before = await stored(id);
    const top = await agent.submit(
      `${agendaPath(id)}/${third}/move`,
      { direction: 'up' },
      `/meetings/${id}`,
    );
    expect(text(await agent.get(top.location!), '.govuk-notification-banner')).toContain(
      'Any other business cannot move up',
    );
    expect(await stored(id)).toBe(before);
  });

  it('withdraws an item after confirmation: struck out, tagged and kept, and no longer changeable', async () => {
    const id = await newMeeting('2027-02-11');
    const item = await agendaItem(id, 'Escalation policy');
    const confirm = await agent.get(`${agendaPath(id)}/${item}/withdraw`);
    expect(text(confirm, 'h1')).toBe('Are you sure you want to withdraw “Escalation policy”?');
    const withdrawn = await agent.submit(`${agendaPath(id)}/${item}/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    const page = await agent.get(`/meetings/${id}`);
    expect(page.$(`#item-${item} h3 s`).text()).toBe('Escalation policy');
    expect(text(page, `#item-${item} .govuk-tag`)).toBe('Withdrawn');
    expect(page.$(`#item-links-${item}`)).toHaveLength(0);
    const row = await database.owner.db.execute<{ withdrawn: boolean }>(
      sql`select withdrawn_at is not null as withdrawn from agenda_item where id = ${item}`,
    );
    expect(row.rows[0]!.withdrawn).toBe(true);

    const before = await stored(id);
    const change = await agent.submit(
      `${agendaPath(id)}/${item}/change`,
      itemFields(),
      `/meetings/${id}/agenda/new`,
    );
    expect(change.status).toBe(409);
    expect(text(change, '#refusal')).toBe('This item was withdrawn, so it cannot change');
    expect((await agent.get(`${agendaPath(id)}/${item}/withdraw`)).status).toBe(404);
    expect(await stored(id)).toBe(before);
  });

  it('refuses to change the agenda of a cancelled meeting and hides the tools', async () => {
    const id = await newMeeting('2027-02-18');
    await agendaItem(id, 'Budget');
    await database.owner.db.execute(
      sql`update meeting set status = 'cancelled', cancel_reason = 'Chair unwell' where id = ${id}`,
    );
    const page = await agent.get(`/meetings/${id}`);
    expect(page.$('#agenda-tools')).toHaveLength(0);
    const before = await stored(id);
    const refused = await agent.submit(`${agendaPath(id)}/new`, itemFields());
    expect(refused.status).toBe(409);
    expect(text(refused, '#refusal')).toBe(
      'This meeting was cancelled, so its agenda cannot change',
    );
    expect(await stored(id)).toBe(before);
  });

  it('shows members the agenda without the tools and refuses their changes', async () => {
    const id = await newMeeting('2027-02-25');
    const item = await agendaItem(id, 'Performance data');
    const page = await memberAgent.get(`/meetings/${id}`);
    expect(agendaTitles(page)).toEqual(['Performance data']);
    expect(page.$('#agenda-tools')).toHaveLength(0);
    expect(page.$(`#item-links-${item}`)).toHaveLength(0);
    const before = await stored(id);
    expect((await memberAgent.get(`${agendaPath(id)}/new`)).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom(`/meetings/${id}`);
    for (const path of [`${agendaPath(id)}/new`, `${agendaPath(id)}/${item}/withdraw`]) {
      const posted = await memberAgent.post(path, { ...itemFields(), _csrf: token });
      expect(posted.status).toBe(403);
    }
    expect(await stored(id)).toBe(before);
  });

  it('answers 404 for an item of another meeting, an unknown meeting or a malformed id', async () => {
    const one = await newMeeting('2027-03-04');
    const other = await newMeeting('2027-03-11');
    const item = await agendaItem(other, 'Elsewhere');
    expect((await agent.get(`${agendaPath(one)}/${item}/change`)).status).toBe(404);
    expect((await agent.get(`${agendaPath('not-an-id')}/new`)).status).toBe(404);
    expect(
      (await agent.get(`${agendaPath('00000000-0000-4000-8000-000000000000')}/new`)).status,
    ).toBe(404);
    const before = await stored(other);
    const posted = await agent.submit(
      `${agendaPath(one)}/${item}/withdraw`,
      {},
      `${agendaPath(other)}/${item}/withdraw`,
    );
    expect(posted.status).toBe(404);
    expect(await stored(other)).toBe(before);
  });
});
