/** People of the browser tests' partnership; every one uses FIXTURE_PASSWORD. */
export const PARTNERSHIP_NAME = 'Northshire Safeguarding Children Partnership';

/**
 * A TOTP code is accepted once, so each test that signs an MFA user in has its own user:
 * two tests signing in the same person within 30 seconds would be refused as a replay.
 */
export const people = {
  adminSigningIn: {
    email: 'admin.signing.in@northshire.example',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  adminInviting: {
    email: 'admin.inviting@northshire.example',
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
  adminWithForms: {
    email: 'admin.forms@northshire.example',
    totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  },
  adminEnrolling: { email: 'admin.enrolling@northshire.example' },
  member: { email: 'member@northshire.example' },
  memberWithoutJavaScript: { email: 'member.no.js@northshire.example' },
} as const;

/** Administrators of the governance registry's journeys, one each, all with MFA. */
export const registryAdmins = {
  building: {
    email: 'admin.registry.building@northshire.example',
    totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  },
  reporting: {
    email: 'admin.registry.reporting@northshire.example',
    totpSecret: 'GIZDGNBVGY3TQOJQGIZDGNBVGY3TQOJQ',
  },
  quorumWithoutJavaScript: {
    email: 'admin.registry.quorum.no.js@northshire.example',
    totpSecret: 'GMZDGNBVGY3TQOJQGMZDGNBVGY3TQOJQ',
  },
  deputies: {
    email: 'admin.registry.deputies@northshire.example',
    totpSecret: 'GQZDGNBVGY3TQOJQGQZDGNBVGY3TQOJQ',
  },
  closing: {
    email: 'admin.registry.closing@northshire.example',
    totpSecret: 'GUZDGNBVGY3TQOJQGUZDGNBVGY3TQOJQ',
  },
  onPhone: {
    email: 'admin.registry.phone@northshire.example',
    totpSecret: 'GYZDGNBVGY3TQOJQGYZDGNBVGY3TQOJQ',
  },
  importing: {
    email: 'admin.registry.importing@northshire.example',
    totpSecret: 'G4ZDGNBVGY3TQOJQG4ZDGNBVGY3TQOJQ',
  },
  termsOfReference: {
    email: 'admin.registry.terms@northshire.example',
    totpSecret: 'HAZDGNBVGY3TQOJQHAZDGNBVGY3TQOJQ',
  },
  arrangements: {
    email: 'admin.registry.arrangements@northshire.example',
    totpSecret: 'HEZDGNBVGY3TQOJQHEZDGNBVGY3TQOJQ',
  },
} as const;

/** Members (no administrator role, so no MFA) of the registry's journeys, one each. */
export const registryMembers = {
  reading: { email: 'member.registry.reading@northshire.example', displayName: 'Nia Campbell' },
  structure: {
    email: 'member.registry.structure@northshire.example',
    displayName: 'Owen Price',
  },
  amending: { email: 'member.registry.amending@northshire.example', displayName: 'Lena Fischer' },
  tokens: { email: 'member.registry.tokens@northshire.example', displayName: 'Ravi Menon' },
} as const;

/**
 * The registry the test server starts with (e2e/support/registry-seed.ts). Each journey
 * changes only its own records, so tests running side by side do not meet.
 */
export const registry = {
  agencies: {
    council: 'Northshire Council',
    police: 'Northshire Constabulary',
    health: 'Northshire Integrated Care Board',
    trust: "Northshire Children's Trust",
    /** Closed in journey 4, after its one person leaves. */
    academyTrust: 'Eastfield Academy Trust',
    /** Closed from the start, for the "Closed only" filter. */
    closed: 'Westmoor Youth Club',
  },
  /** Enough schools for two pages of agencies (25 a page). */
  schools: [
    'Ashby',
    'Brackenfield',
    'Castleton',
    'Dunmore',
    'Elmsworth',
    'Fernhill',
    'Greystoke',
    'Hollowmere',
    'Ivybridge',
    'Juniper Vale',
    'Kestrel Hill',
    'Larkspur',
    'Millbrook',
    'Netherby',
    'Oakhurst',
    'Pennington',
    'Quarry Bank',
    'Redwood',
    'Sandleigh',
    'Thornbury',
    'Upton Green',
    'Valley Road',
    'Willowdene',
    'Yarrow',
    'Zetland',
    'Abbeyfield',
  ].map((place) => `${place} Primary School`),
  bodies: {
    board: 'Partnership Board',
    forum: "Chairs' Forum",
    learning: 'Learning and Development Sub-group',
    quality: 'Quality Assurance Sub-group',
    practice: 'Practice Review Sub-group',
    education: 'Education Reference Group',
    exploitation: 'Child Exploitation Priority Group',
    missing: 'Missing Children Task and Finish Group',
  },
  people: {
    /** Police's member of the Practice Review Sub-group, and her colleagues. */
    member: { fullName: 'Imogen Hart', jobTitle: 'Detective Superintendent' },
    deputy: { fullName: 'Sofia Marsh', jobTitle: 'Detective Chief Inspector' },
    movingColleague: { fullName: 'Dev Patel', jobTitle: 'Detective Inspector' },
    /** The academy trust's only person, on the Education Reference Group. */
    leaving: { fullName: 'Tom Reyes', jobTitle: 'Director of Safeguarding' },
  },
} as const;

export { FIXTURE_PASSWORD } from '../../src/testing/fixtures.js';

/** Administrators of the meetings journeys (e2e/meetings*.spec.ts), one each, all with MFA. */
export const meetingsAdmins = {
  scheduling: {
    email: 'admin.meetings.scheduling@northshire.example',
    totpSecret: 'HIZDGNBVGY3TQOJQHIZDGNBVGY3TQOJQ',
  },
  ratifying: {
    email: 'admin.meetings.ratifying@northshire.example',
    totpSecret: 'HMZDGNBVGY3TQOJQHMZDGNBVGY3TQOJQ',
  },
  attendanceWithoutJavaScript: {
    email: 'admin.meetings.no.js@northshire.example',
    totpSecret: 'HQZDGNBVGY3TQOJQHQZDGNBVGY3TQOJQ',
  },
  onPhone: {
    email: 'admin.meetings.phone@northshire.example',
    totpSecret: 'HUZDGNBVGY3TQOJQHUZDGNBVGY3TQOJQ',
  },
  actions: {
    email: 'admin.meetings.actions@northshire.example',
    totpSecret: 'HYZDGNBVGY3TQOJQHYZDGNBVGY3TQOJQ',
  },
  pages: {
    email: 'admin.meetings.pages@northshire.example',
    totpSecret: 'H4ZDGNBVGY3TQOJQH4ZDGNBVGY3TQOJQ',
  },
} as const;

/** Administrators of the case-review journeys (e2e/reviews.spec.ts), one each, all with MFA. */
export const reviewsAdmins = {
  caseTeam: {
    email: 'admin.reviews.team@northshire.example',
    totpSecret: 'IAZDGNBVGY3TQOJQIAZDGNBVGY3TQOJQ',
  },
  outsider: {
    email: 'admin.reviews.outsider@northshire.example',
    totpSecret: 'IEZDGNBVGY3TQOJQIEZDGNBVGY3TQOJQ',
  },
  /** Records the case the outsider journey looks for, side by side with the team's journey. */
  notifying: {
    email: 'admin.reviews.notifying@northshire.example',
    totpSecret: 'IIZDGNBVGY3TQOJQIIZDGNBVGY3TQOJQ',
  },
} as const;

/**
 * The bodies and people of the meetings journeys (e2e/support/meetings-seed.ts), named for
 * those journeys only so the registry's journeys never meet them. The police seats reuse the
 * registry's Marcus Bell, with Sofia Marsh as his deputy: another police person would change
 * the registry journey's list of possible deputies.
 */
export const meetingsRegistry = {
  bodies: {
    /** The Partnership: standing items from section 15; its meetings decide and ratify. */
    partnership: 'Meadowbank Safeguarding Partnership',
    /** Reports to the Partnership; its recommendations go there for ratification. */
    subGroup: 'Meadowbank Neglect Sub-group',
    /** For attendance without JavaScript, on a phone and the pages visited. */
    executive: 'Meadowbank Executive Group',
    /** Holds the past meeting whose action is overdue when the server starts. */
    performance: 'Meadowbank Performance Group',
  },
  members: {
    council: { fullName: 'Ruth Adeyemi', jobTitle: 'Assistant Director, Safeguarding' },
    police: { fullName: 'Marcus Bell', jobTitle: 'Chief Superintendent' },
    health: { fullName: 'Daniel Frost', jobTitle: 'Designated Doctor' },
    trust: { fullName: 'Chloe Whitfield', jobTitle: "Director of Children's Social Care" },
  },
  policeDeputy: { fullName: 'Sofia Marsh', jobTitle: 'Detective Chief Inspector' },
  /** Seeded on the performance group's past meeting, already overdue. */
  overdueAction: 'Audit the recording of strategy discussions in a sample of cases',
} as const;
