import { describe, expect, it } from 'vitest';
import { createUser } from '../../testing/fixtures.js';
import { Agent, text } from '../../testing/agent.js';
import { allPartnershipIds } from '../partnerships/partnership-ids.js';
import { actionTestBed } from './action-fixtures.js';

// The clock stands at 09:00 on Friday 27 November 2026 (the meeting test bed's).
const { app, services, context, agent, database, fixtures, clock, meetingItem, action } =
  await actionTestBed();

const police = await fixtures.agency({ name: 'Northshire Police' });
const priya = await fixtures.person(police, {
  fullName: 'Priya Shah',
  email: 'priya.shah@police.example',
});

const newAction = (extra: Record<string, string> = {}) => ({
  sourceKind: 'audit',
  sourceReference: 'Section 11 audit 2026',
  title: 'Send the section 11 returns to the Quality Assurance Group',
  ownerPersonId: priya,
  'dueOn-day': '18',
  'dueOn-month': '12',
  'dueOn-year': '2026',
  ...extra,
});

const total = async () => (await services.actions.list(context, {})).total;

describe('adding an action to the action log with its source', () => {
  it('offers "Add an action" to the business unit, with every kind of source', async () => {
    const log = await agent.get('/actions');
    expect(log.$('a[href="/actions/new"]').text()).toContain('Add an action');
    const form = await agent.get('/actions/new');
    expect(text(form, 'h1')).toBe('Add an action');
    expect(
      form
        .$('#sourceKind option')
        .map((_, option) => form.$(option).text())
        .get(),
    ).toEqual([
      'Select where it came from',
      'Meeting',
      'Case review',
      'Audit',
      'Plan',
      'Escalation',
      'Other',
    ]);
    expect(form.$('#ownerPersonId option').text()).toContain('Priya Shah (Northshire Police)');
  });

  it.each([
    ['meeting', 'Meeting', 'Chairs’ forum with the Family Court, 12 November 2026'],
    ['review', 'Case review', 'Joint targeted area inspection review'],
    ['audit', 'Audit', 'Section 11 audit 2026'],
    ['plan', 'Plan', 'Neglect strategy 2026 to 2028'],
    ['escalation', 'Escalation', 'Escalation 2026-14 (health visiting)'],
    ['other', 'Other', 'Letter from the Children’s Commissioner'],
  ])('records an action from a %s, shown with its source in the log', async (kind, name, ref) => {
    const title = `Follow up: ${kind}`;
    const before = await total();
    const added = await agent.submit(
      '/actions/new',
      newAction({ sourceKind: kind, sourceReference: ref, title }),
    );
    expect(added.status).toBe(303);
    const id = added.location!.replace('/actions/', '');
    const page = await agent.get(added.location!);
    expect(text(page, 'h1')).toBe(title);
    const summary = text(page, '.govuk-summary-list');
    expect(summary).toContain(ref);
    expect(summary).toContain(name);
    expect(summary).toContain('Priya Shah');
    expect(summary).toContain('18 December 2026');
    expect(await total()).toBe(before + 1);
    const filtered = await agent.get(`/actions?source=${kind}`);
    expect(filtered.$(`a[href="/actions/${id}"]`).length).toBe(1);
    const found = await services.actions.find(context, id);
    expect(found?.action).toMatchObject({ sourceKind: kind, sourceReference: ref });
  });

  it('writes the addition to the audit trail with its source', async () => {
    const added = await agent.submit(
      '/actions/new',
      newAction({ title: 'Audited addition', sourceReference: 'Neglect audit' }),
    );
    const id = added.location!.replace('/actions/', '');
    const trail = await services.audit.page(context, { entityType: 'action', entityId: id });
    expect(trail.events.map((event) => event.action)).toEqual(['action.recorded']);
    expect(trail.events[0]!.after).toMatchObject({
      title: 'Audited addition',
      source: 'Audit: Neglect audit',
    });
  });
});

