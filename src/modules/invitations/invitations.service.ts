import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import {
  inTenant,
  setTransactionSettings,
  type Database,
  type Executor,
  type TenantContext,
} from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { passwordWeakness } from '../../platform/auth/passwords.js';
import type { Clock } from '../../platform/clock.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import { ROLE_NAMES, type Role } from '../../platform/policy.js';
import type { AccountService } from '../account/account.service.js';
import type { PeopleService } from '../governance/people.service.js';
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
  updateInvitation,
  type InvitationRow,
} from './invitations.repository.js';

export const INVITATION_VALID_DAYS = 7;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationState(
  row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

interface Dependencies {
  db: Database;
  audit: AuditService;
  mail: MailService;
  accounts: AccountService;
  people: PeopleService;
  clock: Clock;
  publicUrl: string;
}

export interface AcceptInput {
  displayName?: string;
  password: string;
  confirmPassword?: string;
}

export function buildInvitationsService({
  db,
  audit,
  mail,
  accounts,
  people,
  clock,
  publicUrl,
}: Dependencies) {
  /** Invites someone; refused (nothing written) when the person named cannot be linked. */
  async function tryInvite(
    context: TenantContext,
    input: { email: string; role: Role; personId?: string | undefined },
    partnershipName: string,
  ): Promise<Outcome<{ invitation: InvitationRow; token: string }>> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = addDays(clock.now(), INVITATION_VALID_DAYS);
    const created = await inTenant(db, context, async (tx) => {
      if (input.personId) {
        const named = await people.inTransaction.find(tx, input.personId);
        if (!named || named.person.closedAt)
          return failure({ personId: 'Select a person from the list' });
        if (named.person.userId)
          return failure({
            personId: `${named.person.fullName} already has an account: choose “None” or someone else`,
          });
      }
      const row = await insertInvitation(tx, {
        partnershipId: context.partnershipId,
        email: input.email,
        role: input.role,
        personId: input.personId ?? null,
        tokenHash: tokenHashOf(token),
        invitedBy: context.userId,
        expiresAt,
      });
      await mail.queue(tx, context, {
        to: input.email,
        subject: `You are invited to ${partnershipName} on MASA`,
        text: [
          `You have been invited to join ${partnershipName} on MASA as ${ROLE_NAMES[input.role].toLowerCase()}.`,
          '',
          `Accept the invitation: ${publicUrl}/invitations/${token}`,
          '',
          `The link works once and expires in ${INVITATION_VALID_DAYS} days. If you did not expect it, ignore this email.`,
        ].join('\n'),
      });
      await audit.record(tx, context, {
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: row.id,
        after: {
          email: row.email,
          role: row.role,
          personId: row.personId,
          expiresAt: row.expiresAt,
        },
      });
      return success(row);
    });
    if (!created.ok) return created;
    mail.nudge();
    return success({ invitation: created.value, token });
  }

  /** Invites someone where nothing can be refused (no person named, or one known to fit). */
  async function invite(
    context: TenantContext,
    input: { email: string; role: Role; personId?: string | undefined },
    partnershipName: string,
  ) {
    const result = await tryInvite(context, input, partnershipName);
    if (!result.ok) throw new Error(`Invitation refused: ${JSON.stringify(result.errors)}`);
    return result.value;
  }

  async function list(context: TenantContext) {
    const rows = await inTenant(db, context, (tx) => listInvitations(tx, 200));
    const now = clock.now();
    return rows.map(({ invitation, invitedByName }) => ({
      ...invitation,
      invitedByName,
      state: invitationState(invitation, now),
    }));
  }

  async function find(context: TenantContext, id: string) {
    const row = await inTenant(db, context, (tx) => findInvitation(tx, id));
    return row ? { ...row, state: invitationState(row, clock.now()) } : null;
  }

  async function revoke(context: TenantContext, id: string): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const row = await findInvitation(tx, id);
      if (!row) return failure({ invitation: 'not found' });
      if (invitationState(row, clock.now()) !== 'pending')
        return failure({ invitation: 'This invitation can no longer be withdrawn' });
      await updateInvitation(tx, id, { revokedAt: clock.now() });
      await audit.record(tx, context, {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: id,
        before: { state: 'pending' },
        after: { state: 'revoked' },
      });
      return success(true);
    });
  }

  /** What the holder of a link may learn: whether it is usable, and for whom. */
  async function lookup(token: string) {
    return db.transaction(async (tx) => {
      const row = await findInvitationByTokenHash(tx, tokenHashOf(token));
      if (!row) return { state: 'unknown' as const };
      const state = invitationState(row, clock.now());
      if (state !== 'pending') return { state };
      await setTransactionSettings(tx, { 'app.partnership_id': row.partnershipId });
      const existing = await accounts.inTransaction.accountByEmail(tx, row.email);
      return { state, invitation: row, accountExists: existing !== null };
    });
  }

  /**
   * Links the account to its person in the registry: the person the invitation names, or
   * else the one open person without an account who has the invitation's email. When that
   * cannot be done (the named person was linked or closed meanwhile, or several people share
   * the email) nothing is linked and the administrator who sent the invitation is emailed.
   */
  async function linkToPerson(
    tx: Executor,
    context: TenantContext,
    row: InvitationRow,
    userId: string,
  ) {
    if (await people.inTransaction.personOfAccount(tx, userId)) return;
    let problem: string | null = null;
    if (row.personId) {
      const linked = await people.inTransaction.linkAccount(tx, context, row.personId, userId);
      if (linked.ok) return;
      problem =
        linked.errors.personId ?? 'the person named in the invitation is not in the registry';
    } else {
      const matches = await people.inTransaction.unlinkedWithEmail(tx, row.email);
      if (matches.length === 0) return;
      if (matches.length === 1) {
        await people.inTransaction.linkAccount(tx, context, matches[0]!.id, userId);
        return;
      }
      problem = `${matches.length} people in the registry have the email address ${row.email}`;
    }
    await audit.record(tx, context, {
      action: 'invitation.person_not_linked',
      entityType: 'account',
      entityId: userId,
      after: { invitationId: row.id, reason: problem },
    });
    const inviter = (await accounts.inTransaction.membersOfPartnership(tx)).find(
      (member) => member.userId === row.invitedBy,
    );
    if (inviter)
      await mail.queue(tx, context, {
        to: inviter.email,
        subject: `Link ${row.email} to their person in the registry`,
        text: [
          `${row.email} has accepted your invitation, but MASA did not link their account to a person in the registry: ${problem}.`,
          '',
          `Link it at ${publicUrl}/admin/people/${userId}/person`,
        ].join('\n'),
      });
  }

  /** Creates the account (or adds the role to an existing one) and uses the invitation up. */
  async function accept(
    token: string,
    input: AcceptInput,
    requestId?: string,
  ): Promise<Outcome<{ userId: string; partnershipId: string; mfaEnabled: boolean }>> {
    return db.transaction(async (tx) => {
      const row = await findInvitationByTokenHash(tx, tokenHashOf(token));
      if (!row || invitationState(row, clock.now()) !== 'pending')
        return failure({ invitation: row ? invitationState(row, clock.now()) : 'unknown' });
      await setTransactionSettings(tx, { 'app.partnership_id': row.partnershipId });
      const existing = await accounts.inTransaction.accountByEmail(tx, row.email);
      let userId: string;
      if (existing) {
        if (
          !(await accounts.inTransaction.passwordMatches(existing.passwordHash, input.password))
        ) {
          return failure({ password: 'Your password is not right' });
        }
        userId = existing.id;
        await setTransactionSettings(tx, { 'app.user_id': userId });
      } else {
        const weakness = passwordWeakness(input.password, row.email);
        if (weakness) return failure({ password: weakness });
        if (input.password !== input.confirmPassword)
          return failure({ confirmPassword: 'The passwords do not match' });
        userId = randomUUID();
        await accounts.inTransaction.createAccount(tx, {
          id: userId,
          email: row.email,
          displayName: input.displayName ?? row.email,
          password: input.password,
        });
      }
      await accounts.inTransaction.grantRole(tx, row.partnershipId, userId, row.role as Role);
      await updateInvitation(tx, row.id, { acceptedAt: clock.now() });
      const context = { partnershipId: row.partnershipId, userId, requestId };
      await audit.record(tx, context, {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: row.id,
        after: { role: row.role, newAccount: !existing },
      });
      await linkToPerson(tx, context, row, userId);
      return success({
        userId,
        partnershipId: row.partnershipId,
        mfaEnabled: Boolean(existing?.mfaEnabledAt),
      });
    });
  }

  return { invite, tryInvite, list, find, revoke, lookup, accept };
}

export type InvitationsService = ReturnType<typeof buildInvitationsService>;
