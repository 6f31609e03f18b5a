import { ukDate } from '../../platform/dates.js';
import type { MembershipStatus } from './governance.vocabulary.js';
import { readCells, type RowReading } from './membership-import.cells.js';
import type { ImportRow } from './membership-import.table.js';

/** An agency or body of the register, found by its name whatever the case. */
export interface NamedRecord {
  id: string;
  name: string;
  closed: boolean;
}

export interface KnownPerson {
  id: string;
  fullName: string;
  agencyId: string;
  agencyName: string;
  closed: boolean;
}

export interface KnownMembership {
  personId: string;
  bodyId: string;
  startsOn: string;
  endsOn: string | null;
}

/** What the rows are checked against, read once in the import's transaction. */
export interface ImportLookups {
  agencies: Map<string, NamedRecord>;
  bodies: Map<string, NamedRecord>;
  /** By lower-case email. */
  people: Map<string, KnownPerson>;
  memberships: KnownMembership[];
}

export interface NewPerson {
  key: string;
  fullName: string;
  jobTitle: string;
  agencyId: string;
  email: string;
  phone: string | null;
}

export interface NewMembership {
  rowNumber: number;
  /** The lower-case email of the person, new or already in the register. */
  personKey: string;
  bodyId: string;
  status: MembershipStatus;
  representsAgencyId: string;
  decisionMaking: boolean;
  startsOn: string;
  endsOn: string | null;
}

export interface RowProblem {
  rowNumber: number;
  reasons: string[];
}

export interface ImportPlan {
  newPeople: NewPerson[];
  /** lower-case email -> id, for people the register already has. */
  knownPeople: Map<string, string>;
  memberships: NewMembership[];
}

export type RowsCheck = { ok: true; plan: ImportPlan } | { ok: false; problems: RowProblem[] };

/** Rules between cells of one row. */
function checkRules(row: ImportRow, reading: RowReading, reasons: string[]) {
  if (reading.status === 'participant_observer' && reading.decisionMaking)
    reasons.push(
      'A participant observer cannot have decision-making rights: put no in decision_making',
    );
  if (reading.startsOn && reading.endsOn && reading.endsOn < reading.startsOn)
    reasons.push(`ends_on (${row.cells.ends_on}) is before starts_on (${row.cells.starts_on})`);
}

const overlaps = (
  a: { startsOn: string; endsOn: string | null },
  b: { startsOn: string; endsOn: string | null },
) => (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);

const period = (m: { startsOn: string; endsOn: string | null }) =>
  m.endsOn ? `from ${ukDate(m.startsOn)} to ${ukDate(m.endsOn)}` : `since ${ukDate(m.startsOn)}`;

/** Rules against the register: the person's record and the seats they already hold. */
function checkRegister(reading: RowReading, lookups: ImportLookups, reasons: string[]) {
  const known = reading.email ? lookups.people.get(reading.email.toLowerCase()) : undefined;
  if (!known) return;
  if (known.closed)
    reasons.push(
      `${reading.email} belongs to ${known.fullName}, who is closed in the register (has left)`,
    );
  else if (reading.agency && reading.agency.id !== known.agencyId)
    reasons.push(
      `${reading.email} belongs to ${known.fullName}, who works for ${known.agencyName} in the register, not ${reading.agency.name}`,
    );
  const { body, startsOn, endsOn } = reading;
  if (!body || !startsOn) return;
  const held = lookups.memberships.find(
    (m) => m.personId === known.id && m.bodyId === body.id && overlaps(m, { startsOn, endsOn }),
  );
  if (held) reasons.push(`${known.fullName} is already a member of ${body.name} ${period(held)}`);
}

/** The first row that named each person, to hold later rows to the same details. */
interface FileState {
  people: Map<string, { rowNumber: number; reading: RowReading }>;
  seats: Map<string, number>;
}

function checkAcrossFile(row: ImportRow, reading: RowReading, state: FileState, reasons: string[]) {
  if (!reading.email) return;
  const key = reading.email.toLowerCase();
  const first = state.people.get(key);
  if (!first) state.people.set(key, { rowNumber: row.rowNumber, reading });
  else {
    const differ = (['fullName', 'jobTitle', 'agency'] as const).filter((field) => {
      const [a, b] = [first.reading[field], reading[field]];
      return (
        a !== null &&
        b !== null &&
        (typeof a === 'string' ? a !== b : a.id !== (b as NamedRecord).id)
      );
    });
    const columns = { fullName: 'full_name', jobTitle: 'job_title', agency: 'agency' };
    if (differ.length > 0)
      reasons.push(
        `${reading.email} has a different ${differ.map((f) => columns[f]).join(' and ')} on row ${first.rowNumber}: give the same details on every row for one person`,
      );
  }
  if (!reading.body) return;
  const seat = `${key} ${reading.body.id}`;
  const earlier = state.seats.get(seat);
  if (earlier) reasons.push(`Duplicate of row ${earlier}: the same email and body`);
  else state.seats.set(seat, row.rowNumber);
}

/** Checks every row before anything is written; any problem means nothing is imported. */
export function checkImportRows(rows: ImportRow[], lookups: ImportLookups): RowsCheck {
  const problems: RowProblem[] = [];
  const state: FileState = { people: new Map(), seats: new Map() };
  const plan: ImportPlan = { newPeople: [], knownPeople: new Map(), memberships: [] };
  for (const row of rows) {
    const reasons: string[] = [];
    const reading = readCells(row, lookups, reasons);
    checkRules(row, reading, reasons);
    checkRegister(reading, lookups, reasons);
    checkAcrossFile(row, reading, state, reasons);
    if (reasons.length > 0) problems.push({ rowNumber: row.rowNumber, reasons });
    else addToPlan(plan, reading as Complete, row.rowNumber, lookups);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan };
}

type Complete = { [K in keyof RowReading]: NonNullable<RowReading[K]> } & {
  phone: string | null;
  endsOn: string | null;
};

function addToPlan(plan: ImportPlan, reading: Complete, rowNumber: number, lookups: ImportLookups) {
  const key = reading.email.toLowerCase();
  const known = lookups.people.get(key);
  if (known) plan.knownPeople.set(key, known.id);
  else if (!plan.newPeople.some((person) => person.key === key))
    plan.newPeople.push({
      key,
      fullName: reading.fullName,
      jobTitle: reading.jobTitle,
      agencyId: reading.agency.id,
      email: reading.email,
      phone: reading.phone,
    });
  plan.memberships.push({
    rowNumber,
    personKey: key,
    bodyId: reading.body.id,
    status: reading.status,
    representsAgencyId: reading.representsAgency.id,
    decisionMaking: reading.decisionMaking,
    startsOn: reading.startsOn,
    endsOn: reading.endsOn,
  });
}
