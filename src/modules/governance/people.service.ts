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
  peopleOfAccounts,
  unlinkedPeople,
  unlinkedPeopleWithEmail,
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

  /** The people an account may be linked to: open, without an account of their own. */
  const linkable = (context: TenantContext) => inTenant(db, context, (tx) => unlinkedPeople(tx));

  /** The registry record of each of these accounts, where there is one. */
  const ofAccounts = (context: TenantContext, userIds: string[]) =>
    inTenant(db, context, (tx) => peopleOfAccounts(tx, userIds));

  /**
   * Whether a person may be linked to a sign-in account, reading only: not when the person is
   * closed, already has an account, or the account already has a person; `person: 'not
   * found'` when RLS hides them (another partnership's) or there is none.
   */
  async function checkLink(
    tx: Executor,
    personId: string,
    userId: string,
  ): Promise<Outcome<{ fullName: string }>> {
    const found = await findPerson(tx, personId);
    if (!found) return failure({ person: 'not found' });
    const { fullName, closedAt, userId: linkedTo } = found.person;
    if (closedAt) return failure({ personId: `${fullName}’s record is closed` });
    if (linkedTo === userId)
      return failure({ personId: `${fullName} is already linked to this account` });
    if (linkedTo) return failure({ personId: `${fullName} is already linked to another account` });
    const current = await findPersonOfAccount(tx, userId);
    if (current)
      return failure({ personId: `This account is already linked to ${current.person.fullName}` });
    return success({ fullName });
  }

  /** Links a person to a sign-in account when `checkLink` allows it, audited as their change. */
  async function linkAccount(
    tx: Executor,
    context: TenantContext,
    personId: string,
    userId: string,
  ): Promise<Outcome<{ fullName: string }>> {
    const checked = await checkLink(tx, personId, userId);
    if (!checked.ok) return checked;
    await updatePerson(tx, personId, undefined, { userId });
    await tools.changed(tx, context, 'person.account_linked', 'person', personId, {
      before: { userId: null },
      after: { userId },
    });
    return checked;
  }

  const inTransaction = {
    checkLink,
    linkAccount,
    /** Open people without an account whose email is this one: a link is made only to one. */
    unlinkedWithEmail: unlinkedPeopleWithEmail,
    personOfAccount: findPersonOfAccount,
    find: findPerson,
  };

  return {
    list,
    all,
    accountsToLink,
    find,
    ofAccount,
    ofAccounts,
    linkable,
    create,
    update,
    closingEffects,
    close,
    inTransaction,
  };
}

export type PeopleService = ReturnType<typeof buildPeopleService>;
