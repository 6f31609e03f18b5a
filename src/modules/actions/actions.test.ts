import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { actionTestBed } from './action-fixtures.js';

const { services, context, agent, fixtures, clock, meetingItem, item, action, member } =
  await actionTestBed();

const police = await fixtures.agency({ name: 'Northshire Police' });
const health = await fixtures.agency({ name: 'Northshire Integrated Care Board' });
const priya = await fixtures.person(police, { fullName: 'Priya Shah' });
const tom = await fixtures.person(health, { fullName: 'Tom Okafor' });

const newAction = (extra: Record<string, string> = {}) => ({
  title: 'Circulate the audit findings to every agency',
  ownerPersonId: priya,
  'dueOn-day': '18',
  'dueOn-month': '12',
  'dueOn-year': '2026',
  ...extra,
});

const addPath = (source: { meetingId: string; itemId: string }) =>
  `/meetings/${source.meetingId}/items/${source.itemId}/actions/new`;

const countOf = async (meetingId: string) =>
  (await services.actions.ofMeeting(context, meetingId)).total;

/** Runs `work` with the clock moved, then puts it back, so the administrator stays signed in. */
async function on(at: string, work: () => Promise<void>) {
  const before = clock.now().toISOString();
  clock.set(at);
  try {
    await work();
  } finally {
    clock.set(before);
  }
}

