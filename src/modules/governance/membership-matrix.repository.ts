import { aliasedTable, and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agency, body, membership, person } from '../../db/schema/index.js';
import { activeOn } from './membership-dates.js';

const represented = aliasedTable(agency, 'represented');
const employer = aliasedTable(agency, 'employer');

/** What the matrix, the body table and the export show of one membership. */
const seat = {
  membershipId: membership.id,
  status: membership.status,
  decisionMaking: membership.decisionMaking,
  startsOn: membership.startsOn,
  endsOn: membership.endsOn,
  bodyId: body.id,
  bodyName: body.name,
  agencyId: represented.id,
  agencyName: represented.name,
  personId: person.id,
  fullName: person.fullName,
  jobTitle: person.jobTitle,
  email: person.email,
  employerName: employer.name,
};

/** Every membership current on `date`, optionally of one body, in one query. */
export function seatsOn(tx: Executor, date: string, bodyId?: string) {
  return tx
    .select(seat)
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(employer, eq(employer.id, person.agencyId))
    .innerJoin(body, eq(body.id, membership.bodyId))
    .innerJoin(represented, eq(represented.id, membership.representsAgencyId))
    .where(and(activeOn(date), bodyId ? eq(membership.bodyId, bodyId) : undefined))
    .orderBy(
      asc(sql`lower(${body.name})`),
      asc(sql`lower(${represented.name})`),
      asc(sql`lower(${person.fullName})`),
    );
}

export type Seat = Awaited<ReturnType<typeof seatsOn>>[number];
