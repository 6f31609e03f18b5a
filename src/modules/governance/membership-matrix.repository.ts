import { aliasedTable, and, asc, eq, inArray, or, sql } from 'drizzle-orm';
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

/** The memberships current on `date`, of one body or some agencies if given, in one query. */
export function seatsOn(
  tx: Executor,
  date: string,
  { bodyId, agencyIds }: { bodyId?: string; agencyIds?: string[] } = {},
) {
  return tx
    .select(seat)
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(employer, eq(employer.id, person.agencyId))
    .innerJoin(body, eq(body.id, membership.bodyId))
    .innerJoin(represented, eq(represented.id, membership.representsAgencyId))
    .where(
      and(
        activeOn(date),
        bodyId ? eq(membership.bodyId, bodyId) : undefined,
        agencyIds ? inArray(membership.representsAgencyId, agencyIds) : undefined,
      ),
    )
    .orderBy(
      asc(sql`lower(${body.name})`),
      asc(sql`lower(${represented.name})`),
      asc(sql`lower(${person.fullName})`),
    );
}

export type Seat = Awaited<ReturnType<typeof seatsOn>>[number];

/**
 * Which of some (closed) agencies and bodies still have anyone seated on `date`: a closed
 * one stays in the matrix while someone sits for or on it.
 */
export async function seatedAmong(
  tx: Executor,
  date: string,
  among: { agencyIds: string[]; bodyIds: string[] },
) {
  const seated = { agencyIds: new Set<string>(), bodyIds: new Set<string>() };
  if (among.agencyIds.length === 0 && among.bodyIds.length === 0) return seated;
  const rows = await tx
    .selectDistinct({ agencyId: membership.representsAgencyId, bodyId: membership.bodyId })
    .from(membership)
    .where(
      and(
        activeOn(date),
        or(
          among.agencyIds.length > 0
            ? inArray(membership.representsAgencyId, among.agencyIds)
            : undefined,
          among.bodyIds.length > 0 ? inArray(membership.bodyId, among.bodyIds) : undefined,
        ),
      ),
    );
  for (const row of rows) {
    seated.agencyIds.add(row.agencyId);
    seated.bodyIds.add(row.bodyId);
  }
  return seated;
}
