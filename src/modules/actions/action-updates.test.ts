import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { lastChangeShown } from '../../testing/audit-times.js';
import { actionTestBed } from './action-fixtures.js';

const { services, context, agent, fixtures, meetingItem, action, member, database } =
  await actionTestBed();

const police = await fixtures.agency({ name: 'Northshire Police' });
const priya = await fixtures.person(police, { fullName: 'Priya Shah' });
const sam = await fixtures.person(police, { fullName: 'Sam Reid' });
const source = await meetingItem();

const updatePath = (id: string) => `/actions/${id}/update`;
const changePath = (id: string) => `/actions/${id}/change`;
const current = async (id: string) => (await services.actions.find(context, id))!;

describe('updating an action', () => {
  it('records a dated update with who wrote it and the change of status', async () => {
    const id = await action(source, { ownerPersonId: priya });
    const saved = await agent.submit(updatePath(id), {
      note: 'Findings sent to the police and health leads',
      status: 'in_progress',
      version: '1',
    });
    expect(saved.status).toBe(303);
    const page = await agent.get(saved.location!);
    expect(text(page, '.govuk-summary-list')).toContain('In progress');
    const history = text(page, 'table');
    expect(history).toContain('27 November 2026');
    expect(history).toContain('Alex Morgan');
    expect(history).toContain('Findings sent to the police and health leads');
    expect(history).toContain('Open to In progress');
  });

  it('closes an action with its evidence, and cancels one with its reason', async () => {
    const closing = await action(source, { ownerPersonId: priya });
    const closed = await agent.submit(updatePath(closing), {
      note: 'Done',
      status: 'closed',
      closingEvidence: 'Briefing published on the partnership website',
      version: '1',
    });
    expect(closed.status).toBe(303);
    const closedPage = text(await agent.get(`/actions/${closing}`), '.govuk-summary-list');
    expect(closedPage).toContain('Closed with evidence');
    expect(closedPage).toContain('Briefing published on the partnership website');
    const cancelling = await action(source, { ownerPersonId: priya });
    await agent.submit(updatePath(cancelling), {
      note: 'No longer needed',
      status: 'cancelled',
      cancelReason: 'The review it served was withdrawn',
      version: '1',
    });
    expect((await current(cancelling)).action.cancelReason).toBe(
      'The review it served was withdrawn',
    );
  });

  it('refuses closing without evidence, cancelling without a reason, and no note or status', async () => {
    const id = await action(source, { ownerPersonId: priya });
    const closing = await agent.submit(updatePath(id), {
      note: 'All done',
      status: 'closed',
      closingEvidence: ' ',
      version: '1',
    });
    expect(closing.status).toBe(400);
    expect(text(closing, '.govuk-error-summary')).toContain(
      'Enter the evidence that the action is complete',
    );
    expect(closing.$('#note').val()).toBe('All done');
    const cancelling = await agent.submit(updatePath(id), {
      note: '',
      status: 'cancelled',
      version: '1',
    });
    const summary = text(cancelling, '.govuk-error-summary');
    expect(summary).toContain('Enter the reason the action is cancelled');
    expect(summary).toContain('Enter the update');
    const neither = await agent.submit(updatePath(id), { note: 'Something', version: '1' });
    expect(text(neither, '.govuk-error-summary')).toContain('Select the status of the action');
    const after = await current(id);
    expect(after.action.status).toBe('open');
    expect(after.action.version).toBe(1);
    expect(after.updates).toHaveLength(0);
  });

  it('shows the second of two people editing at once who changed it, keeping their text', async () => {
    const id = await action(source, { ownerPersonId: priya });
    await agent.submit(updatePath(id), {
      note: 'First update',
      status: 'in_progress',
      version: '1',
    });
    const second = await agent.submit(updatePath(id), {
      note: 'My longer update, typed at the same time',
      status: 'done',
      version: '1',
    });
    expect(second.status).toBe(409);
    expect(text(second, '#stale-edit')).toContain(
      `Alex Morgan changed this action on ${await lastChangeShown(database, 'action', id)}`,
    );
    expect(second.$('#note').val()).toBe('My longer update, typed at the same time');
    expect(second.$('input[name="status"][value="done"]').attr('checked')).toBeDefined();
    expect(second.$('input[name="version"]').val()).toBe('2');
    const after = await current(id);
    expect(after.action.status).toBe('in_progress');
    expect(after.updates.map((row) => row.update.note)).toEqual(['First update']);
  });

  it('lets the owner update their action from its page', async () => {
    const { agent: owner, personId } = await member({ agencyId: police });
    const id = await action(source, { ownerPersonId: personId! });
    const page = await owner.get(`/actions/${id}`);
    expect(page.$(`a[href="${updatePath(id)}"]`).length).toBe(1);
    expect(page.$(`a[href="${changePath(id)}"]`).length).toBe(0);
    const saved = await owner.submit(updatePath(id), {
      note: 'Started',
      status: 'in_progress',
      version: '1',
    });
    expect(saved.status).toBe(303);
    expect((await current(id)).action.status).toBe('in_progress');
  });

  it('refuses someone who neither owns the action nor runs meetings, changing nothing', async () => {
    const id = await action(source, { ownerPersonId: priya });
    const { agent: other } = await member({ agencyId: police });
    const page = await other.get(`/actions/${id}`);
    expect(page.status).toBe(200);
    expect(page.$(`a[href="${updatePath(id)}"]`).length).toBe(0);
    expect((await other.get(updatePath(id))).status).toBe(403);
    const token = await other.csrfTokenFrom(`/actions/${id}`);
    const refused = await other.post(updatePath(id), {
      note: 'Not mine to update',
      status: 'done',
      version: '1',
      _csrf: token,
    });
    expect(refused.status).toBe(403);
    expect(text(refused, 'h1')).toBe('You cannot update this action');
    const invalid = await other.post(updatePath(id), { note: '', version: '1', _csrf: token });
    expect(invalid.status).toBe(403);
    const after = await current(id);
    expect(after.action.status).toBe('open');
    expect(after.updates).toHaveLength(0);
  });
});

