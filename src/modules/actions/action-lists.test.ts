import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { actionTestBed } from './action-fixtures.js';

const { app, services, context, agent, fixtures, clock, item, meetingItem, action, member } =
  await actionTestBed();

const police = await fixtures.agency({ name: 'Northshire Police' });
const council = await fixtures.agency({ name: 'Northshire Council' });
const priya = await fixtures.person(police, { fullName: 'Priya Shah' });
const dana = await fixtures.person(council, { fullName: 'Dana Wells' });

const audit = await meetingItem('2026-11-23', { name: 'Quality Assurance Group' });
const learning = await meetingItem('2026-11-24', { name: 'Learning Group' });
await action(audit, {
  ownerPersonId: priya,
  title: 'Chase the missing returns',
  dueOn: '2026-11-30',
});
await action(audit, { ownerPersonId: dana, title: 'Book the audit panel', dueOn: '2026-12-18' });
const done = await action(learning, {
  ownerPersonId: priya,
  title: 'Publish the briefing',
  dueOn: '2026-11-30',
});
await services.actions.recordUpdate(
  context,
  done,
  { note: 'Published', status: 'done', closingEvidence: null, cancelReason: null, version: 1 },
  { runsMeetings: true },
);
await action(learning, {
  ownerPersonId: dana,
  title: '=HYPERLINK("http://evil.example")',
  dueOn: '2026-12-20',
});

/** The titles a list page shows, in order. */
const titles = (page: Awaited<ReturnType<typeof agent.get>>) =>
  page
    .$('table tbody tr td:first-child a')
    .map((_, link) => page.$(link).text().trim())
    .get();

/** Reads as a member on 2 December 2026, when the actions due on 30 November are overdue. */
async function onSecondDecember<T>(work: () => Promise<T>) {
  const before = clock.now().toISOString();
  clock.set('2026-12-02T10:00:00Z');
  try {
    return await work();
  } finally {
    clock.set(before);
  }
}

describe('all actions', () => {
  it('lists every action by due date with source, owner, agency and status', async () => {
    const page = await agent.get('/actions');
    expect(titles(page)).toEqual([
      'Chase the missing returns',
      'Publish the briefing',
      'Book the audit panel',
      '=HYPERLINK("http://evil.example")',
    ]);
    const table = text(page, 'table');
    expect(table).toContain('Quality Assurance Group, 23 November 2026');
    expect(table).toContain('Northshire Council');
    expect(table).toContain('Done');
  });

  it('filters by body, agency, owner and status', async () => {
    expect(titles(await agent.get(`/actions?body=${audit.bodyId}`))).toEqual([
      'Chase the missing returns',
      'Book the audit panel',
    ]);
    expect(titles(await agent.get(`/actions?agency=${council}`))).toEqual([
      'Book the audit panel',
      '=HYPERLINK("http://evil.example")',
    ]);
    expect(titles(await agent.get(`/actions?owner=${priya}&status=done`))).toEqual([
      'Publish the briefing',
    ]);
    const ignored = await agent.get('/actions?body=nonsense&status=lost');
    expect(titles(ignored)).toHaveLength(4);
  });

  it("finds an owner by part of their name, in any case, with LIKE's wildcards taken literally", async () => {
    const byName = await agent.get('/actions?ownerName=%20sHAh%20&status=done');
    expect(titles(byName)).toEqual(['Publish the briefing']);
    expect(cheerio.load(byName.body)('#ownerName').val()).toBe('sHAh');
    expect(titles(await agent.get('/actions?ownerName=%25'))).toEqual([]);
    const tooLong = await agent.get(`/actions?ownerName=${'a'.repeat(101)}`);
    expect(titles(tooLong)).toHaveLength(4);
  });

  it('offers no list of every person to filter by: a partnership has thousands', async () => {
    const page = cheerio.load((await agent.get('/actions')).body);
    expect(page('select#owner')).toHaveLength(0);
    expect(page('label[for=ownerName]').text().trim()).toBe('Owner’s name');
  });

  it('shows overdue only those past their due date and still to do', async () => {
    await onSecondDecember(async () => {
      const { agent: reader } = await member({ agencyId: police, linked: false });
      const page = await reader.get('/actions?overdue=yes');
      expect(titles(page)).toEqual(['Chase the missing returns']);
      expect(text(page, 'table')).toContain('Overdue');
    });
    expect(titles(await agent.get('/actions?overdue=yes'))).toEqual([]);
  });

  it('pages 25 at a time', async () => {
    const many = await meetingItem('2026-12-15', { name: 'Busy Group' });
    for (let n = 1; n <= 26; n += 1)
      await action(many, { ownerPersonId: dana, title: `Task ${String(n).padStart(2, '0')}` });
    const first = await agent.get(`/actions?body=${many.bodyId}`);
    expect(titles(first)).toHaveLength(25);
    expect(text(first, 'main')).toContain('26 results');
    const second = await agent.get(`/actions?body=${many.bodyId}&page=2`);
    expect(titles(second)).toEqual(['Task 26']);
  });
});

