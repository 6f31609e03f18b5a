import { quorum, type QuorumRule } from '../governance/quorum.js';
import type { RegisterLine } from './attendance-register.js';
import { attendeesForQuorum, type AttendanceForQuorum } from './quoracy.js';

/** A partner the quorum needs that nobody who counts will represent, on what is known so far. */
export interface PartnerAtRisk {
  agencyName: string;
  /** Members of that agency who sent apologies. */
  apologies: string[];
  /** Their deputies whose delegated authority runs on the meeting's day: any one can cover. */
  deputies: string[];
}

export interface QuoracyRisk {
  partners: PartnerAtRisk[];
  headCountShortfall: number;
}

const NOT_COMING = new Set(['apologies', 'absent']);

const delegatedOn = (deputy: { startsOn: string; endsOn: string | null }, day: string) =>
  deputy.startsOn <= day && (deputy.endsOn === null || day <= deputy.endsOn);

/**
 * The meeting as it would be if everyone who has not sent apologies (or been marked absent)
 * came: each seat as recorded, or present when nothing is recorded yet.
 */
function expectedAttendance(lines: RegisterLine[]): AttendanceForQuorum[] {
  return lines.flatMap(({ seat, deputies, recorded }) => {
    if (recorded && NOT_COMING.has(recorded.status)) return [];
    const deputy = deputies.find((row) => row.deputyId === recorded?.deputyId);
    return [
      {
        status: recorded?.status === 'deputy' ? 'deputy' : 'present',
        seat: { agencyId: seat.agencyId, decisionMaking: seat.decisionMaking },
        delegation: deputy ? { startsOn: deputy.startsOn, endsOn: deputy.endsOn } : null,
      },
    ];
  });
}

/**
 * Whether apologies put a meeting's quorum at risk (section 21), by the same rule the meeting
 * page applies: the partners who would be missing if everyone else came, each with who sent
 * apologies and which deputies could stand in. Null when the apologies leave it quorate, or
 * when a partner is missing for want of any member rather than because of apologies.
 */
export function quoracyRisk(rule: QuorumRule, day: string, lines: RegisterLine[]) {
  const result = quorum(rule, {
    date: day,
    present: attendeesForQuorum(expectedAttendance(lines)),
  });
  const away = lines.filter((line) => line.recorded && NOT_COMING.has(line.recorded.status));
  const partners: PartnerAtRisk[] = result.missingAgencies.flatMap((agency) => {
    const theirs = away.filter((line) => line.seat.agencyId === agency.id);
    if (theirs.length === 0) return [];
    return [
      {
        agencyName: agency.name,
        apologies: theirs.map((line) => line.seat.personName),
        deputies: theirs.flatMap((line) =>
          line.deputies.filter((deputy) => delegatedOn(deputy, day)).map((row) => row.personName),
        ),
      },
    ];
  });
  const headCountShortfall = away.some((line) => line.seat.decisionMaking)
    ? result.headCountShortfall
    : 0;
  if (partners.length === 0 && headCountShortfall === 0) return null;
  return { partners, headCountShortfall } satisfies QuoracyRisk;
}
