import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { Role } from '../../platform/policy.js';
import type { AccountService } from '../account/account.service.js';
import type { PeopleService } from '../governance/people.service.js';

interface Dependencies {
  db: Database;
  audit: AuditService;
  accounts: AccountService;
  people: PeopleService;
}

/** The people of a partnership and the roles they hold in it. */
export function buildAdministrationService({ db, audit, accounts, people }: Dependencies) {
  function members(context: TenantContext) {
    return inTenant(db, context, (tx) => accounts.inTransaction.membersOfPartnership(tx));
  }

  async function member(context: TenantContext, userId: string) {
    return (await members(context)).find((m) => m.userId === userId) ?? null;
  }

  /** Replaces a person's roles; no roles removes their access. The last administrator stays. */
  async function setRoles(
    context: TenantContext,
    userId: string,
    roles: Role[],
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const everyone = await accounts.inTransaction.membersOfPartnership(tx);
      const target = everyone.find((m) => m.userId === userId);
      if (!target) return failure({ member: 'not found' });
      const otherAdministrators = everyone.filter(
        (m) => m.userId !== userId && m.roles.includes('administrator'),
      );
      if (
        target.roles.includes('administrator') &&
        !roles.includes('administrator') &&
        otherAdministrators.length === 0
      ) {
        return failure({
          roles:
            'The partnership must keep at least one administrator. Make someone else an administrator first',
        });
      }
      await accounts.inTransaction.removeRoles(tx, context.partnershipId, userId);
      for (const role of roles)
        await accounts.inTransaction.grantRole(tx, context.partnershipId, userId, role);
      await audit.record(tx, context, {
        action: roles.length ? 'member.roles_changed' : 'member.access_removed',
        entityType: 'account',
        entityId: userId,
        before: { roles: target.roles },
        after: { roles },
      });
      return success(true);
    });
  }

  /** The partnership's accounts, each with its person in the registry where linked. */
  async function membersWithPeople(context: TenantContext) {
    const everyone = await members(context);
    const linked = await people.ofAccounts(
      context,
      everyone.map((m) => m.userId),
    );
    return everyone.map((m) => ({
      ...m,
      person: linked.find((p) => p.userId === m.userId) ?? null,
    }));
  }

  /** Is this account of the partnership? (RLS shows only the partnership's members.) */
  const isMember = async (tx: Executor, userId: string) =>
    (await accounts.inTransaction.membersOfPartnership(tx)).some((m) => m.userId === userId);

  /** Whether an account may be linked to a person, for the confirmation page: reads only. */
  const checkLink = (context: TenantContext, userId: string, personId: string) =>
    inTenant(db, context, async (tx): Promise<Outcome<{ fullName: string }>> => {
      if (!(await isMember(tx, userId))) return failure({ member: 'not found' });
      return people.inTransaction.checkLink(tx, personId, userId);
    });

  /** Links an account of the partnership to a person in its registry, audited. */
  const linkToPerson = (context: TenantContext, userId: string, personId: string) =>
    inTenant(db, context, async (tx): Promise<Outcome<{ fullName: string }>> => {
      if (!(await isMember(tx, userId))) return failure({ member: 'not found' });
      return people.inTransaction.linkAccount(tx, context, personId, userId);
    });

  return { members, member, membersWithPeople, setRoles, checkLink, linkToPerson };
}

export type AdministrationService = ReturnType<typeof buildAdministrationService>;
