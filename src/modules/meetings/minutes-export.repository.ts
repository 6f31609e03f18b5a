import { aliasedTable, and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  action,
  agency,
  agendaItem,
  attendance,
  body,
  decision,
  deputy,
  membership,
  paper,
  person,
} from '../../db/schema/index.js';

/**
 * What the Word minutes gather besides the agenda: who came, what was decided, which papers
 * went with each item and what actions were set. Each is one query for the whole meeting.
 */

const member = aliasedTable(person, 'member');
const deputyPerson = aliasedTable(person, 'deputy_person');
const owner = aliasedTable(person, 'owner');

export function attendanceOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select({
      status: attendance.status,
      memberName: member.fullName,
      agencyName: agency.name,
      deputyName: deputyPerson.fullName,
      guestName: attendance.guestName,
      guestRole: attendance.guestRole,
    })
    .from(attendance)
    .leftJoin(membership, eq(membership.id, attendance.membershipId))
    .leftJoin(member, eq(member.id, membership.personId))
    .leftJoin(agency, eq(agency.id, membership.representsAgencyId))
    .leftJoin(deputy, eq(deputy.id, attendance.deputyId))
    .leftJoin(deputyPerson, eq(deputyPerson.id, deputy.personId))
    .where(and(eq(attendance.meetingId, meetingId), isNull(attendance.withdrawnAt)))
    .orderBy(asc(agency.name), asc(member.fullName), asc(attendance.guestName));
}

export type AttendanceLine = Awaited<ReturnType<typeof attendanceOfMeeting>>[number];

export function decisionsOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select({
      agendaItemId: decision.agendaItemId,
      text: decision.text,
      kind: decision.kind,
      needsRatification: decision.needsRatification,
      ratifyingBodyName: body.name,
      ratificationOutcome: decision.ratificationOutcome,
    })
    .from(decision)
    .leftJoin(body, eq(body.id, decision.ratifyingBodyId))
    .where(eq(decision.meetingId, meetingId))
    .orderBy(asc(decision.createdAt));
}

export type DecisionLine = Awaited<ReturnType<typeof decisionsOfMeeting>>[number];

/** Papers anyone may know of: restricted papers stay out of a document that can be passed on. */
export function openPapersOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select({ agendaItemId: paper.agendaItemId, title: paper.title })
    .from(paper)
    .innerJoin(agendaItem, eq(agendaItem.id, paper.agendaItemId))
    .where(
      and(
        eq(agendaItem.meetingId, meetingId),
        eq(paper.restricted, false),
        isNull(paper.withdrawnAt),
      ),
    )
    .orderBy(asc(paper.createdAt));
}

export type PaperLine = Awaited<ReturnType<typeof openPapersOfMeeting>>[number];

export function actionsOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select({
      agendaItemId: action.agendaItemId,
      title: action.title,
      ownerName: owner.fullName,
      dueOn: action.dueOn,
      status: action.status,
    })
    .from(action)
    .innerJoin(agendaItem, eq(agendaItem.id, action.agendaItemId))
    .innerJoin(owner, eq(owner.id, action.ownerPersonId))
    .where(eq(agendaItem.meetingId, meetingId))
    .orderBy(asc(agendaItem.position), asc(action.dueOn), asc(action.createdAt));
}

export type ActionLine = Awaited<ReturnType<typeof actionsOfMeeting>>[number];
