import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { agendaItem } from '../../db/schema/index.js';
import { text, type Page } from '../../testing/agent.js';
import { insertAgendaItems } from './agenda.repository.js';
import { cancelMeeting, quorumScene, recordAttendance } from './attendance-fixtures.js';
import { meetingTestBed } from './meeting-fixtures.js';
import { updateMeeting } from './meetings.repository.js';

const bed = await meetingTestBed();
const { services, context, agent, meeting, database } = bed;

type Scene = Awaited<ReturnType<typeof quorumScene>>;

/** An item added straight to the agenda: adding items has its own pages elsewhere. */
async function item(meetingId: string, title = 'Escalation policy') {
  const [row] = await inTenant(database.app.db, context, (tx) =>
    insertAgendaItems(tx, [
      {
        partnershipId: context.partnershipId,
        meetingId,
        position: 50,
        title,
        purpose: 'decision',
        origin: 'added',
      },
    ]),
  );
  return row!.id;
}

const quorate = (scene: Scene, meetingId: string) =>
  recordAttendance(bed, meetingId, [
    { membershipId: scene.policeSeat, status: 'present' },
    { membershipId: scene.councilSeat, status: 'present' },
  ]);

async function decisionsOn(meetingId: string) {
  const found = await services.meetings.find(context, meetingId);
  return services.meetings.decisions.onMeeting(context, meetingId, found!.items);
}

const countOn = async (meetingId: string) =>
  Object.values((await decisionsOn(meetingId)).byItem).flat().length;

const ratificationItem = async (meetingId: string) =>
  (await services.meetings.find(context, meetingId))!.items.find(
    (row) => row.origin === 'ratification',
  );

const decide = (meetingId: string, itemId: string, fields: Record<string, string>) =>
  agent.submit(
    `/meetings/${meetingId}/items/${itemId}/decisions`,
    fields,
    `/meetings/${meetingId}/items/${itemId}/decisions/new`,
  );

const stateOn = (page: Page, itemId: string) =>
  text(page, `#item-${itemId} .masa-ratification-state`);

