/**
 * How big a synthetic partnership is: the rows of each kind it holds. Counts are exact,
 * except meetings' agenda items, attendance, decisions and the review stages, which follow
 * from the records they belong to.
 */
export interface PartnershipShape {
  name: string;
  /** Years of history up to the as-of date. */
  years: number;
  agencies: number;
  people: number;
  /** Sign-in accounts (business unit, chairs, members): audit actors and case teams. */
  accounts: number;
  bodies: number;
  memberships: number;
  /** Meetings over the years, a few of them scheduled in the months after the as-of date. */
  meetings: number;
  /** Every action of the log: meetings' and reviews' recommendations'. */
  actions: number;
  actionUpdates: number;
  caseReviews: number;
  /** Every event of the partnership's audit trail: its records' own, then sign-ins and views. */
  auditEvents: number;
}

/** Issue 6: ten years of a partnership far busier than most. */
const large: PartnershipShape = {
  name: 'large',
  years: 10,
  agencies: 400,
  people: 4_000,
  accounts: 150,
  bodies: 60,
  memberships: 12_000,
  meetings: 4_000,
  actions: 80_000,
  actionUpdates: 300_000,
  caseReviews: 500,
  auditEvents: 1_000_000,
};

/**
 * What `src/demo/` loads, counted in a database it was loaded into: 11 agencies, 39 people,
 * 4 accounts, 15 bodies, 94 memberships, 5 meetings, 6 actions with 2 updates, 6 cases.
 * Its audit trail holds 263 events; the synthetic one holds 500, because its records have a
 * year of history (ended memberships, minutes approved, cases further along: up to 420 of
 * their own), topped up with sign-ins and case views.
 */
const demoSized: PartnershipShape = {
  name: 'demo-sized',
  years: 1,
  agencies: 11,
  people: 39,
  accounts: 4,
  bodies: 15,
  memberships: 94,
  meetings: 5,
  actions: 6,
  actionUpdates: 2,
  caseReviews: 6,
  auditEvents: 500,
};

/** A few rows per table, for tests. */
const tiny: PartnershipShape = {
  name: 'tiny',
  years: 2,
  agencies: 8,
  people: 24,
  accounts: 4,
  bodies: 6,
  memberships: 40,
  meetings: 16,
  actions: 24,
  actionUpdates: 50,
  caseReviews: 8,
  auditEvents: 900,
};

export const SHAPES = { large, demoSized, tiny } as const;

/** A shape by its name ('large', 'demo-sized', 'tiny'), for command lines. */
export function shapeNamed(name: string): PartnershipShape {
  const found = Object.values(SHAPES).find((shape) => shape.name === name);
  if (!found)
    throw new Error(
      `Unknown shape "${name}": use one of ${Object.values(SHAPES)
        .map((shape) => shape.name)
        .join(', ')}`,
    );
  return found;
}

const COUNTS = [
  'years',
  'agencies',
  'people',
  'accounts',
  'bodies',
  'memberships',
  'meetings',
  'actions',
  'actionUpdates',
  'caseReviews',
  'auditEvents',
] as const;

/**
 * Why a shape cannot be generated, or null. The structure needs a few records of each kind:
 * the four safeguarding partners and an independent agency, a person per seat type, the
 * partnership body and one it can ratify for, and a business unit of two accounts.
 */
export function shapeProblem(shape: PartnershipShape): string | null {
  if (!shape || typeof shape !== 'object') return 'the shape is missing';
  if (typeof shape.name !== 'string' || !/^[a-z0-9-]{1,20}$/.test(shape.name))
    return 'the shape needs a name of 1-20 lower-case letters, digits or "-" (it goes into slugs)';
  for (const key of COUNTS)
    if (!Number.isInteger(shape[key]) || shape[key] < 0)
      return `the shape's ${key} must be a whole number of at least 0`;
  const least: Partial<Record<(typeof COUNTS)[number], number>> = {
    years: 1,
    agencies: 6,
    people: 12,
    accounts: 2,
    bodies: 3,
    // Five seats a body at least: the four partners and one more.
    memberships: shape.bodies * 5,
    meetings: 2,
  };
  for (const [key, minimum] of Object.entries(least))
    if (shape[key as (typeof COUNTS)[number]] < minimum!)
      return `the shape's ${key} must be at least ${minimum}`;
  if (shape.accounts > shape.people) return "the shape's accounts cannot outnumber its people";
  return null;
}
