/**
 * Who gets what from every route: the table the route-access test walks against the running
 * app, so that a new route without a row, or an answer that changes, fails the test. It is
 * the expected behaviour written down on its own, not read from the policies; keep it in step
 * with them on purpose. A HEAD route answers as its GET does (the test checks that they share
 * the GET route's policy).
 *
 * The people it is walked as, one per role, all in one partnership:
 * - `anonymous`: nobody signed in;
 * - `observer`, `member`, `independentScrutineer`: signed in, no second factor enrolled;
 * - `businessOfficer`, `administrator`: a second factor enrolled and given;
 * - `caseTeamMember`: a member, second factor enrolled and given, on the team of the case
 *   whose pages are walked (nobody else above is on it).
 */

export const PEOPLE = [
  'anonymous',
  'observer',
  'member',
  'independentScrutineer',
  'businessOfficer',
  'administrator',
  'caseTeamMember',
] as const;
export type Person = (typeof PEOPLE)[number];

/**
 * - `allowed`: the guard lets them through. What the handler then answers is its own
 *   business: a page, a redirect, a form refused for its missing CSRF token, or 404 for an
 *   address whose id names nothing (the walk uses random ids outside the case).
 * - `not found`: let through by the guard, then 404 although the record exists: the case's
 *   pages to anyone outside its team.
 * - `sign in`: sent to sign in (401 from the API).
 * - `enrol MFA`: sent to /account/mfa to enrol a second factor first.
 * - `forbidden`: 403, "You cannot see this page" (403 JSON from the API).
 */
export type Answer = 'allowed' | 'not found' | 'sign in' | 'enrol MFA' | 'forbidden';
export type Access = Readonly<Record<Person, Answer>>;

const access = (
  anonymous: Answer,
  observer: Answer,
  member: Answer,
  independentScrutineer: Answer,
  businessOfficer: Answer,
  administrator: Answer,
  caseTeamMember: Answer,
): Access => ({
  anonymous,
  observer,
  member,
  independentScrutineer,
  businessOfficer,
  administrator,
  caseTeamMember,
});

const A = 'allowed';
const NOT_FOUND = 'not found';
const SIGN_IN = 'sign in';
const ENROL = 'enrol MFA';
const NO = 'forbidden';

