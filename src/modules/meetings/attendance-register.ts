import { ukDate } from '../../platform/dates.js';
import type { FieldErrors } from '../../platform/forms.js';
import { membershipState } from '../governance/membership-dates.js';
import type { AttendanceStatus } from './meetings.vocabulary.js';
import type { AttendanceForQuorum } from './quoracy.js';

/** A membership of the meeting's body: the seat someone is expected to fill. */
export interface Seat {
  membershipId: string;
  personName: string;
  agencyId: string;
  agencyName: string;
  decisionMaking: boolean;
  startsOn: string;
  endsOn: string | null;
}

/** A named deputy of a member, with the dates of their delegation (section 11). */
export interface NamedDeputy {
  deputyId: string;
  membershipId: string;
  personName: string;
  startsOn: string;
  endsOn: string | null;
}

export interface RecordedAttendance {
  id: string;
  membershipId: string | null;
  status: string;
  deputyId: string | null;
  guestName: string | null;
  guestRole: string | null;
  version: number;
}

/** One line of the register: a seat, its member's deputies and what is recorded for it. */
export interface RegisterLine {
  seat: Seat;
  deputies: NamedDeputy[];
  recorded: RecordedAttendance | null;
}

/** What the person chose for one member, as submitted. */
export interface AttendanceChoice {
  membershipId: string;
  status: AttendanceStatus;
  deputyId: string | null;
  /** The version of the recorded row the form showed; null when nothing was recorded. */
  version: number | null;
}

/** The seats of the body on the meeting's day, each with its deputies and recorded attendance. */
export function registerOn(
  day: string,
  seats: Seat[],
  deputies: NamedDeputy[],
  recorded: RecordedAttendance[],
): RegisterLine[] {
  return seats
    .filter((seat) => membershipState(seat, day) === 'current')
    .map((seat) => ({
      seat,
      deputies: deputies.filter((deputy) => deputy.membershipId === seat.membershipId),
      recorded: recorded.find((row) => row.membershipId === seat.membershipId) ?? null,
    }));
}

const delegationRuns = (deputy: NamedDeputy, day: string) =>
  deputy.startsOn <= day && (deputy.endsOn === null || day <= deputy.endsOn);

function delegationWords(deputy: NamedDeputy) {
  return deputy.endsOn
    ? `runs from ${ukDate(deputy.startsOn)} to ${ukDate(deputy.endsOn)}`
    : `runs from ${ukDate(deputy.startsOn)}`;
}

/**
 * The deputies who may represent a member on a day: those whose delegated authority runs
 * then. An observer has no decision-making rights to delegate, so nobody represents them.
 */
export function deputiesOnDay(line: Pick<RegisterLine, 'seat' | 'deputies'>, day: string) {
  if (!line.seat.decisionMaking) return [];
  return line.deputies.filter((deputy) => delegationRuns(deputy, day));
}

/** What is wrong with the deputy named for one member, or null. */
function deputyProblem(line: RegisterLine, choice: AttendanceChoice, day: string) {
  const name = line.seat.personName;
  if (!line.seat.decisionMaking)
    return `${name} is an observer, so no deputy can represent them: record them as present, apologies or absent`;
  const deputy = line.deputies.find((row) => row.deputyId === choice.deputyId);
  if (!deputy && deputiesOnDay(line, day).length === 0)
    return `${name} has no deputy with delegated authority on ${ukDate(day)}: record them as present, apologies or absent`;
  if (!choice.deputyId) return `Select the deputy who represented ${name}`;
  if (!deputy) return `The deputy chosen is not one of ${name}'s named deputies`;
  if (!delegationRuns(deputy, day))
    return `${deputy.personName}'s delegation ${delegationWords(deputy)}; the meeting is on ${ukDate(day)}`;
  return null;
}

/** Whether a choice says again what is already recorded: nothing to write, nothing to check. */
const unchanged = (line: RegisterLine, choice: AttendanceChoice) =>
  line.recorded?.status === choice.status && line.recorded.deputyId === choice.deputyId;

/**
 * Every reason the choices cannot be recorded: a membership that is not a seat on the
 * body that day, or a deputy who is missing, not the member's, or outside their delegation.
 * `names` gives the person of a membership that is not in the register, when one exists.
 */
export function attendanceProblems(
  register: RegisterLine[],
  choices: AttendanceChoice[],
  meeting: { bodyName: string; day: string },
  names: Record<string, string>,
): FieldErrors {
  const errors: FieldErrors = {};
  if (choices.length === 0)
    errors.register =
      'Select whether each member was present, sent apologies, was absent or was represented by a deputy';
  for (const choice of choices) {
    const line = register.find((row) => row.seat.membershipId === choice.membershipId);
    if (!line) {
      const who = names[choice.membershipId] ?? 'This person';
      errors.register ??= `${who} is not a member of ${meeting.bodyName} on ${ukDate(meeting.day)}: record them as a guest`;
      continue;
    }
    if (choice.status !== 'deputy' || unchanged(line, choice)) continue;
    const problem = deputyProblem(line, choice, meeting.day);
    if (problem) errors[`deputy-${choice.membershipId}`] = problem;
  }
  return errors;
}

/** The register as the quorum sees it: each member's status, seat and deputy's delegation. */
export function registerForQuorum(register: RegisterLine[]): AttendanceForQuorum[] {
  return register.flatMap(({ seat, deputies, recorded }) => {
    if (!recorded) return [];
    const deputy = deputies.find((row) => row.deputyId === recorded.deputyId);
    return [
      {
        status: recorded.status as AttendanceStatus,
        seat: { agencyId: seat.agencyId, decisionMaking: seat.decisionMaking },
        delegation: deputy ? { startsOn: deputy.startsOn, endsOn: deputy.endsOn } : null,
      },
    ];
  });
}
