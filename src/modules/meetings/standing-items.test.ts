import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { agendaFixtures } from './agenda-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const { app, services, database, partnership, context, agent, fixtures, meeting, clock } =
  await meetingTestBed();
const { standingItem } = agendaFixtures(services, context);

const member = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
const memberAgent = new Agent(app);
await memberAgent.signIn(member, clock.now());

const listPath = (bodyId: string) => `/bodies/${bodyId}/standing-items`;

/** The body's standing items as stored, to show a refused change altered nothing. */
const stored = async (bodyId: string) =>
  JSON.stringify((await services.meetings.agenda.standingItems.ofBody(context, bodyId))!.items);

const titles = async (bodyId: string) =>
  (await services.meetings.agenda.standingItems.ofBody(context, bodyId))!.items.map(
    (item) => item.title,
  );

const itemFields = (extra: Record<string, string> = {}) => ({
  title: 'Quality of practice and assurance',
  purpose: 'discussion',
  presenter: 'Chair of the Quality Assurance Sub-group',
  durationMinutes: '20',
  ...extra,
});

describe('standing items of a body', () => {
  it('adds standing items that a new agenda starts with, in order', async () => {
    const body = await fixtures.body({ name: 'Safeguarding Partnership', bodyType: 'partnership' });
    const bodyPage = await agent.get(`/bodies/${body}`);
    expect(bodyPage.$(`a[href="${listPath(body)}"]`).text()).toContain('Standing agenda items');
    const added = await agent.submit(`${listPath(body)}/new`, itemFields());
    expect(added.status).toBe(303);
    const list = await agent.get(added.location!);
    expect(text(list, '.govuk-notification-banner')).toContain(
      'Standing item added: Quality of practice and assurance',
    );
    const row = text(list, '#standing-items tbody tr');
    expect(row).toContain('Quality of practice and assurance');
    expect(row).toContain('For discussion');
    expect(row).toContain('20 minutes');
    await standingItem(body, 'Serious incidents and reviews', 'decision');

    const meetingId = await meeting(body, '2027-01-14');
    const page = await agent.get(`/meetings/${meetingId}`);
    const agenda = page
      .$('.masa-agenda > li h3')
      .map((_, h) => page.$(h).text().trim())
      .get();
    expect(agenda).toEqual(['Quality of practice and assurance', 'Serious incidents and reviews']);
    expect(text(page, '.masa-agenda > li:first-child')).toContain(
      'Presented by Chair of the Quality Assurance Sub-group',
    );
  });

  it('refuses a missing title, no purpose and a time out of range, keeping what was typed', async () => {
    const body = await fixtures.body();
    const before = await stored(body);
    const page = await agent.submit(
      `${listPath(body)}/new`,
      itemFields({ title: ' ', purpose: '', durationMinutes: '241', presenter: 'Sam Okafor' }),
    );
    expect(page.status).toBe(400);
    const summary = text(page, '.govuk-error-summary');
    expect(summary).toContain('Enter the title of the item');
    expect(summary).toContain('Select what the item is for');
    expect(summary).toContain('Time must be between 1 and 240 minutes');
    expect(page.$('#presenter').val()).toBe('Sam Okafor');
    expect(page.$('#durationMinutes').val()).toBe('241');
    const words = await agent.submit(
      `${listPath(body)}/new`,
      itemFields({ durationMinutes: 'half an hour' }),
    );
    expect(text(words, '#durationMinutes-error')).toContain(
      'Time must be a whole number of minutes',
    );
    const zero = await agent.submit(`${listPath(body)}/new`, itemFields({ durationMinutes: '0' }));
    expect(text(zero, '#durationMinutes-error')).toContain('between 1 and 240');
    const odd = await agent.submit(`${listPath(body)}/new`, itemFields({ purpose: 'gossip' }));
    expect(text(odd, '#purpose-error')).toContain('Select what the item is for');
    expect(await stored(body)).toBe(before);
  });

  it('changes an item, and keeps the typed text when someone else changed it first', async () => {
    const body = await fixtures.body();
    const id = await standingItem(body, 'Child death learning');
    const form = await agent.get(`${listPath(body)}/${id}/change`);
    expect(form.$('#title').val()).toBe('Child death learning');
    const version = String(form.$('input[name="version"]').val());
    const saved = await agent.submit(
      `${listPath(body)}/${id}/change`,
      itemFields({ title: 'Child death review learning', version }),
    );
    expect(saved.status).toBe(303);
    expect(await titles(body)).toEqual(['Child death review learning']);

    const before = await stored(body);
    const stale = await agent.submit(
      `${listPath(body)}/${id}/change`,
      itemFields({ title: 'My late edit', version }),
    );
    expect(stale.status).toBe(409);
    expect(text(stale, '.govuk-error-summary')).toContain('while you were editing it');
    expect(stale.$('#title').val()).toBe('My late edit');
    expect(stale.$('input[name="version"]').val()).toBe(String(Number(version) + 1));
    expect(await stored(body)).toBe(before);
  });

  it('moves items up and down, and says when one is already first', async () => {
    const body = await fixtures.body();
    const first = await standingItem(body, 'Strategic priorities');
    const second = await standingItem(body, 'Policy and procedures');
    const third = await standingItem(body, 'Regional and national activity');
    const list = await agent.get(listPath(body));
    expect(list.$(`#standing-item-${first} button`).text()).not.toContain('Move up');
    expect(list.$(`#standing-item-${third} button`).text()).not.toContain('Move down');

    await agent.submit(`${listPath(body)}/${third}/move`, { direction: 'up' }, listPath(body));
    expect(await titles(body)).toEqual([
      'Strategic priorities',
      'Regional and national activity',
      'Policy and procedures',
    ]);
    await agent.submit(`${listPath(body)}/${first}/move`, { direction: 'down' }, listPath(body));
    expect(await titles(body)).toEqual([
      'Regional and national activity',
      'Strategic priorities',
      'Policy and procedures',
    ]);
    const before = await stored(body);
    const top = await agent.submit(
      `${listPath(body)}/${third}/move`,
      { direction: 'up' },
      listPath(body),
    );
    expect(text(await agent.get(top.location!), '.govuk-notification-banner')).toContain(
      'Regional and national activity is already first',
    );
    const sideways = await agent.submit(
      `${listPath(body)}/${second}/move`,
      { direction: 'sideways' },
      listPath(body),
    );
    expect(sideways.status).toBe(404);
    expect(await stored(body)).toBe(before);
  });

  it('removes an item after confirmation: later agendas leave it out, earlier ones keep it', async () => {
    const body = await fixtures.body();
    const id = await standingItem(body, 'Reference-group themes');
    const earlier = await meeting(body, '2027-02-02');
    const confirm = await agent.get(`${listPath(body)}/${id}/remove`);
    expect(text(confirm, 'h1')).toContain('remove “Reference-group themes”');
    expect(await titles(body)).toEqual(['Reference-group themes']);
    const removed = await agent.submit(`${listPath(body)}/${id}/remove`, {});
    expect(removed.status).toBe(303);
    expect(await titles(body)).toEqual([]);
    expect(text(await agent.get(listPath(body)), '#no-standing-items')).toContain(
      'has no standing items yet',
    );
    const later = await meeting(body, '2027-04-06');
    const laterItems = (await services.meetings.find(context, later))!.items;
    expect(laterItems.map((item) => item.title)).not.toContain('Reference-group themes');
    const earlierItems = (await services.meetings.find(context, earlier))!.items;
    expect(earlierItems.map((item) => item.title)).toContain('Reference-group themes');
    expect((await agent.get(`${listPath(body)}/${id}/change`)).status).toBe(404);
  });

  it('lets members read the list but not change it', async () => {
    const body = await fixtures.body();
    const id = await standingItem(body, 'Impact of learning and training');
    const list = await memberAgent.get(listPath(body));
    expect(list.status).toBe(200);
    expect(text(list, '#standing-items')).toContain('Impact of learning and training');
    expect(list.$('a[href$="/new"]')).toHaveLength(0);
    expect(list.$('#standing-items a, #standing-items button')).toHaveLength(0);
    const before = await stored(body);
    expect((await memberAgent.get(`${listPath(body)}/new`)).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom(listPath(body));
    const posted = await memberAgent.post(`${listPath(body)}/new`, {
      ...itemFields(),
      _csrf: token,
    });
    expect(posted.status).toBe(403);
    const removed = await memberAgent.post(`${listPath(body)}/${id}/remove`, { _csrf: token });
    expect(removed.status).toBe(403);
    expect(await stored(body)).toBe(before);
  });

  it('answers 404 for an unknown body, a malformed id or an item of another body', async () => {
    const body = await fixtures.body();
    const other = await fixtures.body();
    const id = await standingItem(other, 'Not this body’s');
    expect((await agent.get(listPath('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await agent.get(listPath('not-an-id'))).status).toBe(404);
    expect((await agent.get(`${listPath(body)}/${id}/change`)).status).toBe(404);
    const before = await stored(other);
    const posted = await agent.submit(
      `${listPath(body)}/${id}/remove`,
      {},
      `${listPath(other)}/${id}/remove`,
    );
    expect(posted.status).toBe(404);
    expect(await stored(other)).toBe(before);
  });
});