// prettier-ignore
const //                  anon     obs    member scrut  officer    admin      case team
  PUBLIC =         access(A,       A,     A,     A,     A,         A,         A),
  /** The code page and signing out: a password is enough. */
  PASSWORD_GIVEN = access(SIGN_IN, A,     A,     A,     A,         A,         A),
  SIGNED_IN =      access(SIGN_IN, A,     A,     A,     A,         A,         A),
  NOT_OBSERVERS =  access(SIGN_IN, NO,    A,     A,     A,         A,         A),
  BUSINESS_UNIT =  access(SIGN_IN, NO,    NO,    NO,    A,         A,         NO),
  ADMINISTRATORS = access(SIGN_IN, NO,    NO,    NO,    NO,        A,         NO),
  /** A case's pages: a second factor first, then its team alone. */
  CASE_TEAM =      access(SIGN_IN, ENROL, ENROL, ENROL, NOT_FOUND, NOT_FOUND, A),
  /** Who is on a case's team: its team, and administrators, who may add themselves. */
  CASE_TEAM_OR_ADMINISTRATORS =
                   access(SIGN_IN, ENROL, ENROL, ENROL, NOT_FOUND, A,         A),
  /** A case through the API: 403 without a second factor (a program cannot enrol one), then 404 outside the team. */
  API_CASE =       access(SIGN_IN, NO,    NO,    NO,    NOT_FOUND, NOT_FOUND, A);

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  // Static files and the health check: anyone.
  'GET /assets/govuk/*': PUBLIC,
  'GET /assets/*': PUBLIC,
  'GET /health': PUBLIC,

  // Signing in and out, and a person's own account.
  'GET /sign-in': PUBLIC,
  'POST /sign-in': PUBLIC,
  'GET /sign-in/code': PASSWORD_GIVEN,
  'POST /sign-in/code': PASSWORD_GIVEN,
  'POST /sign-out': PASSWORD_GIVEN,
  'GET /account': SIGNED_IN,
  'POST /account/partnership': SIGNED_IN,
  'GET /account/password': SIGNED_IN,
  'POST /account/password': SIGNED_IN,
  'GET /account/mfa': SIGNED_IN,
  'POST /account/mfa': SIGNED_IN,
  'GET /account/mfa/recovery-codes': SIGNED_IN,
  'POST /account/mfa/recovery-codes': SIGNED_IN,

  // Home and the dashboard: anyone signed in.
  'GET /': SIGNED_IN,
  'GET /dashboard': SIGNED_IN,

  // Invitations: administrators send them; whoever holds the link accepts one.
  'GET /admin/invitations': ADMINISTRATORS,
  'GET /admin/invitations/new': ADMINISTRATORS,
  'POST /admin/invitations': ADMINISTRATORS,
  'GET /admin/invitations/:id/withdraw': ADMINISTRATORS,
  'POST /admin/invitations/:id/withdraw': ADMINISTRATORS,
  'GET /invitations/:token': PUBLIC,
  'POST /invitations/:token': PUBLIC,

  // Administration: administrators alone.
  'GET /admin': ADMINISTRATORS,
  'GET /admin/people': ADMINISTRATORS,
  'GET /admin/people/:id': ADMINISTRATORS,
  'POST /admin/people/:id': ADMINISTRATORS,
  'GET /admin/people/:id/remove': ADMINISTRATORS,
  'POST /admin/people/:id/remove': ADMINISTRATORS,
  'GET /admin/people/:id/person': ADMINISTRATORS,
  'POST /admin/people/:id/person': ADMINISTRATORS,
  'POST /admin/people/:id/person/confirm': ADMINISTRATORS,
  'GET /admin/audit': ADMINISTRATORS,
  'GET /admin/audit.csv': ADMINISTRATORS,
  'GET /admin/outbox': ADMINISTRATORS,
  'GET /admin/outbox/:id': ADMINISTRATORS,

  // The working calendar and timescales: administrators keep them; anyone signed in counts working days.
  'GET /working-days': SIGNED_IN,
  'GET /admin/timescales': ADMINISTRATORS,
  'GET /admin/timescales/:key': ADMINISTRATORS,
  'POST /admin/timescales/:key': ADMINISTRATORS,
  'GET /admin/calendar': ADMINISTRATORS,
  'POST /admin/calendar/days': ADMINISTRATORS,
  'GET /admin/calendar/days/:id/remove': ADMINISTRATORS,
  'POST /admin/calendar/days/:id/remove': ADMINISTRATORS,
  'POST /admin/calendar/reminders': ADMINISTRATORS,

  // The registry: everyone reads it; administrators maintain it.
  'GET /governance': SIGNED_IN,
  'GET /agencies': SIGNED_IN,
  'GET /agencies/new': ADMINISTRATORS,
  'POST /agencies': ADMINISTRATORS,
  'GET /agencies/:id': SIGNED_IN,
  'GET /agencies/:id/edit': ADMINISTRATORS,
  'POST /agencies/:id': ADMINISTRATORS,
  'GET /agencies/:id/close': ADMINISTRATORS,
  'POST /agencies/:id/close': ADMINISTRATORS,
  'GET /people': SIGNED_IN,
  'GET /people/new': ADMINISTRATORS,
  'POST /people': ADMINISTRATORS,
  'GET /people/:id': SIGNED_IN,
  'GET /people/:id/edit': ADMINISTRATORS,
  'POST /people/:id': ADMINISTRATORS,
  'GET /people/:id/close': ADMINISTRATORS,
  'POST /people/:id/close': ADMINISTRATORS,
  'GET /bodies': SIGNED_IN,
  'GET /bodies/new': ADMINISTRATORS,
  'POST /bodies': ADMINISTRATORS,
  'GET /bodies/:id': SIGNED_IN,
  'GET /bodies/:id/edit': ADMINISTRATORS,
  'POST /bodies/:id': ADMINISTRATORS,
  'GET /bodies/:id/close': ADMINISTRATORS,
  'POST /bodies/:id/close': ADMINISTRATORS,
  'GET /bodies/:id/past-members': SIGNED_IN,
  'GET /bodies/:id/quorum': ADMINISTRATORS,
  'POST /bodies/:id/quorum': ADMINISTRATORS,
  'GET /memberships/new': ADMINISTRATORS,
  'POST /memberships': ADMINISTRATORS,
  'GET /memberships/:id': SIGNED_IN,
  'GET /memberships/:id/edit': ADMINISTRATORS,
  'POST /memberships/:id': ADMINISTRATORS,
  'GET /memberships/:id/end': ADMINISTRATORS,
  'POST /memberships/:id/end': ADMINISTRATORS,
  'GET /memberships/:id/deputies/new': ADMINISTRATORS,
  'POST /memberships/:id/deputies': ADMINISTRATORS,
  'GET /memberships/:id/deputies/:deputyId/end': ADMINISTRATORS,
  'POST /memberships/:id/deputies/:deputyId/end': ADMINISTRATORS,
  'GET /bodies/:id/terms-of-reference': ADMINISTRATORS,
  'POST /bodies/:id/terms-of-reference': ADMINISTRATORS,
  'GET /bodies/:id/terms-of-reference/file': SIGNED_IN,
  'GET /governance/structure': SIGNED_IN,
  'GET /governance/structure.svg': SIGNED_IN,
  'GET /governance/matrix': SIGNED_IN,
  'GET /governance/matrix.csv': SIGNED_IN,
  'GET /governance/import': ADMINISTRATORS,
  'GET /governance/import/template.csv': ADMINISTRATORS,
  'POST /governance/import': ADMINISTRATORS,

  // The safeguarding arrangements: everyone reads them; members, not observers, ask for an amendment; administrators keep them.
  'GET /arrangements': SIGNED_IN,
  'GET /arrangements/versions/new': ADMINISTRATORS,
  'POST /arrangements/versions/new': ADMINISTRATORS,
  'GET /arrangements/versions/:id/file': SIGNED_IN,
  'GET /arrangements/review-date': ADMINISTRATORS,
  'POST /arrangements/review-date': ADMINISTRATORS,
  'GET /arrangements/amendments/new': NOT_OBSERVERS,
  'POST /arrangements/amendments/new': NOT_OBSERVERS,
  'GET /arrangements/amendments': ADMINISTRATORS,
  'GET /arrangements/amendments/:id': ADMINISTRATORS,
  'POST /arrangements/amendments/:id': ADMINISTRATORS,

  // Meetings: everyone sees them; the business unit (administrators and business officers) runs them. Proposing and answering agenda items is checked body by body in the service.
  'GET /meetings/schedule-year': BUSINESS_UNIT,
  'POST /meetings/schedule-year': BUSINESS_UNIT,
  'POST /meetings/schedule-year/confirm': BUSINESS_UNIT,
  'GET /meetings/:id/edit': BUSINESS_UNIT,
  'POST /meetings/:id/edit': BUSINESS_UNIT,
  'GET /meetings/:id/cancel': BUSINESS_UNIT,
  'POST /meetings/:id/cancel': BUSINESS_UNIT,
  'POST /meetings/calendar-feeds/bodies/:bodyId': BUSINESS_UNIT,
  'GET /meetings/calendar-feeds/bodies/:bodyId/regenerate': BUSINESS_UNIT,
  'POST /meetings/calendar-feeds/bodies/:bodyId/regenerate': BUSINESS_UNIT,
  'POST /meetings/calendar-feeds/mine': SIGNED_IN,
  'GET /meetings/calendar-feeds/mine/regenerate': SIGNED_IN,
  'POST /meetings/calendar-feeds/mine/regenerate': SIGNED_IN,
  'GET /meetings/:id/calendar.ics': SIGNED_IN,
  'GET /calendar/:token.ics': PUBLIC,
  'GET /meetings': SIGNED_IN,
  'GET /meetings.csv': SIGNED_IN,
  'GET /meetings/new': BUSINESS_UNIT,
  'POST /meetings/new': BUSINESS_UNIT,
  'GET /meetings/:id': SIGNED_IN,
  'GET /meetings/:id/minutes': BUSINESS_UNIT,
  'POST /meetings/:id/minutes': BUSINESS_UNIT,
  'GET /meetings/:id/minutes/circulate': BUSINESS_UNIT,
  'POST /meetings/:id/minutes/circulate': BUSINESS_UNIT,
  'GET /meetings/:id/items/:itemId/approve-minutes': BUSINESS_UNIT,
  'POST /meetings/:id/items/:itemId/approve-minutes': BUSINESS_UNIT,
  'GET /meetings/:id/minutes.docx': SIGNED_IN,
  'GET /meetings/:id/attendance': BUSINESS_UNIT,
  'POST /meetings/:id/attendance': BUSINESS_UNIT,
  'GET /meetings/:id/attendance/guests': BUSINESS_UNIT,
  'POST /meetings/:id/attendance/guests': BUSINESS_UNIT,
  'GET /meetings/:id/attendance/guests/:guestId': BUSINESS_UNIT,
  'POST /meetings/:id/attendance/guests/:guestId': BUSINESS_UNIT,
  'GET /meetings/:id/attendance/guests/:guestId/remove': BUSINESS_UNIT,
  'POST /meetings/:id/attendance/guests/:guestId/remove': BUSINESS_UNIT,
  'GET /meetings/:id/items/:itemId/decisions/new': BUSINESS_UNIT,
  'POST /meetings/:id/items/:itemId/decisions': BUSINESS_UNIT,
  'GET /meetings/attendance-statistics': SIGNED_IN,
  'GET /meetings/attendance-statistics.csv': SIGNED_IN,
  'GET /meetings/decisions': SIGNED_IN,
  'GET /meetings/decisions.csv': SIGNED_IN,
  'GET /meetings/:id/agenda/new': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/new': BUSINESS_UNIT,
  'GET /meetings/:id/agenda/:itemId/change': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/:itemId/change': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/:itemId/move': BUSINESS_UNIT,
  'GET /meetings/:id/agenda/:itemId/withdraw': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/:itemId/withdraw': BUSINESS_UNIT,
  'GET /meetings/:id/agenda/publish': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/publish': BUSINESS_UNIT,
  'GET /meetings/:id/agenda/:itemId/papers/new': BUSINESS_UNIT,
  'POST /meetings/:id/agenda/:itemId/papers/new': BUSINESS_UNIT,
  'GET /meetings/:id/papers/:paperId': SIGNED_IN,
  'GET /meetings/:id/papers/:paperId/withdraw': BUSINESS_UNIT,
  'POST /meetings/:id/papers/:paperId/withdraw': BUSINESS_UNIT,
  'GET /meetings/:id/agenda/propose': SIGNED_IN,
  'POST /meetings/:id/agenda/propose': SIGNED_IN,
  'GET /meetings/:id/agenda/:itemId/answer': SIGNED_IN,
  'POST /meetings/:id/agenda/:itemId/answer': SIGNED_IN,

  // A body's standing items belong to its meetings: the business unit keeps them.
  'GET /bodies/:id/standing-items': SIGNED_IN,
  'GET /bodies/:id/standing-items/new': BUSINESS_UNIT,
  'POST /bodies/:id/standing-items/new': BUSINESS_UNIT,
  'GET /bodies/:id/standing-items/:itemId/change': BUSINESS_UNIT,
  'POST /bodies/:id/standing-items/:itemId/change': BUSINESS_UNIT,
  'POST /bodies/:id/standing-items/:itemId/move': BUSINESS_UNIT,
  'GET /bodies/:id/standing-items/:itemId/remove': BUSINESS_UNIT,
  'POST /bodies/:id/standing-items/:itemId/remove': BUSINESS_UNIT,

  // The action log: everyone reads it; the business unit records actions and changes their owner or due date; an owner updates their own (checked in the service).
  'GET /meetings/:id/actions': SIGNED_IN,
  'GET /meetings/:id/items/:itemId/actions/new': BUSINESS_UNIT,
  'POST /meetings/:id/items/:itemId/actions/new': BUSINESS_UNIT,
  'GET /actions': SIGNED_IN,
  'GET /actions.csv': SIGNED_IN,
  'GET /actions/mine': SIGNED_IN,
  'GET /actions/new': BUSINESS_UNIT,
  'POST /actions/new': BUSINESS_UNIT,
  'GET /actions/:id': SIGNED_IN,
  'GET /actions/:id/update': SIGNED_IN,
  'POST /actions/:id/update': SIGNED_IN,
  'GET /actions/:id/change': BUSINESS_UNIT,
  'POST /actions/:id/change': BUSINESS_UNIT,

  // Case reviews: everyone sees the list and the figures; the business unit records a notification; a case is for its team alone. To anyone else with a second factor it answers 404, administrators included, except its team pages, which administrators manage.
  'GET /reviews/new': BUSINESS_UNIT,
  'POST /reviews/new': BUSINESS_UNIT,
  'GET /reviews/:id': CASE_TEAM,
  'GET /reviews/:id/notification': CASE_TEAM,
  'POST /reviews/:id/notification': CASE_TEAM,
  'GET /reviews': SIGNED_IN,
  'GET /reviews.csv': SIGNED_IN,
  'GET /reviews/figures': SIGNED_IN,
  'GET /reviews/figures.csv': SIGNED_IN,
  'GET /reviews/:id/children/new': CASE_TEAM,
  'POST /reviews/:id/children/new': CASE_TEAM,
  'GET /reviews/:id/children/:childId': CASE_TEAM,
  'POST /reviews/:id/children/:childId': CASE_TEAM,
  'GET /reviews/:id/close': CASE_TEAM,
  'POST /reviews/:id/close': CASE_TEAM,
  'GET /reviews/:id/team': CASE_TEAM_OR_ADMINISTRATORS,
  'POST /reviews/:id/team': CASE_TEAM_OR_ADMINISTRATORS,
  'GET /reviews/:id/team/:memberId/remove': CASE_TEAM_OR_ADMINISTRATORS,
  'POST /reviews/:id/team/:memberId/remove': CASE_TEAM_OR_ADMINISTRATORS,
  'GET /reviews/:id/recommendations/new': CASE_TEAM,
  'POST /reviews/:id/recommendations/new': CASE_TEAM,
  'GET /reviews/:id/recommendations/:recommendationId': CASE_TEAM,
  'POST /reviews/:id/recommendations/:recommendationId': CASE_TEAM,
  'GET /reviews/:id/recommendations/:recommendationId/actions/new': CASE_TEAM,
  'POST /reviews/:id/recommendations/:recommendationId/actions/new': CASE_TEAM,
  'GET /reviews/:id/learning/points/new': CASE_TEAM,
  'POST /reviews/:id/learning/points/new': CASE_TEAM,
  'GET /reviews/:id/learning/points/:pointId': CASE_TEAM,
  'POST /reviews/:id/learning/points/:pointId': CASE_TEAM,
  'GET /reviews/:id/learning/disseminations/new': CASE_TEAM,
  'POST /reviews/:id/learning/disseminations/new': CASE_TEAM,
  'GET /reviews/:id/learning/briefing.docx': CASE_TEAM,
  'GET /reviews/:id/practice-review': CASE_TEAM,
  'POST /reviews/:id/practice-review': CASE_TEAM,
  'GET /reviews/:id/practice-review/milestones/new': CASE_TEAM,
  'POST /reviews/:id/practice-review/milestones/new': CASE_TEAM,
  'GET /reviews/:id/practice-review/milestones/:milestoneId': CASE_TEAM,
  'POST /reviews/:id/practice-review/milestones/:milestoneId': CASE_TEAM,
  'GET /reviews/:id/practice-review/draft-requests/new': CASE_TEAM,
  'POST /reviews/:id/practice-review/draft-requests/new': CASE_TEAM,
  'GET /reviews/:id/practice-review/delays/new': CASE_TEAM,
  'POST /reviews/:id/practice-review/delays/new': CASE_TEAM,
  'GET /reviews/:id/practice-review/final-report': CASE_TEAM,
  'POST /reviews/:id/practice-review/final-report': CASE_TEAM,
  'GET /reviews/:id/practice-review/publication': CASE_TEAM,
  'POST /reviews/:id/practice-review/publication': CASE_TEAM,
  'GET /reviews/:id/rapid-review/start': CASE_TEAM,
  'POST /reviews/:id/rapid-review/start': CASE_TEAM,
  'GET /reviews/:id/rapid-review/meeting': CASE_TEAM,
  'POST /reviews/:id/rapid-review/meeting': CASE_TEAM,
  'GET /reviews/:id/rapid-review/outcome': CASE_TEAM,
  'POST /reviews/:id/rapid-review/outcome': CASE_TEAM,
  'GET /reviews/:id/rapid-review/panel': CASE_TEAM,
  'POST /reviews/:id/rapid-review/panel': CASE_TEAM,
  'GET /reviews/:id/rapid-review/report.docx': CASE_TEAM,
  'GET /reviews/:id/rapid-review/requests/new': CASE_TEAM,
  'POST /reviews/:id/rapid-review/requests/new': CASE_TEAM,
  'GET /reviews/:id/rapid-review/requests/:requestId': CASE_TEAM,
  'POST /reviews/:id/rapid-review/requests/:requestId': CASE_TEAM,
  'GET /reviews/:id/rapid-review/requests/:requestId/documents/new': CASE_TEAM,
  'POST /reviews/:id/rapid-review/requests/:requestId/documents/new': CASE_TEAM,
  'GET /reviews/:id/rapid-review/documents/:returnId': CASE_TEAM,

  // The API and its documentation, here reached with a session; a token meets the same policies. Programs cannot enrol a second factor, so a case through the API answers 403 where the pages send people to enrol.
  'GET /account/api-tokens/new': SIGNED_IN,
  'POST /account/api-tokens': SIGNED_IN,
  'GET /account/api-tokens/:id/revoke': SIGNED_IN,
  'POST /account/api-tokens/:id/revoke': SIGNED_IN,
  'GET /api/v1/agencies': SIGNED_IN,
  'GET /api/v1/agencies/:id': SIGNED_IN,
  'GET /api/v1/people': SIGNED_IN,
  'GET /api/v1/people/:id': SIGNED_IN,
  'GET /api/v1/bodies': SIGNED_IN,
  'GET /api/v1/bodies/:id': SIGNED_IN,
  'GET /api/v1/meetings': SIGNED_IN,
  'GET /api/v1/meetings/:id': SIGNED_IN,
  'GET /api/v1/actions': SIGNED_IN,
  'GET /api/v1/actions/:id': SIGNED_IN,
  'POST /api/v1/actions': BUSINESS_UNIT,
  'POST /api/v1/actions/:id/updates': SIGNED_IN,
  'GET /api/v1/working-days': SIGNED_IN,
  'GET /api/v1/cases': SIGNED_IN,
  'GET /api/docs/openapi.json': SIGNED_IN,
  'GET /api/docs': SIGNED_IN,
  'GET /api/v1/cases/:id': API_CASE,
};
