import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Agent, text } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';

const bed = await meetingTestBed();
const { app, services, database, partnership, context, agent, fixtures, meeting, clock } = bed;

const agency = await fixtures.agency({ name: 'Northshire Police' });

/** A signed-in account linked to a person of the agency; gives the agent, person and email. */
async function account(name: string) {
  const user = await createUser(database.app.db, services, partnership.id, {
    roles: ['member'],
    displayName: name,
  });
  const personId = await fixtures.person(agency, {
    fullName: name,
    userId: user.userId,
    email: user.email,
  });
  const signedIn = new Agent(app);
  await signedIn.signIn(user, clock.now());
  return { agent: signedIn, personId, email: user.email };
}

const chair = await account('Dana Whitfield');
const proposer = await account('Jo Bennett');
const outsider = await account('Sam Okafor');
const officerPerson = await fixtures.person(agency, {
  fullName: 'Lee Marsh',
  email: 'lee.marsh@partnership.example',
});
const body = await fixtures.body({
  name: 'Child Exploitation Sub-group',
  chairPersonId: chair.personId,
  businessOfficerPersonId: officerPerson,
});
for (const personId of [chair.personId, proposer.personId])
  await fixtures.membership(body, personId, agency);

const proposePath = (meetingId: string) => `/meetings/${meetingId}/agenda/propose`;
const answerPath = (meetingId: string, itemId: string) =>
  `/meetings/${meetingId}/agenda/${itemId}/answer`;

const proposalFields = (extra: Record<string, string> = {}) => ({
  title: 'County lines mapping',
  purpose: 'discussion',
  presenter: 'Jo Bennett',
  reason: 'New intelligence shows two lines running into the town centre',
  ...extra,
});

const stored = async (meetingId: string) =>
  JSON.stringify((await services.meetings.find(context, meetingId))!.items);

const mailTo = async (recipient: string) =>
  (await services.mail.page(context)).messages.filter((mail) => mail.recipient === recipient);

async function propose(meetingId: string, title = 'County lines mapping') {
  const sent = await proposer.agent.submit(proposePath(meetingId), proposalFields({ title }));
  expect(sent.status).toBe(303);
  const item = (await services.meetings.find(context, meetingId))!.items.find(
    (row) => row.title === title,
  );
  return item!.id;
}

describe('members proposing agenda items', () => {
  it('takes a member’s proposal, keeps it off the agenda and emails the chair and business officer', async () => {
    const id = await meeting(body, '2027-01-14');
    const page = await proposer.agent.get(`/meetings/${id}`);
    expect(page.$(`#proposals ~ a[href="${proposePath(id)}"]`).text()).toBe('Propose an item');
    const itemId = await propose(id);
    const after = await proposer.agent.get(`/meetings/${id}`);
    expect(text(after, `#proposal-${itemId}`)).toContain('County lines mapping');
    expect(text(after, `#proposal-${itemId}`)).toContain('Jo Bennett');
    expect(text(after, `#proposal-${itemId}`)).toContain('New intelligence shows two lines');
    expect(text(after, `#proposal-${itemId} .govuk-tag`)).toBe('Waiting for an answer');
    expect(after.$(`#proposal-${itemId} a`)).toHaveLength(0);
    expect(after.$(`#item-${itemId}`)).toHaveLength(0);
    for (const to of [chair.email, 'lee.marsh@partnership.example']) {
      const [mail] = await mailTo(to);
      expect(mail!.subject).toBe('Item proposed for Child Exploitation Sub-group, 14 January 2027');
      expect(mail!.bodyText).toContain('Jo Bennett has proposed an item');
      expect(mail!.bodyText).toContain(
        'New intelligence shows two lines running into the town centre',
      );
    }
  });

  it('refuses a proposal without a title, purpose or reason, keeping what was typed', async () => {
    const id = await meeting(body, '2027-01-21');
    const before = await stored(id);
    const page = await proposer.agent.submit(
      proposePath(id),
      proposalFields({ title: '', purpose: '', reason: '   ', presenter: 'Jo Bennett, police' }),
    );
    expect(page.status).toBe(400);
    const summary = text(page, '.govuk-error-summary');
    expect(summary).toContain('Enter the title of the item');
    expect(summary).toContain('Select what the item is for');
    expect(summary).toContain('Enter why the item should be heard');
    expect(page.$('#presenter').val()).toBe('Jo Bennett, police');
    expect(await stored(id)).toBe(before);
  });

  it('refuses someone who is not a member of the body, saying why', async () => {
    const id = await meeting(body, '2027-01-28');
    const page = await outsider.agent.get(`/meetings/${id}`);
    expect(page.$(`a[href="${proposePath(id)}"]`)).toHaveLength(0);
    const form = await outsider.agent.get(proposePath(id));
    expect(form.status).toBe(403);
    expect(text(form, '#refusal')).toContain(
      'Only members of Child Exploitation Sub-group can propose items for its meetings',
    );
    const before = await stored(id);
    const token = await outsider.agent.csrfTokenFrom(`/meetings/${id}`);
    const posted = await outsider.agent.post(proposePath(id), {
      ...proposalFields(),
      _csrf: token,
    });
    expect(posted.status).toBe(403);
    expect(await stored(id)).toBe(before);
  });

  it('closes proposals once the meeting has started', async () => {
    const id = await meeting(body, '2026-11-27', { startTime: '09:05', endTime: '10:00' });
    const token = await proposer.agent.csrfTokenFrom(proposePath(id));
    const before = await stored(id);
    clock.set('2026-11-27T09:06:00Z');
    try {
      const posted = await proposer.agent.post(proposePath(id), {
        ...proposalFields(),
        _csrf: token,
      });
      expect(posted.status).toBe(409);
      expect(text(posted, '#refusal')).toBe(
        'This meeting has started, so items can no longer be proposed for it',
      );
      const page = await proposer.agent.get(`/meetings/${id}`);
      expect(text(page, '#proposals + p')).toContain('This meeting has started');
    } finally {
      clock.set('2026-11-27T09:00:00Z');
    }
    expect(await stored(id)).toBe(before);
  });
});

