import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agency, membership, person } from '../../db/schema/index.js';
import { allAgencies } from './agencies.repository.js';
import { allBodies } from './bodies.repository.js';
import type { ImportLookups, KnownPerson, NamedRecord } from './membership-import.rows.js';

/** Inserts go in slices so no statement nears PostgreSQL's limit on parameters. */
const SLICE = 500;

const byLowerName = (rows: { id: string; name: string; closedAt: Date | null }[]) =>
  new Map<string, NamedRecord>(
    rows.map((row) => [
      row.name.toLowerCase(),
      { id: row.id, name: row.name, closed: row.closedAt !== null },
    ]),
  );

/** The register as the rows need it: every agency and body, and the people the file names. */
export async function importLookups(tx: Executor, emails: string[]): Promise<ImportLookups> {
  const agencies = await allAgencies(tx, { activeOnly: false });
  const bodies = await allBodies(tx, { activeOnly: false });
  const people = await peopleByEmail(tx, emails);
  const personIds = [...people.values()].map((known) => known.id);
  const memberships =
    personIds.length === 0
      ? []
      : await tx
          .select({
            personId: membership.personId,
            bodyId: membership.bodyId,
            startsOn: membership.startsOn,
            endsOn: membership.endsOn,
          })
          .from(membership)
          .where(inArray(membership.personId, personIds));
  return { agencies: byLowerName(agencies), bodies: byLowerName(bodies), people, memberships };
}

async function peopleByEmail(tx: Executor, emails: string[]) {
  const people = new Map<string, KnownPerson>();
  if (emails.length === 0) return people;
  const rows = await tx
    .select({
      id: person.id,
      email: person.email,
      fullName: person.fullName,
      agencyId: person.agencyId,
      agencyName: agency.name,
      closedAt: person.closedAt,
    })
    .from(person)
    .innerJoin(agency, eq(agency.id, person.agencyId))
    .where(inArray(sql`lower(${person.email})`, emails));
  for (const row of rows)
    people.set(row.email.toLowerCase(), { ...row, closed: row.closedAt !== null });
  return people;
}

function slices<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += SLICE)
    result.push(items.slice(start, start + SLICE));
  return result;
}

export async function insertPeople(tx: Executor, rows: (typeof person.$inferInsert)[]) {
  const inserted: { id: string; email: string }[] = [];
  for (const slice of slices(rows))
    inserted.push(
      ...(await tx.insert(person).values(slice).returning({ id: person.id, email: person.email })),
    );
  return inserted;
}

/** Gives back each new membership's id with its person and body, which the file has once each. */
export async function insertMemberships(tx: Executor, rows: (typeof membership.$inferInsert)[]) {
  const inserted: { id: string; personId: string; bodyId: string }[] = [];
  for (const slice of slices(rows))
    inserted.push(
      ...(await tx.insert(membership).values(slice).returning({
        id: membership.id,
        personId: membership.personId,
        bodyId: membership.bodyId,
      })),
    );
  return inserted;
}
