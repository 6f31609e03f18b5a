import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import {
  inTenant,
  setTransactionSettings,
  type Database,
  type TenantContext,
} from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { passwordWeakness } from '../../platform/auth/passwords.js';
import type { Clock } from '../../platform/clock.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import { ROLE_NAMES, type Role } from '../../platform/policy.js';
import type { AccountService } from '../account/account.service.js';
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
  clock,
  publicUrl,
}: Dependencies) {
  async function invite(
    context: TenantContext,
    input: { email: string; role: Role },
    partnershipName: string,
  ) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = addDays(clock.now(), INVITATION_VALID_DAYS);
    const created = await inTenant(db, context, async (tx) => {
      const row = await insertInvitation(tx, {
        partnershipId: context.partnershipId,
        email: input.email,
        role: input.role,
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
        after: { email: row.email, role: row.role, expiresAt: row.expiresAt },
      });
      return row;
    });
    mail.nudge();
    return { invitation: created, token };
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
      return success({
        userId,
        partnershipId: row.partnershipId,
        mfaEnabled: Boolean(existing?.mfaEnabledAt),
      });
    });
  }

  return { invite, list, find, revoke, lookup, accept };
}

export type InvitationsService = ReturnType<typeof buildInvitationsService>;
