import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { violatesUnique } from '../../platform/records.js';
import { allAgencies } from './agencies.repository.js';
import { pick, plural } from './agencies.service.js';
import {
  activeChildBodies,
  allBodies,
  bodiesWithReviewsBy,
  findBody,
  insertBody,
  lineOfReporting,
  listBodies,
  lockReportingLines,
  quorumAgenciesOf,
  replaceQuorumAgencies,
  safeguardingPartners,
  updateBody,
  type BodyRow,
} from './bodies.repository.js';
import type { BodyInput, ListFilter, QuorumRuleInput } from './governance.forms.js';
import {
  deputiesOf,
  endMembershipsOfBody,
  continuingMembershipsOfBody,
  countPastMembershipsOfBody,
  membershipsOfBody,
  membershipsOfBodyOn,
  pastMembershipsOfBody,
} from './memberships.repository.js';
import { withState } from './membership-dates.js';
import { findPerson } from './people.repository.js';
import type { QuorumRule } from './quorum.js';
import { horizon, reviewsDue } from './reviews-due.js';
import { PAGE_SIZE, paging, registryTools, type RegistryDependencies } from './registry-context.js';

const DUPLICATE_NAME = { name: 'A body with this name already exists' };
const PERSON_FIELDS = ['chairPersonId', 'viceChairPersonId', 'businessOfficerPersonId'] as const;

/** The rule a body's meetings are judged by, from its stored settings. */
async function quorumRuleOf(tx: Executor, row: BodyRow): Promise<QuorumRule> {
  const requiredAgencies = row.quorumUsesPartners
    ? await safeguardingPartners(tx)
    : (await quorumAgenciesOf(tx, [row.id])).map(({ id, name }) => ({ id, name }));
  return { requiredAgencies, minimumHeadCount: row.quorumMinimumHeadCount };
}

/** Which of a body's seats to read: its whole history can run to hundreds. */
type Seats = { all: true } | { notEndedBy: string } | { heldOn: string };

function seatsOf(tx: Executor, bodyId: string, seats: Seats) {
  if ('heldOn' in seats) return membershipsOfBodyOn(tx, bodyId, seats.heldOn);
  if ('notEndedBy' in seats) return continuingMembershipsOfBody(tx, bodyId, seats.notEndedBy);
  return membershipsOfBody(tx, bodyId);
}

/** A body's memberships (with their state today), their deputies and its quorum rule. */
async function seatsAndRule(tx: Executor, row: BodyRow, today: string, seats: Seats) {
  const memberships = await seatsOf(tx, row.id, seats);
  return {
    memberships: withState(memberships, today),
    deputies: await deputiesOf(
      tx,
      memberships.map((seat) => seat.membership.id),
    ),
    quorumRule: await quorumRuleOf(tx, row),
  };
}