describe('changing the owner or due date', () => {
  const changeFields = (extra: Record<string, string> = {}) => ({
    ownerPersonId: sam,
    'dueOn-day': '15',
    'dueOn-month': '1',
    'dueOn-year': '2027',
    reason: 'Sam now leads the audit',
    version: '1',
    ...extra,
  });

  it('changes both and keeps the reason as an update', async () => {
    const id = await action(source, { ownerPersonId: priya, dueOn: '2026-12-18' });
    const saved = await agent.submit(changePath(id), changeFields());
    expect(saved.status).toBe(303);
    const page = await agent.get(`/actions/${id}`);
    const summary = text(page, '.govuk-summary-list');
    expect(summary).toContain('Sam Reid');
    expect(summary).toContain('15 January 2027');
    expect(text(page, 'table')).toContain(
      'Owner changed from Priya Shah to Sam Reid. Due date changed from 18 December 2026 to 15 January 2027. Reason: Sam now leads the audit',
    );
  });

  it('refuses no reason, no change, no owner, a bad date and a date before the meeting, changing nothing', async () => {
    const id = await action(source, { ownerPersonId: priya, dueOn: '2026-12-18' });
    const noReason = await agent.submit(changePath(id), changeFields({ reason: '' }));
    expect(noReason.status).toBe(400);
    expect(text(noReason, '.govuk-error-summary')).toContain('Enter the reason for the change');
    const same = await agent.submit(
      changePath(id),
      changeFields({
        ownerPersonId: priya,
        'dueOn-day': '18',
        'dueOn-month': '12',
        'dueOn-year': '2026',
      }),
    );
    expect(text(same, '.govuk-error-summary')).toContain('Choose a new owner or a new due date');
    const noOwner = await agent.submit(changePath(id), changeFields({ ownerPersonId: '' }));
    expect(text(noOwner, '.govuk-error-summary')).toContain('Select who owns the action');
    const badDate = await agent.submit(changePath(id), changeFields({ 'dueOn-month': '13' }));
    expect(text(badDate, '.govuk-error-summary')).toContain('Due date must be a real date');
    expect(badDate.$('#reason').val()).toBe('Sam now leads the audit');
    const past = await agent.submit(changePath(id), changeFields({ 'dueOn-year': '2025' }));
    expect(text(past, '.govuk-error-summary')).toContain(
      'The due date cannot be before the meeting on 27 November 2026',
    );
    const after = await current(id);
    expect(after.action.ownerPersonId).toBe(priya);
    expect(after.action.dueOn).toBe('2026-12-18');
    expect(after.updates).toHaveLength(0);
  });

  it('shows a conflict when the action changed meanwhile', async () => {
    const id = await action(source, { ownerPersonId: priya });
    await agent.submit(updatePath(id), { note: 'Started', status: 'in_progress', version: '1' });
    const stale = await agent.submit(changePath(id), changeFields());
    expect(stale.status).toBe(409);
    expect(text(stale, '#stale-edit')).toContain('Alex Morgan changed this action');
    expect(stale.$('#reason').val()).toBe('Sam now leads the audit');
    expect((await current(id)).action.ownerPersonId).toBe(priya);
  });

  it('is for the business unit only, not the owner', async () => {
    const { agent: owner, personId } = await member({ agencyId: police });
    const id = await action(source, { ownerPersonId: personId! });
    expect((await owner.get(changePath(id))).status).toBe(403);
    const token = await owner.csrfTokenFrom(`/actions/${id}`);
    expect((await owner.post(changePath(id), { ...changeFields(), _csrf: token })).status).toBe(
      403,
    );
    expect((await current(id)).action.ownerPersonId).toBe(personId);
  });
});