describe('recording an action on a meeting item', () => {
  it('records the action and shows it under its item on the meeting page', async () => {
    const source = await meetingItem();
    const form = await agent.get(addPath(source));
    expect(text(form, 'h1')).toBe('Add an action');
    expect(form.$('#ownerPersonId option').text()).toContain('Priya Shah (Northshire Police)');
    expect(form.$('#title-hint').text()).toContain("Do not include a child's name");
    const added = await agent.submit(addPath(source), newAction());
    expect(added.status).toBe(303);
    expect(added.location).toBe(`/meetings/${source.meetingId}#item-${source.itemId}`);
    const page = await agent.get(`/meetings/${source.meetingId}`);
    const listed = text(page, `#actions-${source.itemId}`);
    expect(listed).toContain('Circulate the audit findings to every agency');
    expect(listed).toContain('Priya Shah (Northshire Police), due 18 December 2026');
    expect(page.$(`#actions-${source.itemId} .govuk-tag--blue`).text()).toBe('Open');
    expect(page.$(`a[href="${addPath(source)}"]`).text()).toContain('Add an action');
    expect(page.$(`a[href="/meetings/${source.meetingId}/actions"]`).length).toBe(1);
  });

  it("lists on a meeting's page only its own actions, by item, overdue ones tagged", async () => {
    const first = await meetingItem('2026-11-20');
    const second = await meetingItem('2026-11-21');
    const another = { meetingId: first.meetingId, itemId: await item(first.meetingId, 'Audit') };
    await action(first, { ownerPersonId: tom, title: 'Late report', dueOn: '2026-11-25' });
    await action(another, { ownerPersonId: priya, title: 'Second item action' });
    await action(second, { ownerPersonId: priya, title: 'Another meeting action' });
    const page = await agent.get(`/meetings/${first.meetingId}`);
    const listed = text(page, `#actions-${first.itemId}`);
    expect(listed).toContain('Late report: Tom Okafor (Northshire Integrated Care Board)');
    expect(page.$(`#actions-${first.itemId} .govuk-tag--red`).text()).toBe('Overdue');
    expect(text(page, `#actions-${another.itemId}`)).toContain('Second item action');
    expect(text(page, 'main')).not.toContain('Another meeting action');
  });

  it('refuses an action without an owner or a due date, keeping what was typed', async () => {
    const source = await meetingItem();
    const refused = await agent.submit(
      addPath(source),
      newAction({ ownerPersonId: '', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' }),
    );
    expect(refused.status).toBe(400);
    const summary = text(refused, '.govuk-error-summary');
    expect(summary).toContain('Select who owns the action');
    expect(summary).toContain('Enter due date');
    expect(refused.$('#title').val()).toBe('Circulate the audit findings to every agency');
    expect(await countOf(source.meetingId)).toBe(0);
  });

  it('refuses a date that is not real, a date before the meeting and a missing title', async () => {
    const source = await meetingItem();
    const unreal = await agent.submit(
      addPath(source),
      newAction({ 'dueOn-day': '31', 'dueOn-month': '2' }),
    );
    expect(unreal.status).toBe(400);
    expect(text(unreal, '.govuk-error-summary')).toContain('Due date must be a real date');
    expect(unreal.$('#dueOn-day').val()).toBe('31');
    const past = await agent.submit(
      addPath(source),
      newAction({ 'dueOn-day': '26', 'dueOn-month': '11' }),
    );
    expect(past.status).toBe(400);
    expect(text(past, '.govuk-error-summary')).toContain(
      'The due date cannot be before the meeting on 27 November 2026',
    );
    const untitled = await agent.submit(addPath(source), newAction({ title: '  ' }));
    expect(text(untitled, '.govuk-error-summary')).toContain('Enter what the action is');
    expect(await countOf(source.meetingId)).toBe(0);
  });

  it('refuses an owner who is not an open person of the partnership', async () => {
    const source = await meetingItem();
    const leaver = await fixtures.person(police, { fullName: 'Left Already' });
    expect((await services.governance.people.close(context, leaver)).ok).toBe(true);
    const refused = await agent.submit(addPath(source), newAction({ ownerPersonId: leaver }));
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain('Select who owns the action');
    expect(await countOf(source.meetingId)).toBe(0);
  });

  it('answers 404 for an item of another meeting and for malformed ids', async () => {
    const one = await meetingItem();
    const other = await meetingItem();
    const mixed = { meetingId: one.meetingId, itemId: other.itemId };
    expect((await agent.get(addPath(mixed))).status).toBe(404);
    const token = await agent.csrfTokenFrom(addPath(one));
    expect((await agent.post(addPath(mixed), { ...newAction(), _csrf: token })).status).toBe(404);
    expect((await agent.get(`/meetings/${one.meetingId}/items/nope/actions/new`)).status).toBe(404);
    expect(await countOf(one.meetingId)).toBe(0);
    expect(await countOf(other.meetingId)).toBe(0);
  });

  it('lets only the business unit record actions', async () => {
    const source = await meetingItem();
    const { agent: memberAgent } = await member({ agencyId: police });
    expect((await memberAgent.get(addPath(source))).status).toBe(403);
    const token = await memberAgent.csrfTokenFrom('/actions');
    const refused = await memberAgent.post(addPath(source), { ...newAction(), _csrf: token });
    expect(refused.status).toBe(403);
    const page = await memberAgent.get(`/meetings/${source.meetingId}`);
    expect(page.$(`a[href="${addPath(source)}"]`).length).toBe(0);
    expect(await countOf(source.meetingId)).toBe(0);
  });
});

describe('the action page', () => {
  it('shows the source, owner and agency, due date and status, with no updates yet', async () => {
    const source = await meetingItem('2026-12-08', { name: 'Learning and Improvement Group' });
    const id = await action(source, {
      ownerPersonId: tom,
      title: 'Write the seven-minute briefing',
    });
    const page = await agent.get(`/actions/${id}`);
    expect(text(page, 'h1')).toBe('Write the seven-minute briefing');
    const summary = text(page, '.govuk-summary-list');
    expect(summary).toContain('Quality of practice and assurance');
    expect(summary).toContain('Learning and Improvement Group, 8 December 2026');
    expect(summary).toContain('Tom Okafor');
    expect(summary).toContain('Northshire Integrated Care Board');
    expect(summary).toContain('18 December 2026');
    expect(summary).toContain('Open');
    expect(summary).not.toContain('Overdue');
    expect(
      page.$(`.govuk-summary-list a[href="/meetings/${source.meetingId}#item-${source.itemId}"]`)
        .length,
    ).toBe(1);
    expect(text(page, 'main')).toContain('No updates recorded yet.');
  });

  it('shows "Overdue" once the due date has passed while the action is open, never stored', async () => {
    const source = await meetingItem();
    const open = await action(source, { ownerPersonId: tom, dueOn: '2026-11-30' });
    const done = await action(source, { ownerPersonId: tom, dueOn: '2026-11-30' });
    await services.actions.recordUpdate(
      context,
      done,
      { note: 'Sent', status: 'done', closingEvidence: null, cancelReason: null, version: 1 },
      { runsMeetings: true },
    );
    await on('2026-12-01T10:00:00Z', async () => {
      const { agent: reader } = await member({ agencyId: health, linked: false });
      expect(text(await reader.get(`/actions/${open}`), '.govuk-summary-list')).toContain(
        'Overdue',
      );
      expect(text(await reader.get(`/actions/${done}`), '.govuk-summary-list')).not.toContain(
        'Overdue',
      );
    });
    expect(text(await agent.get(`/actions/${open}`), '.govuk-summary-list')).not.toContain(
      'Overdue',
    );
  });

  it('answers 404 for an action that does not exist or a malformed id', async () => {
    expect((await agent.get('/actions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await agent.get('/actions/not-an-id')).status).toBe(404);
  });
});