describe('answering proposals', () => {
  it('needs a reason to decline; the proposer is emailed the reason', async () => {
    const id = await meeting(body, '2027-02-04');
    const itemId = await propose(id, 'Missing episodes data');
    const page = await chair.agent.get(`/meetings/${id}`);
    expect(page.$(`#proposal-${itemId} a[href="${answerPath(id, itemId)}"]`)).toHaveLength(1);
    const before = await stored(id);
    const bare = await chair.agent.submit(answerPath(id, itemId), {
      answer: 'decline',
      reason: '',
    });
    expect(bare.status).toBe(400);
    expect(text(bare, '#reason-error')).toContain('Enter the reason the item is declined');
    expect(bare.$('#answer-2').is(':checked')).toBe(true);
    const none = await chair.agent.submit(answerPath(id, itemId), { reason: 'Maybe' });
    expect(text(none, '#answer-error')).toContain('Select whether to accept or decline the item');
    expect(await stored(id)).toBe(before);

    const declined = await chair.agent.submit(answerPath(id, itemId), {
      answer: 'decline',
      reason: 'The Partnership heard this in December',
    });
    expect(declined.status).toBe(303);
    const after = await chair.agent.get(`/meetings/${id}`);
    expect(text(after, `#proposal-${itemId} .govuk-tag`)).toBe('Declined');
    expect(after.$(`#item-${itemId}`)).toHaveLength(0);
    const [mail] = await mailTo(proposer.email);
    expect(mail!.subject).toBe('Your proposed item was declined: Missing episodes data');
    expect(mail!.bodyText).toContain('Reason:\nThe Partnership heard this in December');
  });

  it('puts an accepted item at the end of the agenda, tells the proposer, and takes one answer only', async () => {
    const id = await meeting(body, '2027-02-11');
    await services.meetings.agenda.items.add(context, id, {
      title: 'Welcome',
      purpose: 'information',
      presenter: '',
      durationMinutes: null,
    });
    const itemId = await propose(id, 'Return home interviews');
    const accepted = await chair.agent.submit(answerPath(id, itemId), { answer: 'accept' });
    expect(accepted.status).toBe(303);
    const page = await chair.agent.get(`/meetings/${id}`);
    const titles = page
      .$('.masa-agenda > li h3')
      .map((_, h) => page.$(h).text().trim())
      .get();
    expect(titles.at(-1)).toBe('Return home interviews');
    expect(page.$(`#proposal-${itemId}`)).toHaveLength(0);
    const [mail] = await mailTo(proposer.email);
    expect(mail!.subject).toBe('Your proposed item was accepted: Return home interviews');

    const before = await stored(id);
    const again = await agent.submit(
      answerPath(id, itemId),
      { answer: 'decline', reason: 'Changed my mind' },
      `/meetings/${id}`,
    );
    expect(again.status).toBe(409);
    expect(text(again, '#refusal')).toBe('This proposal has already been answered');
    expect(await stored(id)).toBe(before);
  });

  it('refuses a member who is not the chair, vice-chair or business officer', async () => {
    const id = await meeting(body, '2027-02-18');
    const itemId = await propose(id, 'Hotel checks');
    const page = await proposer.agent.get(`/meetings/${id}`);
    expect(page.$(`#proposal-${itemId} a`)).toHaveLength(0);
    expect((await proposer.agent.get(answerPath(id, itemId))).status).toBe(403);
    const before = await stored(id);
    const token = await proposer.agent.csrfTokenFrom(`/meetings/${id}`);
    const posted = await proposer.agent.post(answerPath(id, itemId), {
      answer: 'accept',
      _csrf: token,
    });
    expect(posted.status).toBe(403);
    expect(text(posted, '#refusal')).toContain('Only the chair, vice-chair or business officer');
    expect(await stored(id)).toBe(before);
  });

  it('lets the business unit propose without a seat and answer any proposal', async () => {
    const id = await meeting(body, '2027-02-25');
    const proposed = await agent.submit(proposePath(id), proposalFields({ title: 'Data sharing' }));
    expect(proposed.status).toBe(303);
    const itemId = (await services.meetings.find(context, id))!.items.find(
      (item) => item.title === 'Data sharing',
    )!.id;
    const answered = await agent.submit(answerPath(id, itemId), { answer: 'accept' });
    expect(answered.status).toBe(303);
    const row = await database.owner.db.execute<{ proposal_status: string }>(
      sql`select proposal_status from agenda_item where id = ${itemId}`,
    );
    expect(row.rows[0]!.proposal_status).toBe('accepted');
  });

  it('answers 404 for an item that is not a proposal or not on that meeting', async () => {
    const id = await meeting(body, '2027-03-04');
    const other = await meeting(body, '2027-03-11');
    const itemId = await propose(other, 'Elsewhere');
    expect((await agent.get(answerPath(id, itemId))).status).toBe(404);
    const added = await services.meetings.agenda.items.add(context, id, {
      title: 'Not proposed',
      purpose: 'information',
      presenter: '',
      durationMinutes: null,
    });
    expect((await agent.get(answerPath(id, added.ok ? added.value.id : ''))).status).toBe(404);
    expect((await agent.get(answerPath(id, 'not-an-id'))).status).toBe(404);
  });
});
