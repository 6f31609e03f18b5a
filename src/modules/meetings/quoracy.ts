import type { Attendee, QuorumAgency, QuorumResult } from '../governance/quorum.js';
import type { AttendanceStatus } from './meetings.vocabulary.js';

/** One recorded attendance as the quorum needs it: the seat it fills and any deputy's delegation. */
export interface AttendanceForQuorum {
  status: AttendanceStatus;
  /** The member's seat; null for a guest, who never counts. */
  seat: { agencyId: string; decisionMaking: boolean } | null;
  /** The delegation of the deputy who came, when the status is deputy. */
  delegation: { startsOn: string; endsOn: string | null } | null;
}

/** Who was in the room, as `quorum` (section 21) counts them. */
export function attendeesForQuorum(recorded: AttendanceForQuorum[]): Attendee[] {
  const attendees: Attendee[] = [];
  for (const row of recorded) {
    if (!row.seat) continue;
    if (row.status === 'present')
      attendees.push({
        kind: 'member',
        agencyId: row.seat.agencyId,
        decisionMaking: row.seat.decisionMaking,
      });
    if (row.status === 'deputy' && row.delegation)
      attendees.push({ kind: 'deputy', agencyId: row.seat.agencyId, delegation: row.delegation });
  }
  return attendees;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(names: string[]) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Northshire Police is not represented", one line per missing agency. */
export const missingAgencyLines = (missing: QuorumAgency[]) =>
  missing.map((agency) => `${agency.name} is not represented`);

/** "1 more person with decision-making rights must be present", or null when none is missing. */
export function headCountShortfallLine(shortfall: number) {
  if (shortfall <= 0) return null;
  return shortfall === 1
    ? '1 more person with decision-making rights must be present'
    : `${shortfall} more people with decision-making rights must be present`;
}

/** Why a meeting is not quorate, in one sentence: "Northshire Police is not represented". */
export function notQuorateBecause(result: QuorumResult) {
  const missing = result.missingAgencies.map((agency) => agency.name);
  const parts = [];
  if (missing.length > 0)
    parts.push(`${listInWords(missing)} ${missing.length === 1 ? 'is' : 'are'} not represented`);
  const shortfall = headCountShortfallLine(result.headCountShortfall);
  if (shortfall) parts.push(shortfall);
  return parts.join('; ');
}
