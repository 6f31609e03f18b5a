import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { Role } from '../../platform/policy.js';
import type { AccountService } from '../account/account.service.js';

interface Dependencies {
  db: Database;
  audit: AuditService;
  accounts: AccountService;
}

/** The people of a partnership and the roles they hold in it. */
export function buildAdministrationService({ db, audit, accounts }: Dependencies) {
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

  return { members, member, setRoles };
}

export type AdministrationService = ReturnType<typeof buildAdministrationService>;
