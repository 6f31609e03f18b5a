import { inTenant, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import { allAgencies, type AgencyRow } from './agencies.repository.js';
import { allBodies, findBody, type BodyRow } from './bodies.repository.js';
import { BODY_TYPES, MEMBERSHIP_STATUSES, type MembershipStatus } from './governance.vocabulary.js';
import { EXPORT_COLUMNS, yesNo } from './membership-csv.js';
import { seatedAmong, seatsOn, type Seat } from './membership-matrix.repository.js';
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
 * appear only while someone still sits for or on them on that day. The rows are paged,
 * and the seats are read for the page's agencies only.
 */
export function matrixFrame(
  seated: { agencyIds: Set<string>; bodyIds: Set<string> },
  agencies: AgencyRow[],
  bodies: BodyRow[],
  page: number | undefined,
) {
  const shows = (ids: Set<string>) => (row: { id: string; closedAt: Date | null }) =>
    row.closedAt === null || ids.has(row.id);
  const columns = bodies.filter(shows(seated.bodyIds)).sort(bodyOrder);
  const rows = agencies.filter(shows(seated.agencyIds)).sort(agencyOrder);
  const pages = paging(undefined, rows.length).pages!;
  const { current, offset } = paging(Math.min(page ?? 1, pages));
  return {
    columns,
    rows: rows.slice(offset, offset + PAGE_SIZE),
    page: current,
    pages,
    total: rows.length,
  };
}

/** The page's cells, from the seats of its agencies. */
export function fillMatrix(frame: ReturnType<typeof matrixFrame>, seats: Seat[]) {
  const cells = new Map<string, MatrixSeat[]>();
  for (const seat of seats) {
    const key = `${seat.agencyId}:${seat.bodyId}`;
    cells.set(key, [...(cells.get(key) ?? []), named(seat)]);
  }
  return {
    bodies: frame.columns.map(({ id, name }) => ({ id, name })),
    agencies: frame.rows.map(({ id, name }) => ({
      id,
      name,
      cells: frame.columns.map((column) => cells.get(`${id}:${column.id}`) ?? []),
    })),
    page: frame.page,
    pages: frame.pages,
    total: frame.total,
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
      const agencies = await allAgencies(tx, { activeOnly: false });
      const bodies = await allBodies(tx, { activeOnly: false });
      const closedIds = (rows: { id: string; closedAt: Date | null }[]) =>
        rows.filter((row) => row.closedAt !== null).map((row) => row.id);
      const seated = await seatedAmong(tx, on, {
        agencyIds: closedIds(agencies),
        bodyIds: closedIds(bodies),
      });
      const frame = matrixFrame(seated, agencies, bodies, page);
      const agencyIds = frame.rows.map((row) => row.id);
      const seats = agencyIds.length > 0 ? await seatsOn(tx, on, { agencyIds }) : [];
      return fillMatrix(frame, seats);
    });

  /** One body's members on a day, laid out as section 11's membership table. */
  const bodyTable = (context: TenantContext, bodyId: string, on: string) =>
    inTenant(db, context, async (tx) => {
      const body = await findBody(tx, bodyId);
      if (!body) return null;
      const seats = await seatsOn(tx, on, { bodyId });
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
