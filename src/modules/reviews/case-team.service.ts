import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { violatesUnique } from '../../platform/records.js';
import type { AccountService } from '../account/account.service.js';
import {
  endTeamMembership,
  findCase,
  insertTeamMember,
  isOnTeam,
  teamOf,
} from './cases.repository.js';

export interface CaseTeamDependencies {
  db: Database;
  audit: AuditService;
  accounts: AccountService;
}

/**
 * Who is on a case's team. Its members manage it; an administrator may too (adding
 * themselves if need be), and every addition and removal is in the audit trail. The page
 * shows the team and the reference only, never the case.
 */
export function buildCaseTeamService({ db, audit, accounts }: CaseTeamDependencies) {
  /** The case's reference and team, if the user may manage its team; otherwise null. */
  async function teamPage(context: TenantContext, caseId: string, administrator: boolean) {
    return inTenant(db, context, async (tx) => {
      const found = await findCase(tx, caseId);
      if (!found) return null;
      const onTeam = Boolean(context.userId) && (await isOnTeam(tx, caseId, context.userId!));
      if (!onTeam && !administrator) return null;
      const team = await teamOf(tx, caseId);
      const onIt = new Set(team.map((member) => member.userId));
      const candidates = (await accounts.inTransaction.membersOfPartnership(tx)).filter(
        (account) => !onIt.has(account.userId),
      );
      return { reviewCase: { id: found.id, reference: found.reference }, team, candidates, onTeam };
    });
  }

  async function add(
    context: TenantContext,
    caseId: string,
    userId: string,
    administrator: boolean,
  ): Promise<Outcome<{ displayName: string }> | null> {
    const page = await teamPage(context, caseId, administrator);
    if (!page) return null;
    const account = page.candidates.find((candidate) => candidate.userId === userId);
    if (!account)
      return failure({
        userId: page.team.some((member) => member.userId === userId)
          ? 'That person is already on the case team'
          : 'Select someone in this partnership',
      });
    try {
      return await inTenant(db, context, async (tx) => {
        await insertTeamMember(tx, {
          partnershipId: context.partnershipId,
          caseId,
          userId,
          addedBy: context.userId,
        });
        await audit.record(tx, context, {
          action: 'reviews.team_member_added',
          entityType: 'review_case',
          entityId: caseId,
          after: { userId, email: account.email },
        });
        return success({ displayName: account.displayName });
      });
    } catch (error) {
      if (violatesUnique(error, 'case_team_member_current_key'))
        return failure({ userId: 'That person is already on the case team' });
      throw error;
    }
  }

  /** Ends a place on the team; the last member cannot leave, or nobody could open the case. */
  async function remove(
    context: TenantContext,
    caseId: string,
    memberId: string,
    administrator: boolean,
  ): Promise<Outcome<{ displayName: string }> | null> {
    const page = await teamPage(context, caseId, administrator);
    const member = page?.team.find((each) => each.id === memberId);
    if (!page || !member) return null;
    if (page.team.length === 1)
      return failure({
        form: 'A case needs at least one person on its team. Add someone else first.',
      });
    return inTenant(db, context, async (tx) => {
      const ended = await endTeamMembership(tx, memberId, context.userId);
      if (!ended) return failure({ form: 'That person has already left the case team' });
      await audit.record(tx, context, {
        action: 'reviews.team_member_removed',
        entityType: 'review_case',
        entityId: caseId,
        before: { userId: member.userId, email: member.email },
      });
      return success({ displayName: member.displayName });
    });
  }

  return { teamPage, add, remove };
}

export type CaseTeamService = ReturnType<typeof buildCaseTeamService>;
