import { calendarDate } from '../../platform/date-input.js';
import { email as emailSchema } from './governance.forms.js';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from './governance.vocabulary.js';
import { statusNamed } from './membership-csv.js';
import type { ImportLookups, NamedRecord } from './membership-import.rows.js';
import type { ImportRow } from './membership-import.table.js';

/** What one row says, each piece null where the row got it wrong. */
export interface RowReading {
  fullName: string | null;
  jobTitle: string | null;
  agency: NamedRecord | null;
  email: string | null;
  phone: string | null;
  body: NamedRecord | null;
  status: MembershipStatus | null;
  representsAgency: NamedRecord | null;
  decisionMaking: boolean | null;
  startsOn: string | null;
  endsOn: string | null;
}

const quoted = (text: string) => `“${text}”`;
const PHONE = /^[+\d][\d\s()-]{5,}$/;
const STATUS_WORDS = MEMBERSHIP_STATUSES.values.map((v) => MEMBERSHIP_STATUSES.names[v]).join(', ');

function text(value: string, column: string, max: number, reasons: string[]) {
  if (value === '') reasons.push(`${column} is blank`);
  else if (value.length > max) reasons.push(`${column} is longer than ${max} characters`);
  else return value;
  return null;
}

function named(
  value: string,
  column: string,
  register: Map<string, NamedRecord>,
  list: string,
  reasons: string[],
) {
  const found = register.get(value.toLowerCase());
  if (value === '') reasons.push(`${column} is blank`);
  else if (!found)
    reasons.push(
      `${column} ${quoted(value)} is not in the register: check the spelling against the list of ${list}`,
    );
  else if (found.closed)
    reasons.push(`${column} ${quoted(found.name)} is closed in the register, so it cannot be used`);
  else return found;
  return null;
}

function readEmail(value: string, reasons: string[]) {
  if (value === '') reasons.push('email is blank');
  else if (value.length > 254) reasons.push('email is longer than 254 characters');
  else {
    const parsed = emailSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    reasons.push(`email ${quoted(value)} is not a valid email address`);
  }
  return null;
}

function readPhone(value: string, reasons: string[]) {
  if (value === '') return null;
  if (value.length <= 40 && PHONE.test(value)) return value;
  reasons.push(`phone ${quoted(value)} is not a phone number, like 01632 960 001`);
  return null;
}

function readStatus(value: string, reasons: string[]) {
  const status = statusNamed(value);
  if (!status)
    reasons.push(
      value === ''
        ? `status is blank: use one of ${STATUS_WORDS}`
        : `status ${quoted(value)} is not a membership status: use one of ${STATUS_WORDS}`,
    );
  return status;
}

function date(value: string, column: string, reasons: string[], blank?: string) {
  if (value === '') {
    if (blank) reasons.push(`${column} is blank: ${blank}`);
    return null;
  }
  const parsed = calendarDate(column).safeParse(value);
  if (parsed.success) return parsed.data;
  reasons.push(
    `${column} ${quoted(value)} is not a real date: use YYYY-MM-DD or DD/MM/YYYY, like 2026-04-01 or 01/04/2026`,
  );
  return null;
}

function yesOrNo(value: string, reasons: string[]) {
  const answer = value.toLowerCase();
  if (answer === 'yes' || answer === 'y') return true;
  if (answer === 'no' || answer === 'n') return false;
  reasons.push(
    value === ''
      ? 'decision_making is blank: enter yes or no'
      : `decision_making must be yes or no, not ${quoted(value)}`,
  );
  return null;
}

/** Each cell on its own, in column order: blanks, lengths, formats, names the register knows. */
export function readCells(row: ImportRow, lookups: ImportLookups, reasons: string[]): RowReading {
  const c = row.cells;
  if (row.strayCells > 0)
    reasons.push('The row has more cells than the first row has columns: check for a stray comma');
  const fullName = text(c.full_name, 'full_name', 120, reasons);
  const jobTitle = text(c.job_title, 'job_title', 200, reasons);
  const agency = named(c.agency, 'agency', lookups.agencies, 'agencies', reasons);
  return {
    fullName,
    jobTitle,
    agency,
    email: readEmail(c.email, reasons),
    phone: readPhone(c.phone, reasons),
    body: named(c.body, 'body', lookups.bodies, 'bodies', reasons),
    status: readStatus(c.status, reasons),
    representsAgency:
      c.represents_agency === ''
        ? agency
        : named(c.represents_agency, 'represents_agency', lookups.agencies, 'agencies', reasons),
    decisionMaking: yesOrNo(c.decision_making, reasons),
    startsOn: date(c.starts_on, 'starts_on', reasons, 'enter the first day of the membership'),
    endsOn: date(c.ends_on, 'ends_on', reasons),
  };
}