export function buildBodiesService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  async function list(context: TenantContext, filter: ListFilter) {
    const { offset, current } = paging(filter.page);
    const result = await inTenant(db, context, (tx) => listBodies(tx, filter, PAGE_SIZE, offset));
    return { ...result, page: current, pages: paging(current, result.total).pages! };
  }

  const all = (context: TenantContext, options = { activeOnly: true }) =>
    inTenant(db, context, (tx) => allBodies(tx, options));

  /**
   * A body with its officers, seats, rule and history. Without `pastMemberships` the seats
   * that have ended are only counted (the body's page links to them).
   */
  async function find(context: TenantContext, id: string, { pastMemberships = true } = {}) {
    return inTenant(db, context, async (tx) => {
      const found = await findBody(tx, id);
      if (!found) return null;
      const today = tools.today();
      // One statement at a time: a transaction's client runs queries in sequence.
      const people = [];
      for (const field of PERSON_FIELDS)
        people.push(found[field] ? await findPerson(tx, found[field]) : null);
      return {
        body: found,
        reportsTo: found.reportsToId ? await findBody(tx, found.reportsToId) : null,
        children: await activeChildBodies(tx, id),
        chair: people[0],
        viceChair: people[1],
        businessOfficer: people[2],
        ...(await seatsAndRule(
          tx,
          found,
          today,
          pastMemberships ? { all: true } : { notEndedBy: today },
        )),
        pastMembershipCount: pastMemberships
          ? null
          : await countPastMembershipsOfBody(tx, id, today),
        history: await tools.history(tx, 'body', id),
      };
    });
  }

  /**
   * What meetings need of a body: its record, the memberships held on a day (a meeting's)
   * with their deputies, and its quorum rule; none of the page's officers, child bodies or
   * history.
   */
  const roster = (context: TenantContext, id: string, onDay: string) =>
    inTenant(db, context, async (tx) => {
      const found = await findBody(tx, id);
      return found
        ? { body: found, ...(await seatsAndRule(tx, found, tools.today(), { heldOn: onDay })) }
        : null;
    });

  /** The body and the seats on it that have ended, newest first; null for no such body. */
  const pastMembers = (context: TenantContext, id: string) =>
    inTenant(db, context, async (tx) => {
      const found = await findBody(tx, id);
      if (!found) return null;
      const today = tools.today();
      return {
        body: found,
        memberships: withState(await pastMembershipsOfBody(tx, id, today), today),
      };
    });

  /** A body's own record, without its memberships. */
  const get = (context: TenantContext, id: string) =>
    inTenant(db, context, (tx) => findBody(tx, id));

  /** The quorum rule of a body, for meetings to apply. */
  async function quorumRule(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findBody(tx, id);
      return found ? quorumRuleOf(tx, found) : null;
    });
  }

  async function check(tx: Executor, context: TenantContext, input: BodyInput, id?: string) {
    const errors: FieldErrors = {};
    for (const field of PERSON_FIELDS) {
      const chosen = input[field];
      if (!chosen) continue;
      const found = await findPerson(tx, chosen);
      if (!found) errors[field] = 'Select a person from the list';
      else if (found.person.closedAt)
        errors[field] = `${found.person.fullName} has left: select someone else`;
    }
    if (input.reportsToId) {
      await lockReportingLines(tx, context.partnershipId);
      const parent = await findBody(tx, input.reportsToId);
      if (!parent) errors.reportsToId = 'Select the body it reports to from the list';
      else if (parent.closedAt)
        errors.reportsToId = `${parent.name} is closed: select an open body`;
      else if (id && (await lineOfReporting(tx, parent.id)).includes(id))
        errors.reportsToId =
          parent.id === id
            ? 'A body cannot report to itself'
            : `${parent.name} already reports to this body, so this body cannot report to it`;
    }
    return errors;
  }

  async function create(
    context: TenantContext,
    input: BodyInput,
  ): Promise<Outcome<{ id: string }>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const errors = await check(tx, context, input);
        if (Object.keys(errors).length > 0) return failure(errors);
        const { version: _ignored, ...values } = input;
        const row = await insertBody(tx, { ...values, partnershipId: context.partnershipId });
        await tools.changed(tx, context, 'body.created', 'body', row.id, { after: values });
        return success({ id: row.id });
      });
    } catch (error) {
      if (violatesUnique(error, 'body_name_key')) return failure(DUPLICATE_NAME);
      throw error;
    }
  }

  async function update(
    context: TenantContext,
    id: string,
    input: BodyInput,
  ): Promise<Outcome<true>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const before = await findBody(tx, id);
        if (!before) return failure({ body: 'not found' });
        const errors = await check(tx, context, input, id);
        if (Object.keys(errors).length > 0) return failure(errors);
        const { version, ...values } = input;
        const after = await updateBody(tx, id, version, values);
        if (!after) return failure({ form: await tools.stale(tx, 'body', id, 'body') });
        await tools.changed(tx, context, 'body.changed', 'body', id, {
          before: pick(before, values),
          after: values,
        });
        return success(true);
      });
    } catch (error) {
      if (violatesUnique(error, 'body_name_key')) return failure(DUPLICATE_NAME);
      throw error;
    }
  }

  async function updateQuorumRule(
    context: TenantContext,
    id: string,
    input: QuorumRuleInput,
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const before = await findBody(tx, id);
      if (!before) return failure({ body: 'not found' });
      const usesPartners = input.quorumUsesPartners === 'yes';
      const active = new Set((await allAgencies(tx, { activeOnly: true })).map((row) => row.id));
      if (!usesPartners && input.requiredAgencyIds.length === 0 && !input.minimumHeadCount)
        return failure({
          requiredAgencyIds: 'Select at least one agency, or set a minimum head count',
        });
      if (input.requiredAgencyIds.some((agencyId) => !active.has(agencyId)))
        return failure({ requiredAgencyIds: 'Select open agencies from the list' });
      const after = await updateBody(tx, id, input.version, {
        quorumUsesPartners: usesPartners,
        quorumMinimumHeadCount: input.minimumHeadCount,
      });
      if (!after) return failure({ form: await tools.stale(tx, 'body', id, 'quorum rule') });
      const beforeRule = await quorumRuleOf(tx, before);
      await replaceQuorumAgencies(
        tx,
        context.partnershipId,
        id,
        usesPartners ? [] : input.requiredAgencyIds,
      );
      const afterRule = await quorumRuleOf(tx, after);
      await tools.changed(tx, context, 'body.quorum_rule_changed', 'body', id, {
        before: { usesPartners: before.quorumUsesPartners, ...describeRule(beforeRule) },
        after: { usesPartners, ...describeRule(afterRule) },
      });
      return success(true);
    });
  }

  async function closeBlockers(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const children = await activeChildBodies(tx, id);
      if (children.length === 0) return [];
      return [
        `${plural(children.length, 'body')} still ${children.length === 1 ? 'reports' : 'report'} to it (${children.map((child) => child.name).join(', ')}): close ${children.length === 1 ? 'it' : 'them'}, or change who ${children.length === 1 ? 'it reports' : 'they report'} to, first.`,
      ];
    });
  }

  /** Closing a body ends its memberships today; its records stay readable. */
  async function close(context: TenantContext, id: string): Promise<Outcome<{ ended: number }>> {
    const blockers = await closeBlockers(context, id);
    if (blockers.length > 0) return failure({ body: blockers.join(' ') });
    return inTenant(db, context, async (tx) => {
      await lockReportingLines(tx, context.partnershipId);
      const found = await findBody(tx, id);
      if (!found || found.closedAt) return failure({ body: 'This body is already closed' });
      const today = tools.today();
      const ended = await endMembershipsOfBody(tx, id, today);
      await updateBody(tx, id, undefined, { closedAt: tools.now() });
      for (const row of ended)
        await tools.changed(tx, context, 'membership.ended', 'membership', row.id, {
          after: { endsOn: today, reason: 'body closed' },
        });
      await tools.changed(tx, context, 'body.closed', 'body', id, {
        before: { closedAt: null },
        after: { closedAt: today, membershipsEnded: ended.length },
      });
      return success({ ended: ended.length });
    });
  }

  /** Chair, vice-chair and terms of reference reviews overdue or due within `days`. */
  async function reviewsDueWithin(context: TenantContext, days: number) {
    const today = tools.today();
    const until = horizon(today, days);
    const rows = await inTenant(db, context, (tx) => bodiesWithReviewsBy(tx, until));
    return reviewsDue(rows, today, until);
  }

  return {
    list,
    all,
    find,
    roster,
    pastMembers,
    get,
    quorumRule,
    reviewsDueWithin,
    create,
    update,
    updateQuorumRule,
    closeBlockers,
    close,
  };
}

function describeRule(rule: QuorumRule) {
  return {
    requiredAgencies: rule.requiredAgencies.map((agency) => agency.name),
    minimumHeadCount: rule.minimumHeadCount,
  };
}

export type BodiesService = ReturnType<typeof buildBodiesService>;
