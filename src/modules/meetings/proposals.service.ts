import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { itemText, type ProposalAnswer, type ProposalInput } from './agenda.forms.js';
import { answerMail, proposalMail } from './agenda-mail.js';
import { meetingItem } from './agenda-items.service.js';
import { insertAgendaItems, itemsOfMeeting, positionsOf } from './agenda.repository.js';
import { updateAgendaItem } from './agenda-items.repository.js';
import { approvedRecordProblem } from './approved-record.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { viewerStanding, type MeetingViewer } from './meeting-membership.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';

type BodyRow = NonNullable<
  Awaited<ReturnType<MeetingsDependencies['governance']['bodies']['get']>>
>;

const NO_LONGER_HERE = 'Someone no longer in the partnership';

/** Why items can no longer be put forward for the meeting, or null while they can. */
export function proposalsClosedReason(meeting: MeetingRow, now: Date) {
  if (meeting.status === 'cancelled')
    return 'This meeting was cancelled, so items can no longer be proposed for it';
  if (now >= meeting.startsAt)
    return 'This meeting has started, so items can no longer be proposed for it';
  return null;
}

/** The chair, vice-chair and business officer named on the body's record. */
const answerers = (body: BodyRow) =>
  [body.chairPersonId, body.viceChairPersonId, body.businessOfficerPersonId].filter(
    (id): id is string => id !== null,
  );

