/** Rows of the registry: accounts and roles, settings, agencies, people, bodies, seats. */
import { TIMESCALES } from './reviews.js';
import { table, when, on } from './table.js';
import { iso, isoOf, type Day } from './timeline.js';

const accounts = table(
  'app_user',
  'id, email, display_name, password_hash, password_changed_at, version, created_at',
  function* (plan, context) {
    for (const account of plan.accounts) {
      const person = plan.people[account.person]!;
      const created = iso(account.createdMs);
      yield [account.id, person.email, person.fullName, context.passwordHash, created, 1, created];
    }
  },
);

const roles = table(
  'partnership_role',
  'partnership_id, user_id, role, created_at',
  function* (plan) {
    for (const account of plan.accounts)
      for (const role of account.roles) yield [plan.id, account.id, role, iso(account.createdMs)];
  },
);

const settings = table(
  'partnership_setting',
  'partnership_id, action_reminder_working_days, notification_working_days, rapid_review_working_days, panel_response_working_days, practice_review_months, final_report_working_days, version',
  function* (plan) {
    yield [
      plan.id,
      5,
      TIMESCALES.notificationWorkingDays,
      TIMESCALES.rapidReviewWorkingDays,
      TIMESCALES.panelResponseWorkingDays,
      TIMESCALES.practiceReviewMonths,
      TIMESCALES.finalReportWorkingDays,
      1,
    ];
  },
);

const agencies = table(
  'agency',
  'id, partnership_id, name, agency_type, is_safeguarding_partner, is_relevant_agency, closed_at, version, created_at',
  function* (plan) {
    for (const agency of plan.agencies)
      yield [
        agency.id,
        plan.id,
        agency.name,
        agency.agencyType,
        agency.isSafeguardingPartner,
        agency.isRelevantAgency,
        when(agency.closedMs),
        agency.closedMs === null ? 1 : 2,
        iso(agency.createdMs),
      ];
  },
);

const people = table(
  'person',
  'id, partnership_id, full_name, job_title, agency_id, email, phone, user_id, closed_at, version, created_at',
  function* (plan) {
    for (const person of plan.people)
      yield [
        person.id,
        plan.id,
        person.fullName,
        person.jobTitle,
        plan.agencies[person.agency]!.id,
        person.email,
        person.phone,
        person.account === null ? null : plan.accounts[person.account]!.id,
        when(person.closedMs),
        person.closedMs === null ? 1 : 2,
        iso(person.createdMs),
      ];
  },
);

const bodies = table(
  'body',
  'id, partnership_id, name, body_type, reports_to_id, purpose, cadence, cadence_note, chair_person_id, chair_appointed_on, chair_review_due_on, vice_chair_person_id, vice_chair_appointed_on, vice_chair_review_due_on, business_officer_person_id, terms_of_reference_review_due_on, quorum_uses_partners, quorum_minimum_head_count, closed_at, version, created_at',
  function* (plan) {
    const yearAfter = (day: Day) => isoOf(day + 365);
    for (const body of plan.bodies) {
      const officer = (role: typeof body.chair) => [
        role === null ? null : plan.people[role.person]!.id,
        role === null ? null : isoOf(role.appointedOn),
        role === null || !role.reviewed ? null : yearAfter(role.appointedOn),
      ];
      yield [
        body.id,
        plan.id,
        body.name,
        body.bodyType,
        body.reportsTo === null ? null : plan.bodies[body.reportsTo]!.id,
        body.purpose,
        body.cadence,
        body.cadenceNote,
        ...officer(body.chair),
        ...officer(body.viceChair),
        body.businessOfficer === null ? null : plan.people[body.businessOfficer]!.id,
        on(body.termsOfReferenceReviewDueOn),
        body.quorumUsesPartners,
        body.minimumHeadCount,
        when(body.closedMs),
        1 + (body.quorumUsesPartners ? 0 : 1) + (body.closedMs === null ? 0 : 1),
        iso(body.createdMs),
      ];
    }
  },
);

const standingItems = table(
  'standing_item',
  'id, partnership_id, body_id, position, title, purpose, presenter, duration_minutes, version, created_at',
  function* (plan) {
    for (const body of plan.bodies)
      for (const [index, item] of body.standingItems.entries())
        yield [
          item.id,
          plan.id,
          body.id,
          index + 1,
          item.title,
          'discussion',
          item.presenter,
          item.durationMinutes,
          1,
          iso(body.createdMs + 60_000 + index * 1000),
        ];
  },
);

const memberships = table(
  'membership',
  'id, partnership_id, body_id, person_id, status, represents_agency_id, decision_making, starts_on, ends_on, induction_booklet, induction_templates, induction_standards, induction_reporting, induction_completed_on, version, created_at',
  function* (plan) {
    const lastDay = plan.timeline.asOf - 1;
    for (const seat of plan.memberships) {
      const done = seat.induction === 'complete' && seat.startsOn + 30 <= lastDay;
      const started = seat.induction !== 'not_started';
      yield [
        seat.id,
        plan.id,
        plan.bodies[seat.body]!.id,
        plan.people[seat.person]!.id,
        seat.status,
        plan.agencies[seat.agency]!.id,
        seat.decisionMaking,
        isoOf(seat.startsOn),
        on(seat.endsOn),
        started,
        started,
        done,
        done,
        done ? isoOf(seat.startsOn + 30) : null,
        seat.endsOn === null ? 1 : 2,
        iso(seat.createdMs),
      ];
    }
  },
);

const deputies = table(
  'deputy',
  'id, partnership_id, membership_id, person_id, starts_on, ends_on, version, created_at',
  function* (plan) {
    for (const deputy of plan.deputies)
      yield [
        deputy.id,
        plan.id,
        plan.memberships[deputy.membership]!.id,
        plan.people[deputy.person]!.id,
        isoOf(deputy.startsOn),
        on(deputy.endsOn),
        1,
        iso(deputy.createdMs),
      ];
  },
);

export const REGISTRY_TABLES = [
  accounts,
  roles,
  settings,
  agencies,
  people,
  bodies,
  standingItems,
  memberships,
  deputies,
];
