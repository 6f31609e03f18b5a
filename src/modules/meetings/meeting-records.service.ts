import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { startOfNextUkDay, ukMoment } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { itemsOfMeeting } from './agenda.repository.js';
import { startAgenda } from './agenda-start.js';
import { MEETINGS_PAGE_SIZE, type MeetingsDependencies } from './meeting-context.js';
import type { MeetingFilter, MeetingInput } from './meetings.forms.js';
import {
  findMeeting,
  insertMeeting,
  listMeetings,
  type MeetingListFilter,
} from './meetings.repository.js';

/** Why a body cannot have a meeting scheduled, or null when it can. */
export async function bodyProblem(
  governance: MeetingsDependencies['governance'],
  context: TenantContext,
  bodyId: string,
) {
  const body = await governance.bodies.get(context, bodyId);
  if (!body) return { body: null, problem: 'Select the body that is meeting' };
  if (body.closedAt)
    return { body, problem: `${body.name} is closed, so no meetings can be scheduled for it` };
  return { body, problem: null };
}

export interface MeetingToSchedule {
  bodyId: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

/**
 * Inserts a meeting, starts its agenda and records it in the audit trail: one meeting at a
 * time or each of a year of them, inside the caller's transaction.
 */
export async function scheduleMeeting(
  tx: Executor,
  context: TenantContext,
  audit: AuditService,
  values: MeetingToSchedule,
) {
  const row = await insertMeeting(tx, { partnershipId: context.partnershipId, ...values });
  const carried = await startAgenda(tx, context, row);
  await audit.record(tx, context, {
    action: 'meeting.scheduled',
    entityType: 'meeting',
    entityId: row.id,
    after: {
      bodyId: row.bodyId,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      location: row.location,
      carriedItems: carried.length,
    },
  });
  return row;
}

/**
 * The list's filter as the repository reads it. Dates choose the period themselves, so with
 * either of them the "upcoming" or "past" choice gives way to every meeting in the period.
 */
export function listFilter(filter: MeetingFilter, now: Date): MeetingListFilter {
  const dated = Boolean(filter.from || filter.to);
  return {
    bodyId: filter.body,
    when: dated ? 'all' : (filter.when ?? 'upcoming'),
    now,
    text: filter.q,
    from: filter.from ? ukMoment(filter.from, '00:00') : undefined,
    before: filter.to ? startOfNextUkDay(ukMoment(filter.to, '00:00')) : undefined,
  };
}

/** Meetings as records: scheduling one, finding one, listing them. */
export function buildMeetingRecords(dependencies: MeetingsDependencies) {
  const { db, audit, clock, governance } = dependencies;

  async function create(
    context: TenantContext,
    input: MeetingInput,
  ): Promise<Outcome<{ id: string }>> {
    const { problem } = await bodyProblem(governance, context, input.bodyId);
    if (problem) return failure({ bodyId: problem });
    const created = await inTenant(db, context, (tx) =>
      scheduleMeeting(tx, context, audit, {
        bodyId: input.bodyId,
        startsAt: ukMoment(input.day, input.startTime),
        endsAt: ukMoment(input.day, input.endTime),
        location: input.location,
      }),
    );
    return success({ id: created.id });
  }

  async function find(context: TenantContext, id: string) {
    const found = await inTenant(db, context, async (tx) => {
      const row = await findMeeting(tx, id);
      return row ? { meeting: row, items: await itemsOfMeeting(tx, id) } : null;
    });
    if (!found) return null;
    const body = await governance.bodies.get(context, found.meeting.bodyId);
    return { ...found, body: body! };
  }

  async function list(context: TenantContext, filter: MeetingFilter) {
    const page = filter.page ?? 1;
    const result = await inTenant(db, context, (tx) =>
      listMeetings(
        tx,
        listFilter(filter, clock.now()),
        MEETINGS_PAGE_SIZE,
        (page - 1) * MEETINGS_PAGE_SIZE,
      ),
    );
    return {
      ...result,
      page,
      pages: Math.max(1, Math.ceil(result.total / MEETINGS_PAGE_SIZE)),
    };
  }

  return { create, find, list };
}
