import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { findAgency } from './agencies.repository.js';
import { pick } from './agencies.service.js';
import { findBody } from './bodies.repository.js';
import type { DeputyInput, MembershipInput } from './governance.forms.js';
import {
  allMemberships,
  deputiesOf,
  endDeputy,
  findDeputy,
  findMembership,
  insertDeputy,
  insertMembership,
  updateMembership,
} from './memberships.repository.js';
import { findPerson } from './people.repository.js';
import { registryTools, type RegistryDependencies } from './registry-context.js';

export function buildMembershipsService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  /** Every check that needs the database; the form schema has done the rest. */
  async function check(tx: Executor, input: MembershipInput): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const body = await findBody(tx, input.bodyId);
    const person = await findPerson(tx, input.personId);
    const agency = await findAgency(tx, input.representsAgencyId);
    if (!body) errors.bodyId = 'Select the body';
    else if (body.closedAt) errors.bodyId = `${body.name} is closed: select an open body`;
    if (!person) errors.personId = 'Select the person';
    else if (person.person.closedAt)
      errors.personId = `${person.person.fullName} has left: select someone else`;
    if (!agency) errors.representsAgencyId = 'Select the agency they represent';
    else if (agency.closedAt)
      errors.representsAgencyId = `${agency.name} is closed: select an open agency`;
    return errors;
  }

  async function find(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findMembership(tx, id);
      if (!found) return null;
      return {
        ...found,
        deputies: await deputiesOf(tx, [id]),
        history: await tools.history(tx, 'membership', id),
      };
    });
  }

  const all = (context: TenantContext) => inTenant(db, context, (tx) => allMemberships(tx));

  async function create(
    context: TenantContext,
    input: MembershipInput,
  ): Promise<Outcome<{ id: string }>> {
    return inTenant(db, context, async (tx) => {
      const errors = await check(tx, input);
      if (Object.keys(errors).length > 0) return failure(errors);
      const { version: _ignored, ...values } = input;
      const row = await insertMembership(tx, { ...values, partnershipId: context.partnershipId });
      await tools.changed(tx, context, 'membership.created', 'membership', row.id, {
        after: values,
      });
      return success({ id: row.id });
    });
  }

  async function update(
    context: TenantContext,
    id: string,
    input: MembershipInput,
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const before = await findMembership(tx, id);
      if (!before) return failure({ membership: 'not found' });
      const errors = await check(tx, input);
      if (Object.keys(errors).length > 0) return failure(errors);
      const { version, ...values } = input;
      const after = await updateMembership(tx, id, version, {
        ...values,
        bodyId: before.membership.bodyId,
      });
      if (!after) return failure({ form: await tools.stale(tx, 'membership', id, 'membership') });
      await tools.changed(tx, context, 'membership.changed', 'membership', id, {
        before: pick(before.membership, values),
        after: values,
      });
      return success(true);
    });
  }

  /** Ends a membership on a given last day (today by default). */
  async function end(
    context: TenantContext,
    id: string,
    lastDay = tools.today(),
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const before = await findMembership(tx, id);
      if (!before) return failure({ membership: 'not found' });
      const { membership } = before;
      if (membership.endsOn !== null && membership.endsOn <= lastDay)
        return failure({ membership: 'This membership has already ended' });
      const endsOn = membership.startsOn > lastDay ? membership.startsOn : lastDay;
      await updateMembership(tx, id, undefined, { endsOn });
      await tools.changed(tx, context, 'membership.ended', 'membership', id, {
        before: { endsOn: membership.endsOn },
        after: { endsOn },
      });
      return success(true);
    });
  }

  /** A deputy must work for the agency of the member they deputise for (section 11). */
  async function addDeputy(
    context: TenantContext,
    membershipId: string,
    input: DeputyInput,
  ): Promise<Outcome<{ id: string }>> {
    return inTenant(db, context, async (tx) => {
      const found = await findMembership(tx, membershipId);
      if (!found) return failure({ membership: 'not found' });
      const deputy = await findPerson(tx, input.personId);
      if (!deputy) return failure({ personId: 'Select the deputy' });
      if (deputy.person.closedAt)
        return failure({ personId: `${deputy.person.fullName} has left: select someone else` });
      if (deputy.person.id === found.membership.personId)
        return failure({ personId: 'A member cannot be their own deputy' });
      if (deputy.person.agencyId !== found.membership.representsAgencyId)
        return failure({
          personId: `${deputy.person.fullName} works for ${deputy.agencyName}: a deputy must belong to ${found.agencyName}, the agency they deputise for`,
        });
      const row = await insertDeputy(tx, {
        partnershipId: context.partnershipId,
        membershipId,
        ...input,
      });
      await tools.changed(tx, context, 'deputy.created', 'deputy', row.id, {
        after: { membershipId, ...input },
      });
      await tools.changed(tx, context, 'membership.deputy_added', 'membership', membershipId, {
        after: { deputy: deputy.person.fullName, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return success({ id: row.id });
    });
  }

  async function endDelegation(
    context: TenantContext,
    membershipId: string,
    deputyId: string,
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const found = await findDeputy(tx, deputyId);
      if (!found || found.membershipId !== membershipId) return failure({ deputy: 'not found' });
      const today = tools.today();
      if (found.endsOn !== null && found.endsOn <= today)
        return failure({ deputy: 'This delegation has already ended' });
      const ended = await endDeputy(tx, deputyId, today);
      await tools.changed(tx, context, 'deputy.ended', 'deputy', deputyId, {
        before: { endsOn: found.endsOn },
        after: { endsOn: ended?.endsOn },
      });
      await tools.changed(tx, context, 'membership.deputy_ended', 'membership', membershipId, {
        after: { deputyId, endsOn: ended?.endsOn },
      });
      return success(true);
    });
  }

  return { find, all, create, update, end, addDeputy, endDelegation };
}

export type MembershipsService = ReturnType<typeof buildMembershipsService>;
