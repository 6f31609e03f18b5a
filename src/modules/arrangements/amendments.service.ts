import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { statusChangeProblem, statusName } from './amendment-status.js';
import {
  amendmentsRequestedBy,
  countAmendments,
  findAmendment,
  insertAmendment,
  listAmendments,
  updateAmendment,
} from './amendments.repository.js';
import type {
  AmendmentFilter,
  AmendmentRequestInput,
  StatusChangeInput,
} from './arrangements.forms.js';
import type { ArrangementsDependencies } from './arrangements.service.js';

export const AMENDMENTS_PAGE_SIZE = 25;
const OWN_REQUESTS_SHOWN = 20;

/** Names for the emails: the partnership and whoever is acting. */
export interface Names {
  partnershipName: string;
  actorName: string;
}

/**
 * Members' written requests to the chair to amend the arrangements (section 26), and where
 * each has got to. The chair is told of each request; the member is told of each change.
 */
export function buildAmendmentsService({
  db,
  audit,
  mail,
  accounts,
  governance,
  publicUrl,
}: ArrangementsDependencies) {
  /**
   * The chair of the partnership's main body: its open body of type "partnership", the one
   * reporting to no other first. Null when there is none, or its chair has no open record.
   */
  async function chairOfPartnership(context: TenantContext) {
    const main = (await governance.bodies.all(context, { activeOnly: true }))
      .filter((body) => body.bodyType === 'partnership')
      .sort(
        (a, b) =>
          Number(a.reportsToId !== null) - Number(b.reportsToId !== null) ||
          a.createdAt.getTime() - b.createdAt.getTime(),
      )[0];
    if (!main?.chairPersonId) return null;
    const chair = await governance.people.find(context, main.chairPersonId);
    return chair && !chair.person.closedAt ? chair.person : null;
  }

  /** Whom a request is written to: the chair, or failing one the partnership's administrators. */
  async function requestRecipients(tx: Executor, chair: { email: string } | null) {
    if (chair) return [chair.email];
    const members = await accounts.inTransaction.membersOfPartnership(tx);
    return members
      .filter((member) => member.roles.includes('administrator'))
      .map((member) => member.email);
  }

  async function request(
    context: TenantContext,
    input: AmendmentRequestInput,
    names: Names,
  ): Promise<{ id: string }> {
    if (!context.userId) throw new Error('An amendment request is made by someone signed in');
    const chair = await chairOfPartnership(context);
    const created = await inTenant(db, context, async (tx) => {
      const row = await insertAmendment(tx, {
        partnershipId: context.partnershipId,
        requestedBy: context.userId!,
        summary: input.summary,
        details: input.details,
      });
      const recipients = await requestRecipients(tx, chair);
      for (const to of recipients)
        await mail.queue(tx, context, {
          to,
          subject: `Request to amend the arrangements of ${names.partnershipName}`,
          text: requestMailText(row, names, chair !== null, publicUrl),
        });
      await audit.record(tx, context, {
        action: 'amendment_request.received',
        entityType: 'amendment_request',
        entityId: row.id,
        after: { summary: row.summary, sentTo: chair ? 'chair' : 'administrators' },
      });
      return row;
    });
    mail.nudge();
    return { id: created.id };
  }

  async function list(context: TenantContext, filter: AmendmentFilter) {
    const page = filter.page ?? 1;
    const result = await inTenant(db, context, (tx) =>
      listAmendments(tx, filter, AMENDMENTS_PAGE_SIZE, (page - 1) * AMENDMENTS_PAGE_SIZE),
    );
    return {
      ...result,
      page,
      pages: Math.max(1, Math.ceil(result.total / AMENDMENTS_PAGE_SIZE)),
    };
  }

  const find = (context: TenantContext, id: string) =>
    inTenant(db, context, (tx) => findAmendment(tx, id));

  /** The signed-in person's own requests, newest first. */
  function requestedBy(context: TenantContext) {
    const { userId } = context;
    if (!userId) return Promise.resolve([]);
    return inTenant(db, context, (tx) => amendmentsRequestedBy(tx, userId, OWN_REQUESTS_SHOWN));
  }

  const waiting = (context: TenantContext) =>
    inTenant(db, context, (tx) => countAmendments(tx, 'received'));

  async function changeStatus(
    context: TenantContext,
    id: string,
    input: StatusChangeInput,
    names: Names,
  ): Promise<Outcome<true>> {
    const result = await inTenant(db, context, async (tx) => {
      const found = await findAmendment(tx, id);
      if (!found) return failure({ request: 'not found' });
      const { request: before } = found;
      const problem = statusChangeProblem(before, input);
      if (problem) return failure(problem);
      const after = await updateAmendment(tx, id, input.version, {
        status: input.status,
        statusNote: input.statusNote,
      });
      if (!after)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'amendment_request',
            entityId: id,
            noun: 'request',
          }),
        });
      if (found.requesterEmail)
        await mail.queue(tx, context, {
          to: found.requesterEmail,
          subject: `Your request to amend the arrangements: ${statusName(after.status).toLowerCase()}`,
          text: statusMailText(after, names, publicUrl),
        });
      await audit.record(tx, context, {
        action: 'amendment_request.status_changed',
        entityType: 'amendment_request',
        entityId: id,
        before: { status: before.status, statusNote: before.statusNote },
        after: { status: after.status, statusNote: after.statusNote },
      });
      return success(true as const);
    });
    if (result.ok) mail.nudge();
    return result;
  }

  return { request, list, find, requestedBy, waiting, changeStatus };
}

export type AmendmentsService = ReturnType<typeof buildAmendmentsService>;

function requestMailText(
  row: { id: string; summary: string; details: string; createdAt: Date },
  names: Names,
  toChair: boolean,
  publicUrl: string,
) {
  return [
    `${names.actorName} has asked for a review of the multi-agency safeguarding arrangements of ${names.partnershipName} (received ${ukDate(row.createdAt)}).`,
    '',
    `Summary: ${row.summary}`,
    '',
    'Details:',
    row.details,
    '',
    toChair
      ? 'As chair, you notify the members of the partnership and place the request on its agenda for full consideration.'
      : 'The partnership has no chair recorded, so this request comes to its administrators. Pass it to the chair.',
    '',
    `Its progress is recorded at ${publicUrl}/arrangements/amendments/${row.id}`,
  ].join('\n');
}

function statusMailText(
  row: { summary: string; status: string; statusNote: string | null },
  names: Names,
  publicUrl: string,
) {
  return [
    `Your request to amend the arrangements of ${names.partnershipName}, "${row.summary}", is now ${statusName(row.status).toLowerCase()}.`,
    ...(row.statusNote ? ['', `Note from ${names.actorName}:`, row.statusNote] : []),
    '',
    `See your requests: ${publicUrl}/arrangements`,
  ].join('\n');
}