describe('recording a decision', () => {
  it('refuses a decision while the meeting is not quorate, naming the police, and accepts it as a recommendation', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, '2027-01-14');
    const itemId = await item(id);
    await recordAttendance(bed, id, [
      { membershipId: scene.councilSeat, status: 'present' },
      { membershipId: scene.policeSeat, status: 'absent' },
    ]);
    const form = await agent.get(`/meetings/${id}/items/${itemId}/decisions/new`);
    expect(text(form, '.govuk-warning-text')).toContain(
      `This meeting is not quorate: ${scene.names.police} is not represented`,
    );
    const refused = await decide(id, itemId, { text: 'Adopt the policy', kind: 'decision' });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary')).toContain(
      `This meeting is not quorate: ${scene.names.police} is not represented (section 21). Record it as a recommendation, or record attendance first`,
    );
    expect(refused.$('#text').val()).toBe('Adopt the policy');
    expect(await countOn(id)).toBe(0);

    const recommended = await decide(id, itemId, {
      text: 'Adopt the policy',
      kind: 'recommendation',
    });
    expect(recommended.status).toBe(303);
    const page = await agent.get(`/meetings/${id}`);
    expect(text(page, `#item-${itemId}`)).toContain('Recommendation Made without a quorum');
    expect(text(page, `#item-${itemId}`)).toContain('Adopt the policy');
    const [recorded] = Object.values((await decisionsOn(id)).byItem).flat();
    expect(recorded?.view.decision.quorate).toBe(false);
  });

  it('records a decision on a quorate meeting, with no ratification asked of a body that reports to none', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, '2027-01-14');
    const itemId = await item(id);
    await quorate(scene, id);
    const form = await agent.get(`/meetings/${id}/items/${itemId}/decisions/new`);
    expect(form.$('input[name="needsRatification"]')).toHaveLength(0);
    const recorded = await decide(id, itemId, { text: 'Adopt the policy', kind: 'decision' });
    expect(recorded.status).toBe(303);
    const page = await agent.get(`/meetings/${id}`);
    expect(text(page, `#item-${itemId} .govuk-tag`)).toBe('Decision');
    expect(stateOn(page, itemId)).toBe('');
  });

  it('refuses a decision without words or kind, and ratification asked of a body that reports to none', async () => {
    const scene = await quorumScene(bed);
    const id = await meeting(scene.body, '2027-01-14');
    const itemId = await item(id);
    await quorate(scene, id);
    const blank = await decide(id, itemId, { text: ' ', kind: '' });
    expect(blank.status).toBe(400);
    expect(text(blank, '.govuk-error-summary')).toContain('Enter what was decided');
    expect(text(blank, '.govuk-error-summary')).toContain(
      'Select whether it is a decision or a recommendation',
    );
    const noParent = await decide(id, itemId, {
      text: 'Adopt the policy',
      kind: 'decision',
      needsRatification: 'yes',
    });
    expect(text(noParent, '.govuk-error-summary')).toContain(
      `${scene.bodyName} does not report to an open body, so nothing can ratify its decisions`,
    );
    expect(await countOn(id)).toBe(0);
  });

  it('refuses decisions on a cancelled meeting, a withdrawn item and a meeting whose minutes are approved', async () => {
    const scene = await quorumScene(bed);
    const cancelled = await meeting(scene.body, '2027-01-14');
    const onCancelled = await item(cancelled);
    await quorate(scene, cancelled);
    const fields = { text: 'Adopt the policy', kind: 'decision' };
    await cancelMeeting(bed, cancelled);
    const refusedCancelled = await agent.submit(
      `/meetings/${cancelled}/items/${onCancelled}/decisions`,
      fields,
      `/meetings/${cancelled}`,
    );
    expect(text(refusedCancelled, '.govuk-error-summary')).toContain(
      'This meeting was cancelled, so no decisions can be recorded',
    );
    expect(text(refusedCancelled, '#refusal')).toContain('cancelled');
    expect(await countOn(cancelled)).toBe(0);

    const held = await meeting(scene.body, '2027-03-09');
    await quorate(scene, held);
    const withdrawn = await item(held, 'Withdrawn item');
    await inTenant(database.app.db, context, (tx) =>
      tx.update(agendaItem).set({ withdrawnAt: new Date() }).where(eq(agendaItem.id, withdrawn)),
    );
    const refusedWithdrawn = await decide(held, withdrawn, fields);
    expect(text(refusedWithdrawn, '.govuk-error-summary')).toContain(
      'This item was withdrawn from the agenda, so no decisions can be recorded on it',
    );
    const open = await item(held, 'Open item');
    await inTenant(database.app.db, context, (tx) =>
      updateMeeting(tx, held, undefined, { minutesStatus: 'approved' }),
    );
    const refusedApproved = await decide(held, open, fields);
    expect(text(refusedApproved, '.govuk-error-summary')).toContain(
      'The minutes of this meeting are approved and locked, so no more decisions can be recorded',
    );
    expect(await countOn(held)).toBe(0);
  });

  it('answers 404 for an item of another meeting or a malformed id', async () => {
    const scene = await quorumScene(bed);
    const first = await meeting(scene.body, '2027-01-14');
    const second = await meeting(scene.body, '2027-03-09');
    const itemId = await item(second);
    expect((await agent.get(`/meetings/${first}/items/${itemId}/decisions/new`)).status).toBe(404);
    expect((await agent.get(`/meetings/${first}/items/nope/decisions/new`)).status).toBe(404);
  });
});

