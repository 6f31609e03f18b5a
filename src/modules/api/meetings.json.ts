/** Meetings as the API shows them; their shapes are in meetings.schemas.ts. */
import { onAgenda } from '../meetings/agenda-items.service.js';
import type { MeetingsService } from '../meetings/meetings.service.js';

type MeetingRow = Awaited<ReturnType<MeetingsService['list']>>['rows'][number];
type Found = NonNullable<Awaited<ReturnType<MeetingsService['find']>>>;
type Register = NonNullable<Awaited<ReturnType<MeetingsService['attendance']['register']>>>;
type Quoracy = NonNullable<Awaited<ReturnType<MeetingsService['attendance']['quoracy']>>>;
type Decisions = Awaited<ReturnType<MeetingsService['decisions']['onMeeting']>>['byItem'];

const iso = (time: Date | null) => (time ? time.toISOString() : null);

export const meetingJson = (row: MeetingRow, bodyName: string) => ({
  id: row.id,
  body: { id: row.bodyId, name: bodyName },
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  location: row.location,
  status: row.status,
  cancelReason: row.cancelReason,
  agendaPublishedAt: iso(row.agendaPublishedAt),
  minutesStatus: row.minutesStatus,
});

export interface MeetingRecord {
  found: Found;
  register: Register;
  quoracy: Quoracy;
  decisions: Decisions;
}

export const meetingDetailJson = ({ found, register, quoracy, decisions }: MeetingRecord) => ({
  ...meetingJson(found.meeting, found.body.name),
  agenda: found.items.filter(onAgenda).map((item) => ({
    id: item.id,
    title: item.title,
    presenter: item.presenter,
    durationMinutes: item.durationMinutes,
    purpose: item.purpose,
    origin: item.origin,
    withdrawn: item.withdrawnAt !== null,
  })),
  attendance: register.lines.map(({ seat, deputies, recorded }) => ({
    membershipId: seat.membershipId,
    person: seat.personName,
    agency: { id: seat.agencyId, name: seat.agencyName },
    decisionMaking: seat.decisionMaking,
    status: recorded?.status ?? null,
    deputy: deputies.find((deputy) => deputy.deputyId === recorded?.deputyId)?.personName ?? null,
  })),
  guests: register.guests.map((guest) => ({ name: guest.guestName ?? '', role: guest.guestRole })),
  quorum: {
    quorate: quoracy.quorate,
    recorded: quoracy.recorded,
    missingAgencies: quoracy.missingAgencies.map(({ id, name }) => ({ id, name })),
    headCount: quoracy.headCount,
    headCountShortfall: quoracy.headCountShortfall,
  },
  decisions: Object.values(decisions)
    .flat()
    .map(({ view: { decision, ratifyingBodyName }, state }) => ({
      id: decision.id,
      agendaItemId: decision.agendaItemId,
      text: decision.text,
      kind: decision.kind,
      quorate: decision.quorate,
      needsRatification: decision.needsRatification,
      ratifyingBody: decision.ratifyingBodyId
        ? { id: decision.ratifyingBodyId, name: ratifyingBodyName ?? '' }
        : null,
      ratifiesDecisionId: decision.ratifiesDecisionId,
      ratificationOutcome: decision.ratificationOutcome,
      ratificationState: state,
      recordedAt: decision.createdAt.toISOString(),
    })),
});