/** Section 15: members of a body put items forward; its chair or business officer answers. */
export function buildProposalsService(dependencies: MeetingsDependencies) {
  const { db, audit, clock, mail, accounts, governance, publicUrl } = dependencies;

  /** Display names of the partnership's accounts, by user id. */
  const accountNames = async (tx: Executor): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await accounts.inTransaction.membersOfPartnership(tx)).map((account) => [
        account.userId,
        account.displayName,
      ]),
    );

  const loadMeeting = (context: TenantContext, meetingId: string) =>
    inTenant(db, context, (tx) => findMeeting(tx, meetingId));

  async function mayPropose(context: TenantContext, viewer: MeetingViewer, meeting: MeetingRow) {
    if (viewer.runsMeetings) return true;
    return (await viewerStanding(governance, context, viewer, meeting)).member;
  }

  async function mayAnswer(context: TenantContext, viewer: MeetingViewer, body: BodyRow) {
    if (viewer.runsMeetings) return true;
    const linked = viewer.userId ? await governance.people.ofAccount(context, viewer.userId) : null;
    return linked !== null && answerers(body).includes(linked.person.id);
  }

  /** The email addresses of the body's chair and business officer, each once. */
  async function chairAndOfficerEmails(context: TenantContext, body: BodyRow) {
    const emails = new Set<string>();
    for (const id of [body.chairPersonId, body.businessOfficerPersonId]) {
      const found = id ? await governance.people.find(context, id) : null;
      if (found && !found.person.closedAt) emails.add(found.person.email);
    }
    return [...emails];
  }

  /** The meeting and its body when the viewer may propose an item for it now. */
  async function proposing(
    context: TenantContext,
    viewer: MeetingViewer,
    meetingId: string,
  ): Promise<Outcome<{ meeting: MeetingRow; body: BodyRow }>> {
    const meeting = await loadMeeting(context, meetingId);
    const body = meeting ? await governance.bodies.get(context, meeting.bodyId) : null;
    if (!meeting || !body) return failure({ meeting: 'not found' });
    const refused = proposalsClosedReason(meeting, clock.now());
    if (refused) return failure({ refused });
    if (!(await mayPropose(context, viewer, meeting)))
      return failure({
        forbidden: `Only members of ${body.name} can propose items for its meetings. Ask its business officer if you think you should be a member.`,
      });
    return success({ meeting, body });
  }

  async function propose(
    context: TenantContext,
    viewer: MeetingViewer,
    meetingId: string,
    input: ProposalInput,
  ): Promise<Outcome<{ id: string }>> {
    const allowed = await proposing(context, viewer, meetingId);
    if (!allowed.ok) return allowed;
    const { meeting, body } = allowed.value;
    const recipients = await chairAndOfficerEmails(context, body);
    const created = await inTenant(db, context, async (tx) => {
      const { last } = await positionsOf(tx, meetingId);
      const [row] = await insertAgendaItems(tx, [
        {
          partnershipId: context.partnershipId,
          meetingId,
          position: last + 1,
          ...itemText({ ...input, durationMinutes: null }),
          origin: 'proposed',
          proposalStatus: 'proposed',
          proposedBy: viewer.userId,
          proposalNote: input.reason,
        },
      ]);
      const message = proposalMail(
        { bodyName: body.name, proposerName: viewer.name, reason: input.reason, publicUrl },
        meeting,
        { ...input, durationMinutes: null },
      );
      for (const to of recipients) await mail.queue(tx, context, { to, ...message });
      await audit.record(tx, context, {
        action: 'agenda_item.proposed',
        entityType: 'agenda_item',
        entityId: row!.id,
        after: { meetingId, title: input.title, purpose: input.purpose, reason: input.reason },
      });
      return row!;
    });
    mail.nudge();
    return success({ id: created.id });
  }

  /** The proposal, its meeting and body when the viewer may answer it now. */
  async function answering(
    context: TenantContext,
    viewer: MeetingViewer,
    meetingId: string,
    itemId: string,
  ) {
    const found = await inTenant(db, context, (tx) => meetingItem(tx, meetingId, itemId));
    if (!found || found.item.origin !== 'proposed') return failure({ item: 'not found' });
    const body = await governance.bodies.get(context, found.meeting.bodyId);
    if (!body || !(await mayAnswer(context, viewer, body)))
      return failure({
        forbidden: `Only the chair, vice-chair or business officer of ${body?.name ?? 'the body'}, or the business unit, can accept or decline proposed items.`,
      });
    if (found.meeting.status === 'cancelled')
      return failure({
        refused: 'This meeting was cancelled, so its proposals cannot be answered',
      });
    const locked = approvedRecordProblem(found.meeting, 'its agenda');
    if (locked) return failure({ refused: locked });
    if (found.item.proposalStatus !== 'proposed')
      return failure({ refused: 'This proposal has already been answered' });
    const proposerName = await inTenant(db, context, async (tx) =>
      found.item.proposedBy ? (await accountNames(tx))[found.item.proposedBy] : undefined,
    );
    return success({ ...found, body, proposerName: proposerName ?? NO_LONGER_HERE });
  }

  async function answer(
    context: TenantContext,
    viewer: MeetingViewer,
    meetingId: string,
    itemId: string,
    input: ProposalAnswer,
  ): Promise<Outcome<true>> {
    const allowed = await answering(context, viewer, meetingId, itemId);
    if (!allowed.ok) return allowed;
    const found = allowed.value;
    const { body } = found;
    const result = await inTenant(db, context, async (tx) => {
      const { last } = await positionsOf(tx, meetingId);
      const accepted = input.answer === 'accept';
      // Only a proposal still waiting changes: two people answering at once cannot both win.
      const after = await updateAgendaItem(tx, itemId, found.item.version, {
        proposalStatus: accepted ? 'accepted' : 'declined',
        ...(accepted ? { position: last + 1 } : {}),
      });
      if (!after) return failure({ refused: 'This proposal has already been answered' });
      const proposer = (await accounts.inTransaction.membersOfPartnership(tx)).find(
        (account) => account.userId === found.item.proposedBy,
      );
      if (proposer)
        await mail.queue(tx, context, {
          to: proposer.email,
          ...answerMail({ bodyName: body.name, ...input, publicUrl }, found.meeting, found.item),
        });
      await audit.record(tx, context, {
        action: accepted ? 'agenda_item.proposal_accepted' : 'agenda_item.proposal_declined',
        entityType: 'agenda_item',
        entityId: itemId,
        before: { proposalStatus: 'proposed' },
        after: { proposalStatus: after.proposalStatus, reason: input.reason },
      });
      return success(true as const);
    });
    if (result.ok) mail.nudge();
    return result;
  }

  /** The meeting's proposals with their proposers, and what the viewer may do with them. */
  async function ofMeeting(context: TenantContext, viewer: MeetingViewer, meeting: MeetingRow) {
    const body = await governance.bodies.get(context, meeting.bodyId);
    const { proposals, names } = await inTenant(db, context, async (tx) => {
      const rows = (await itemsOfMeeting(tx, meeting.id)).filter(
        (item) => item.origin === 'proposed' && item.proposalStatus !== 'accepted',
      );
      return { proposals: rows, names: rows.length ? await accountNames(tx) : {} };
    });
    return {
      proposals: proposals.map((item) => ({
        item,
        proposerName: (item.proposedBy && names[item.proposedBy]) || NO_LONGER_HERE,
      })),
      closedReason: proposalsClosedReason(meeting, clock.now()),
      canPropose: await mayPropose(context, viewer, meeting),
      canAnswer: body ? await mayAnswer(context, viewer, body) : false,
    };
  }

  return { proposing, propose, answering, answer, ofMeeting };
}

export type ProposalsService = ReturnType<typeof buildProposalsService>;