describe('refusing a bad action', () => {
  it.each([
    ['no title', { title: '  ' }, 'Enter what the action is'],
    ['a past due date', { 'dueOn-day': '26', 'dueOn-month': '11' }, 'today or in the future'],
    ['an unreal due date', { 'dueOn-day': '31', 'dueOn-month': '2' }, 'must be a real date'],
    ['an unknown owner', { ownerPersonId: crypto.randomUUID() }, 'Select who owns the action'],
    ['no owner', { ownerPersonId: '' }, 'Select who owns the action'],
    ['an unknown source kind', { sourceKind: 'inspection' }, 'Select where the action came from'],
    ['no source kind', { sourceKind: '' }, 'Select where the action came from'],
    ['no source reference', { sourceReference: ' ' }, 'Enter the source'],
    [
      'a source reference too long',
      { sourceReference: 'x'.repeat(201) },
      'The source must be 200 characters or fewer',
    ],
  ])('re-shows the form for %s, keeping what was typed, writing nothing', async (_, bad, error) => {
    const before = await total();
    const refused = await agent.submit('/actions/new', newAction(bad));
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(error);
    expect(refused.$('#title').val()).toBe(newAction(bad).title);
    expect(await total()).toBe(before);
  });

  it('accepts a due date of today, by the injected clock', async () => {
    const added = await agent.submit(
      '/actions/new',
      newAction({ title: 'Due today', 'dueOn-day': '27', 'dueOn-month': '11' }),
    );
    expect(added.status).toBe(303);
  });
});

describe('who may add an action', () => {
  it('refuses members, observers and the independent scrutineer, and shows them no button', async () => {
    const before = await total();
    for (const role of ['member', 'observer', 'independent_scrutineer'] as const) {
      const user = await createUser(database.app.db, services, context.partnershipId, {
        roles: [role],
        mfa: false,
      });
      const reader = new Agent(app);
      await reader.signIn(user, clock.now());
      expect((await reader.get('/actions/new')).status).toBe(403);
      const token = await reader.csrfTokenFrom('/actions');
      expect((await reader.post('/actions/new', { ...newAction(), _csrf: token })).status).toBe(
        403,
      );
      expect((await reader.get('/actions')).$('a[href="/actions/new"]').length).toBe(0);
    }
    expect(await total()).toBe(before);
  });

  it('lets a business officer add one', async () => {
    const officer = await createUser(database.app.db, services, context.partnershipId, {
      roles: ['business_officer'],
      mfa: false,
    });
    const officerAgent = new Agent(app);
    await officerAgent.signIn(officer, clock.now());
    const added = await officerAgent.submit('/actions/new', newAction({ title: 'By the officer' }));
    expect(added.status).toBe(303);
  });
});

describe('an added action in the one action log', () => {
  it('is filtered by kind of source beside actions from meetings, and an unknown kind is ignored', async () => {
    const source = await meetingItem();
    const fromMeeting = await action(source, { ownerPersonId: priya, title: 'From the item' });
    const added = await agent.submit(
      '/actions/new',
      newAction({ sourceKind: 'plan', title: 'From the plan' }),
    );
    const fromPlan = added.location!.replace('/actions/', '');
    const plans = await agent.get('/actions?source=plan');
    expect(plans.$(`a[href="/actions/${fromPlan}"]`).length).toBe(1);
    expect(plans.$(`a[href="/actions/${fromMeeting}"]`).length).toBe(0);
    expect(plans.$('#source option[selected]').text()).toBe('Plan');
    const meetings = await agent.get('/actions?source=meeting');
    expect(meetings.$(`a[href="/actions/${fromMeeting}"]`).length).toBe(1);
    expect(meetings.$(`a[href="/actions/${fromPlan}"]`).length).toBe(0);
    const unknown = await agent.get('/actions?source=inspection');
    expect(unknown.status).toBe(200);
    expect(unknown.$(`a[href="/actions/${fromPlan}"]`).length).toBe(1);
    expect(plans.$('a[download]').attr('href')).toBe('/actions.csv?source=plan');
  });

  it('is in the CSV with its source, formula-safe', async () => {
    await agent.submit(
      '/actions/new',
      newAction({
        sourceKind: 'other',
        sourceReference: 'Letter of 3 November from the Panel',
        title: '=HYPERLINK("http://evil.example")',
      }),
    );
    const csv = await agent.get('/actions.csv?source=other');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines.filter((line) => line.includes('Letter of 3 November'))).toEqual([
      `"'=HYPERLINK(""http://evil.example"")",Other: Letter of 3 November from the Panel,,Priya Shah,Northshire Police,2026-12-18,Open,no,`,
    ]);
  });

  it('reminds its owner like any other action', async () => {
    await agent.submit(
      '/actions/new',
      newAction({ title: 'Reminded from an audit', 'dueOn-day': '2', 'dueOn-month': '12' }),
    );
    await services.actions.sendReminders(await allPartnershipIds(database.owner.db));
    const outbox = (await services.mail.page(context)).messages;
    const reminders = outbox.filter((mail) => mail.subject.endsWith(': Reminded from an audit'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.recipient).toBe('priya.shah@police.example');
  });
});
