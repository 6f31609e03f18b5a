/**
 * When a body may decide (section 21): every required agency represented by someone with
 * decision-making rights, and, where the rule sets one, enough such people in the room.
 */

export interface QuorumAgency {
  id: string;
  name: string;
}

export interface QuorumRule {
  requiredAgencies: QuorumAgency[];
  minimumHeadCount: number | null;
}

/** Someone present at the meeting, as the quorum sees them. */
export type Attendee =
  | { kind: 'member'; agencyId: string; decisionMaking: boolean }
  | {
      kind: 'deputy';
      /** The agency of the member they deputise for. */
      agencyId: string;
      delegation: { startsOn: string; endsOn: string | null };
    };

export interface Attendance {
  /** The meeting's date, YYYY-MM-DD. */
  date: string;
  present: Attendee[];
}

export interface QuorumResult {
  quorate: boolean;
  missingAgencies: QuorumAgency[];
  /** People present who count towards the quorum. */
  headCount: number;
  /** How many more people who count would be needed for the minimum head count. */
  headCountShortfall: number;
}

function withinDelegation(date: string, delegation: { startsOn: string; endsOn: string | null }) {
  return delegation.startsOn <= date && (delegation.endsOn === null || date <= delegation.endsOn);
}

/** Observers never count; a deputy counts for their agency only inside their delegation. */
export function counts(attendee: Attendee, date: string): boolean {
  return attendee.kind === 'member'
    ? attendee.decisionMaking
    : withinDelegation(date, attendee.delegation);
}

export function quorum(rule: QuorumRule, attendance: Attendance): QuorumResult {
  const counting = attendance.present.filter((attendee) => counts(attendee, attendance.date));
  const represented = new Set(counting.map((attendee) => attendee.agencyId));
  const missingAgencies = rule.requiredAgencies.filter((agency) => !represented.has(agency.id));
  // Nobody in the room is never a quorum, whatever the rule names.
  const headCountShortfall = Math.max(0, Math.max(rule.minimumHeadCount ?? 1, 1) - counting.length);
  return {
    quorate: missingAgencies.length === 0 && headCountShortfall === 0,
    missingAgencies,
    headCount: counting.length,
    headCountShortfall,
  };
}
