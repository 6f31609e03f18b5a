import { inTenant, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import { allAgencies, type AgencyRow } from './agencies.repository.js';
import { allBodies, findBody, type BodyRow } from './bodies.repository.js';
import { BODY_TYPES, MEMBERSHIP_STATUSES, type MembershipStatus } from './governance.vocabulary.js';
import { EXPORT_COLUMNS, yesNo } from './membership-csv.js';
import { seatsOn, type Seat } from './membership-matrix.repository.js';
import { PAGE_SIZE, paging, registryTools, type RegistryDependencies } from './registry-context.js';

export type MatrixSeat = Seat & { statusName: string };

const named = (seat: Seat): MatrixSeat => ({
  ...seat,
  statusName: MEMBERSHIP_STATUSES.names[seat.status as MembershipStatus] ?? seat.status,
});

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });

/** The partnership first, then forums, sub-groups and the rest, as the structure reads. */
const bodyOrder = (a: BodyRow, b: BodyRow) =>
  BODY_TYPES.values.indexOf(a.bodyType as never) - BODY_TYPES.values.indexOf(b.bodyType as never) ||
  byName(a, b);

/** The safeguarding partners first, as section 11's table lists them. */
const agencyOrder = (a: AgencyRow, b: AgencyRow) =>
  Number(b.isSafeguardingPartner) - Number(a.isSafeguardingPartner) || byName(a, b);

/** Section 11's order: safeguarding partners, relevant partners, observers and so on. */
const statusOrder = (a: Seat, b: Seat) =>
  MEMBERSHIP_STATUSES.values.indexOf(a.status as MembershipStatus) -
    MEMBERSHIP_STATUSES.values.indexOf(b.status as MembershipStatus) ||
  a.agencyName.localeCompare(b.agencyName, 'en-GB') ||
  a.fullName.localeCompare(b.fullName, 'en-GB');

/**
 * Agencies down the side, bodies across the top, each cell the people representing that
 * agency on that body. Open agencies and bodies always appear, so gaps show; closed ones
 * appear only while someone still sits for or on them on that day. Cells are filled for
 * the page of agencies shown only.
 */
export function layOutMatrix(
  seats: Seat[],
  agencies: AgencyRow[],
  bodies: BodyRow[],
  page: number | undefined,
) {
  const seated = (ids: Set<string>) => (row: { id: string; closedAt: Date | null }) =>
    row.closedAt === null || ids.has(row.id);
  const columns = bodies.filter(seated(new Set(seats.map((s) => s.bodyId)))).sort(bodyOrder);
  const rows = agencies.filter(seated(new Set(seats.map((s) => s.agencyId)))).sort(agencyOrder);
  const pages = paging(undefined, rows.length).pages!;
  const { current, offset } = paging(Math.min(page ?? 1, pages));
  const shown = rows.slice(offset, offset + PAGE_SIZE);
  const shownIds = new Set(shown.map((row) => row.id));
  const cells = new Map<string, MatrixSeat[]>();
  for (const seat of seats.filter((seat) => shownIds.has(seat.agencyId))) {
    const key = `${seat.agencyId}:${seat.bodyId}`;
    cells.set(key, [...(cells.get(key) ?? []), named(seat)]);
  }
  return {
    bodies: columns.map(({ id, name }) => ({ id, name })),
    agencies: shown.map(({ id, name }) => ({
      id,
      name,
      cells: columns.map((column) => cells.get(`${id}:${column.id}`) ?? []),
    })),
    page: current,
    pages,
    total: rows.length,
  };
}

export function exportRows(seats: Seat[]) {
  return [
    [...EXPORT_COLUMNS],
    ...seats.map((seat) => [
      seat.employerName,
      seat.bodyName,
      seat.fullName,
      seat.jobTitle,
      seat.email,
      named(seat).statusName,
      seat.agencyName,
      yesNo(seat.decisionMaking),
      seat.startsOn,
      seat.endsOn,
    ]),
  ];
}

export function buildMembershipMatrixService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  /**
   * The matrix, 25 agencies to a page: a large partnership's whole grid (hundreds of agencies
   * by dozens of bodies) is megabytes of page that no one can read at once.
   */
  const matrix = (context: TenantContext, on: string, page?: number) =>
    inTenant(db, context, async (tx) => {
      const seats = await seatsOn(tx, on);
      const agencies = await allAgencies(tx, { activeOnly: false });
      const bodies = await allBodies(tx, { activeOnly: false });
      return layOutMatrix(seats, agencies, bodies, page);
    });

  /** One body's members on a day, laid out as section 11's membership table. */
  const bodyTable = (context: TenantContext, bodyId: string, on: string) =>
    inTenant(db, context, async (tx) => {
      const body = await findBody(tx, bodyId);
      if (!body) return null;
      const seats = await seatsOn(tx, on, bodyId);
      return { body, seats: seats.sort(statusOrder).map(named) };
    });

  /** The bodies to choose from for the per-body view, open ones first. */
  const bodyChoices = (context: TenantContext) =>
    inTenant(db, context, async (tx) =>
      (await allBodies(tx, { activeOnly: false })).sort(
        (a, b) => Number(a.closedAt !== null) - Number(b.closedAt !== null) || byName(a, b),
      ),
    );

  const exportCsv = (context: TenantContext, on: string) =>
    inTenant(db, context, async (tx) => toCsv(exportRows(await seatsOn(tx, on))));

  return { today: tools.today, matrix, bodyTable, bodyChoices, exportCsv };
}

export type MembershipMatrixService = ReturnType<typeof buildMembershipMatrixService>;