describe('ratification', () => {
  it('walks a three-level chain, sub-group to forum to partnership, showing each stage on the original decision', async () => {
    const partnership = await quorumScene(bed, { bodyName: 'Safeguarding Partnership' });
    const forum = await quorumScene(bed, {
      bodyName: 'Chairs Consultation Forum',
      reportsToId: partnership.body,
    });
    const subGroup = await quorumScene(bed, {
      bodyName: 'Learning Sub-group',
      reportsToId: forum.body,
    });
    const subMeeting = await meeting(subGroup.body, '2027-01-14');
    const subItem = await item(subMeeting);
    await quorate(subGroup, subMeeting);
    const forumMeeting = await meeting(forum.body, '2027-02-03');
    await quorate(forum, forumMeeting);

    const form = await agent.get(`/meetings/${subMeeting}/items/${subItem}/decisions/new`);
    expect(text(form, 'label[for="needsRatification"]')).toBe(
      'This affects the arrangements: it needs ratification by Chairs Consultation Forum',
    );
    const decided = await decide(subMeeting, subItem, {
      text: 'Adopt the revised escalation policy',
      kind: 'decision',
      needsRatification: 'yes',
    });
    expect(decided.status).toBe(303);
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Awaiting ratification by Chairs Consultation Forum',
    );

    const atForum = await ratificationItem(forumMeeting);
    expect(atForum?.title).toBe('For ratification: Adopt the revised escalation policy');
    const forumPage = await agent.get(`/meetings/${forumMeeting}`);
    expect(text(forumPage, `#item-${atForum!.id}`)).toContain(
      'Decided by Learning Sub-group at its meeting on 14 January 2027',
    );
    expect(forumPage.$(`#item-${atForum!.id} a[href^="/meetings/${subMeeting}"]`)).toHaveLength(1);
    const outcomeForm = await agent.get(
      `/meetings/${forumMeeting}/items/${atForum!.id}/decisions/new`,
    );
    expect(text(outcomeForm, 'label[for="needsFurtherRatification"]')).toBe(
      'Needs ratification by Safeguarding Partnership too',
    );
    const ratified = await decide(forumMeeting, atForum!.id, {
      outcome: 'ratified',
      needsFurtherRatification: 'yes',
    });
    expect(ratified.status).toBe(303);
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Ratified by Chairs Consultation Forum on 3 February 2027 — awaiting ratification by Safeguarding Partnership',
    );

    const partnershipMeeting = await meeting(partnership.body, '2027-03-10');
    await quorate(partnership, partnershipMeeting);
    const atPartnership = await ratificationItem(partnershipMeeting);
    expect(atPartnership?.title).toBe('For ratification: Adopt the revised escalation policy');
    const partnershipPage = await agent.get(`/meetings/${partnershipMeeting}`);
    expect(text(partnershipPage, `#item-${atPartnership!.id}`)).toContain(
      'Decided by Learning Sub-group at its meeting on 14 January 2027',
    );
    const final = await decide(partnershipMeeting, atPartnership!.id, { outcome: 'ratified' });
    expect(final.status).toBe(303);
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Ratified by Chairs Consultation Forum on 3 February 2027 — ratified by Safeguarding Partnership on 10 March 2027',
    );
    const [original] = Object.values((await decisionsOn(subMeeting)).byItem).flat();
    const chain = await services.meetings.decisions.ratificationChain(
      context,
      original!.view.decision.id,
    );
    expect(chain.map((stage) => [stage.bodyName, stage.hearings.map((h) => h.outcome)])).toEqual([
      ['Chairs Consultation Forum', ['ratified']],
      ['Safeguarding Partnership', ['ratified']],
    ]);
  });

  it('brings a deferred decision back at the body’s next meeting, then shows the ratification', async () => {
    const forum = await quorumScene(bed, { bodyName: 'Forum for deferral' });
    const subGroup = await quorumScene(bed, { reportsToId: forum.body });
    const subMeeting = await meeting(subGroup.body, '2027-01-14');
    const subItem = await item(subMeeting);
    await quorate(subGroup, subMeeting);
    await decide(subMeeting, subItem, {
      text: 'Commission a thematic review',
      kind: 'decision',
      needsRatification: 'yes',
    });
    const first = await meeting(forum.body, '2027-02-03');
    const second = await meeting(forum.body, '2027-04-07');
    await quorate(forum, first);
    await quorate(forum, second);
    const deferredItem = await ratificationItem(first);
    expect(await ratificationItem(second)).toBeUndefined();
    const deferred = await decide(first, deferredItem!.id, {
      outcome: 'deferred',
      note: 'Awaiting costs',
    });
    expect(deferred.status).toBe(303);
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Deferred by Forum for deferral on 3 February 2027',
    );
    const again = await ratificationItem(second);
    expect(again?.ratifiesDecisionId).toBe(deferredItem!.ratifiesDecisionId);
    const twice = await decide(first, deferredItem!.id, { outcome: 'ratified' });
    expect(twice.status).toBe(400);
    expect(text(twice, '.govuk-error-summary')).toContain(
      'The outcome of this ratification is already recorded: Deferred',
    );
    await decide(second, again!.id, { outcome: 'ratified' });
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Ratified by Forum for deferral on 7 April 2027',
    );
  });

  it('shows a refusal with its reason, and refuses an outcome without a choice or a quorum', async () => {
    const forum = await quorumScene(bed, { bodyName: 'Forum for refusal' });
    const subGroup = await quorumScene(bed, { reportsToId: forum.body });
    const subMeeting = await meeting(subGroup.body, '2027-01-14');
    const subItem = await item(subMeeting);
    await quorate(subGroup, subMeeting);
    await decide(subMeeting, subItem, {
      text: 'Stop the audit programme',
      kind: 'decision',
      needsRatification: 'yes',
    });
    const forumMeeting = await meeting(forum.body, '2027-02-03');
    const atForum = await ratificationItem(forumMeeting);

    const notQuorate = await decide(forumMeeting, atForum!.id, { outcome: 'not_ratified' });
    expect(text(notQuorate, '.govuk-error-summary')).toContain(
      `This meeting is not quorate: ${forum.names.council} and ${forum.names.police} are not represented; 1 more person with decision-making rights must be present (section 21). A ratification needs a quorum: record attendance first`,
    );
    await quorate(forum, forumMeeting);
    const noChoice = await decide(forumMeeting, atForum!.id, { note: 'Too risky' });
    expect(text(noChoice, '.govuk-error-summary')).toContain(
      'Select whether the decision was ratified, not ratified or deferred',
    );
    expect(noChoice.$('#note').val()).toBe('Too risky');
    expect(await countOn(forumMeeting)).toBe(0);

    const refused = await decide(forumMeeting, atForum!.id, {
      outcome: 'not_ratified',
      note: 'The audit programme is statutory',
    });
    expect(refused.status).toBe(303);
    expect(stateOn(await agent.get(`/meetings/${subMeeting}`), subItem)).toBe(
      'Not ratified by Forum for refusal on 3 February 2027: The audit programme is statutory',
    );
    const forumPage = await agent.get(`/meetings/${forumMeeting}`);
    expect(text(forumPage, `#item-${atForum!.id} .govuk-tag`)).toBe('Not ratified');
    expect(forumPage.$(`#item-${atForum!.id} a[href$="/decisions/new"]`)).toHaveLength(0);
  });

  it('refuses onward ratification from a body that reports to none', async () => {
    const forum = await quorumScene(bed, { bodyName: 'Top forum' });
    const subGroup = await quorumScene(bed, { reportsToId: forum.body });
    const subMeeting = await meeting(subGroup.body, '2027-01-14');
    const subItem = await item(subMeeting);
    await quorate(subGroup, subMeeting);
    await decide(subMeeting, subItem, {
      text: 'Adopt the charter',
      kind: 'decision',
      needsRatification: 'yes',
    });
    const forumMeeting = await meeting(forum.body, '2027-02-03');
    await quorate(forum, forumMeeting);
    const atForum = await ratificationItem(forumMeeting);
    const refused = await decide(forumMeeting, atForum!.id, {
      outcome: 'ratified',
      needsFurtherRatification: 'yes',
    });
    expect(text(refused, '.govuk-error-summary')).toContain(
      'Top forum does not report to an open body, so nothing else can ratify it',
    );
    expect(text(refused, '#needsFurtherRatification')).toContain('Top forum does not report');
    expect(await countOn(forumMeeting)).toBe(0);
  });
});