describe('the CSV export', () => {
  it('has the filtered actions with their source, overdue and last update, formula-safe', async () => {
    const csv = await onSecondDecember(async () => {
      const { agent: reader } = await member({ agencyId: police, linked: false });
      return reader.get(`/actions.csv?owner=${priya}`);
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('Title,Source,Body,Owner,Agency,Due date,Status,Overdue,Last update');
    expect(lines.slice(1)).toEqual([
      'Chase the missing returns,"Quality of practice and assurance, Quality Assurance Group meeting on 23 November 2026",Quality Assurance Group,Priya Shah,Northshire Police,2026-11-30,Open,yes,',
      'Publish the briefing,"Quality of practice and assurance, Learning Group meeting on 24 November 2026",Learning Group,Priya Shah,Northshire Police,2026-11-30,Done,no,27 November 2026: Published',
    ]);
    const all = await agent.get('/actions.csv');
    expect(all.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('is linked from the list with the same filters', async () => {
    const page = await agent.get(`/actions?agency=${council}&status=open&page=2`);
    expect(page.$('a[download]').attr('href')).toBe(`/actions.csv?agency=${council}&status=open`);
  });
});

describe('your actions', () => {
  it('lists only the actions the signed-in person owns', async () => {
    const { agent: owner, personId } = await member({ agencyId: council });
    const mine = await meetingItem();
    await action(mine, { ownerPersonId: personId!, title: 'Update the escalation policy' });
    const page = await owner.get('/actions/mine');
    expect(titles(page)).toEqual(['Update the escalation policy']);
  });

  it('says so when the account is not linked to a person', async () => {
    const { agent: stranger } = await member({ linked: false });
    const page = await stranger.get('/actions/mine');
    expect(text(page, '#not-linked')).toContain(
      'Your account is not linked to a person in the partnership’s registry',
    );
    expect(page.$('table').length).toBe(0);
  });
});

describe('a meeting’s actions', () => {
  it('lists the actions arising from that meeting only', async () => {
    const second = await item(audit.meetingId, 'Serious incidents and reviews');
    await action(
      { meetingId: audit.meetingId, itemId: second },
      { ownerPersonId: dana, title: 'Share the review timeline' },
    );
    const page = await agent.get(`/meetings/${audit.meetingId}/actions`);
    expect(text(page, 'h1')).toBe('Actions from this meeting');
    expect(titles(page)).toEqual([
      'Chase the missing returns',
      'Book the audit panel',
      'Share the review timeline',
    ]);
    expect(text(page, 'table')).toContain('Serious incidents and reviews');
  });

  it('answers 404 for a meeting that does not exist', async () => {
    expect((await agent.get('/meetings/00000000-0000-4000-8000-000000000000/actions')).status).toBe(
      404,
    );
    expect((await agent.get('/meetings/nope/actions')).status).toBe(404);
  });
});

describe('the home page', () => {
  it('counts the signed-in person’s open and overdue actions', async () => {
    const { agent: owner, user, personId } = await member({ agencyId: council });
    const theirs = await meetingItem();
    await action(theirs, { ownerPersonId: personId!, dueOn: '2026-11-30' });
    await action(theirs, { ownerPersonId: personId!, dueOn: '2026-12-30' });
    expect(text(await owner.get('/'), '#your-actions')).toBe('Your actions: 2 open, 0 overdue.');
    await onSecondDecember(async () => {
      const later = new Agent(app);
      await later.signIn(user, clock.now());
      expect(text(await later.get('/'), '#your-actions')).toBe('Your actions: 2 open, 1 overdue.');
    });
    const { agent: unlinked } = await member({ linked: false });
    expect((await unlinked.get('/')).$('#your-actions').length).toBe(0);
  });
});
