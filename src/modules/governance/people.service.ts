import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { violatesUnique } from '../../platform/records.js';
import type { AccountService } from '../account/account.service.js';
import { findAgency } from './agencies.repository.js';
import { withState } from './membership-dates.js';
import { pick } from './agencies.service.js';
import type { ListFilter, PersonInput } from './governance.forms.js';
import {
  endDelegationsOfPerson,
  endMembershipsOfPerson,
  membershipsOfPerson,
} from './memberships.repository.js';
import {
  allPeople,
  findPerson,
  findPersonOfAccount,
  insertPerson,
  listPeople,
  updatePerson,
} from './people.repository.js';
import { PAGE_SIZE, paging, registryTools, type RegistryDependencies } from './registry-context.js';

const DUPLICATE_EMAIL = {
  email: 'Someone in this partnership already has this email address',
};

export function buildPeopleService(
  dependencies: RegistryDependencies & { accounts: AccountService },
) {
  const { db, accounts } = dependencies;
  const tools = registryTools(dependencies);

  async function list(context: TenantContext, filter: ListFilter) {
    const { offset, current } = paging(filter.page);
    const result = await inTenant(db, context, (tx) => listPeople(tx, filter, PAGE_SIZE, offset));
    return { ...result, page: current, pages: paging(current, result.total).pages! };
  }

  const all = (context: TenantContext, options = { activeOnly: true }) =>
    inTenant(db, context, (tx) => allPeople(tx, options));

  /** The accounts of the partnership that a person can be linked to. */
  const accountsToLink = (context: TenantContext) =>
    inTenant(db, context, (tx) => accounts.inTransaction.membersOfPartnership(tx));

  async function find(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findPerson(tx, id);
      if (!found) return null;
      return {
        ...found,
        memberships: withState(await membershipsOfPerson(tx, id), tools.today()),
        history: await tools.history(tx, 'person', id),
      };
    });
  }

  async function check(tx: Executor, input: PersonInput, personId?: string): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const agency = await findAgency(tx, input.agencyId);
    if (!agency) errors.agencyId = 'Select the agency they work for';
    else if (agency.closedAt) errors.agencyId = `${agency.name} is closed: select an open agency`;
    if (input.userId) {
      const members = await accounts.inTransaction.membersOfPartnership(tx);
      if (!members.some((member) => member.userId === input.userId))
        errors.userId = 'Select an account from the list';
    }
    if (input.userId) {
      const linked = (await allPeople(tx, { activeOnly: true })).find(
        (row) => row.person.userId === input.userId && row.person.id !== personId,
      );
      if (linked) errors.userId = `That account is already linked to ${linked.person.fullName}`;
    }
    return errors;
  }

  async function create(
    context: TenantContext,
    input: PersonInput,
  ): Promise<Outcome<{ id: string }>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const errors = await check(tx, input);
        if (Object.keys(errors).length > 0) return failure(errors);
        const { version: _ignored, ...values } = input;
        const row = await insertPerson(tx, { ...values, partnershipId: context.partnershipId });
        await tools.changed(tx, context, 'person.created', 'person', row.id, { after: values });
        return success({ id: row.id });
      });
    } catch (error) {
      if (violatesUnique(error, 'person_email_key')) return failure(DUPLICATE_EMAIL);
      throw error;
    }
  }

  async function update(
    context: TenantContext,
    id: string,
    input: PersonInput,
  ): Promise<Outcome<true>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const before = await findPerson(tx, id);
        if (!before) return failure({ person: 'not found' });
        const errors = await check(tx, input, id);
        if (Object.keys(errors).length > 0) return failure(errors);
        const { version, ...values } = input;
        const after = await updatePerson(tx, id, version, values);
        if (!after) return failure({ form: await tools.stale(tx, 'person', id, 'person') });
        await tools.changed(tx, context, 'person.changed', 'person', id, {
          before: pick(before.person, values),
          after: values,
        });
        return success(true);
      });
    } catch (error) {
      if (violatesUnique(error, 'person_email_key')) return failure(DUPLICATE_EMAIL);
      throw error;
    }
  }

  /** What closing will end: their current memberships and delegations. */
  async function closingEffects(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const today = tools.today();
      const memberships = (await membershipsOfPerson(tx, id)).filter(
        (row) => row.membership.endsOn === null || row.membership.endsOn > today,
      );
      return { memberships };
    });
  }

  /** A person who leaves is closed: their memberships and delegations end today. */
  async function close(context: TenantContext, id: string): Promise<Outcome<{ ended: number }>> {
    return inTenant(db, context, async (tx) => {
      const found = await findPerson(tx, id);
      if (!found || found.person.closedAt)
        return failure({ person: 'This person is already closed' });
      const today = tools.today();
      const ended = await endMembershipsOfPerson(tx, id, today);
      const delegations = await endDelegationsOfPerson(tx, id, today);
      await updatePerson(tx, id, undefined, { closedAt: tools.now() });
      for (const row of ended)
        await tools.changed(tx, context, 'membership.ended', 'membership', row.id, {
          after: { endsOn: today, reason: 'person closed' },
        });
      for (const row of delegations)
        await tools.changed(tx, context, 'deputy.ended', 'deputy', row.id, {
          after: { endsOn: today, reason: 'person closed' },
        });
      await tools.changed(tx, context, 'person.closed', 'person', id, {
        before: { closedAt: null },
        after: {
          closedAt: today,
          membershipsEnded: ended.length,
          delegationsEnded: delegations.length,
        },
      });
      return success({ ended: ended.length });
    });
  }

  /** The person record of the account signed in, for "my actions" and "my meetings". */
  const ofAccount = (context: TenantContext, userId: string) =>
    inTenant(db, context, (tx) => findPersonOfAccount(tx, userId));

  return { list, all, accountsToLink, find, ofAccount, create, update, closingEffects, close };
}

export type PeopleService = ReturnType<typeof buildPeopleService>;
