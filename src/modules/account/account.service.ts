import {
  inTenant,
  setTransactionSettings,
  type Database,
  type Transaction,
} from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import {
  decoyPasswordHash,
  hashPassword,
  passwordWeakness,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import type { ResolvedSession, SessionStore } from '../../platform/auth/sessions.js';
import { groupRoles, principalOf } from './principal.js';
import type { Throttle, ThrottleRule } from '../../platform/auth/throttle.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import { totpSecretPlace } from '../../platform/sealing/totp-secrets.js';
import {
  acceptedTimeStep,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpQrCode,
} from '../../platform/auth/totp.js';
import type { Clock } from '../../platform/clock.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { Principal } from '../../platform/policy.js';
import {
  addRole,
  findAccount,
  findAccountByEmail,
  insertAccount,
  membersOfPartnership,
  removeRoles,
  partnershipsOfAccount,
  replaceRecoveryCodes,
  unusedRecoveryCodeCount,
  updateAccount,
  useRecoveryCode,
} from './account.repository.js';

const WINDOW = 15 * 60_000;
export const throttleRules = {
  account: { limit: 5, windowMs: WINDOW } satisfies ThrottleRule,
  address: { limit: 30, windowMs: WINDOW } satisfies ThrottleRule,
  code: { limit: 5, windowMs: WINDOW } satisfies ThrottleRule,
};

export type SignInResult =
  | { outcome: 'signed-in'; token: string; needsCode: boolean }
  | { outcome: 'refused' }
  | { outcome: 'throttled' };

interface Dependencies {
  db: Database;
  audit: AuditService;
  sessions: SessionStore;
  throttle: Throttle;
  clock: Clock;
  serviceName: string;
  cipher: FieldCipher;
}

/** A transaction that may see only this person's own account and roles. */
function asAccount<T>(db: Database, userId: string, work: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await setTransactionSettings(tx, { 'app.user_id': userId });
    return work(tx);
  });
}

export function buildAccountService({
  db,
  audit,
  sessions,
  throttle,
  clock,
  serviceName,
  cipher,
}: Dependencies) {
  const contextOf = (principal: Principal, requestId?: string) => ({
    partnershipId: principal.partnershipId!,
    userId: principal.userId,
    requestId,
  });

  /** An event about a person's own account, in the chain of the partnership they are in. */
  async function recordOwnAccountEvent(principal: Principal, action: string, requestId?: string) {
    if (!principal.partnershipId) return;
    const context = contextOf(principal, requestId);
    await inTenant(db, context, (tx) =>
      audit.record(tx, context, { action, entityType: 'account', entityId: principal.userId }),
    );
  }

  async function signIn(
    email: string,
    password: string,
    address: string,
    requestId?: string,
  ): Promise<SignInResult> {
    const accountKey = `account:${email.trim().toLowerCase()}`;
    const addressKey = `address:${address}`;
    if (
      (await throttle.isBlocked(accountKey, throttleRules.account)) ||
      (await throttle.isBlocked(addressKey, throttleRules.address))
    ) {
      return { outcome: 'throttled' };
    }
    const account = await db.transaction((tx) => findAccountByEmail(tx, email));
    // Verify against a decoy when there is no account, so the answer takes as long either way.
    const passwordMatches = await verifyPassword(
      account?.passwordHash ?? decoyPasswordHash,
      password,
    );
    if (!account || !passwordMatches || account.disabledAt) {
      await throttle.recordFailure(accountKey, addressKey);
      return { outcome: 'refused' };
    }
    await throttle.clear(accountKey);
    const [first] = await asAccount(db, account.id, (tx) => partnershipsOfAccount(tx, account.id));
    const token = await sessions.create(account.id, first?.id ?? null);
    if (first) {
      await inTenant(db, { partnershipId: first.id, userId: account.id, requestId }, (tx) =>
        audit.record(
          tx,
          { partnershipId: first.id, userId: account.id, requestId },
          { action: 'account.signed_in', entityType: 'account', entityId: account.id },
        ),
      );
    }
    return { outcome: 'signed-in', token, needsCode: account.mfaEnabledAt !== null };
  }

  async function loadPrincipal(
    userId: string,
    partnershipId: string | null,
    mfaPassed: boolean,
  ): Promise<Principal | null> {
    return asAccount(db, userId, async (tx) => {
      const account = await findAccount(tx, userId);
      if (!account || account.disabledAt) return null;
      return principalOf(
        { userId, partnershipId, mfaPassed },
        {
          email: account.email,
          displayName: account.displayName,
          mfaEnabled: account.mfaEnabledAt !== null,
        },
        await partnershipsOfAccount(tx, userId),
      );
    });
  }

  /** The principal of a session read with its holder (sessions.resolve): no further query. */
  function principalOfSession(active: ResolvedSession): Principal | null {
    if (active.holder.disabled) return null;
    return principalOf(active, active.holder, groupRoles(active.holder.partnershipRoles));
  }

  /** The principal's list was read for this request, so a role removed since is not offered. */
  async function switchPartnership(principal: Principal, token: string, partnershipId: string) {
    if (!principal.partnerships.some((p) => p.id === partnershipId))
      return failure({ partnershipId: 'Select a partnership you belong to' });
    await sessions.switchPartnership(token, partnershipId);
    return success(partnershipId);
  }

  /** TOTP secrets are sealed like children's details: a database copy alone cannot mint codes. */
  const openSecret = (userId: string, sealed: string) =>
    cipher.open(sealed, totpSecretPlace(userId));

  /** Second factor at sign-in: a TOTP code or an unused recovery code. */
  async function verifySecondFactor(
    principal: Principal,
    token: string,
    code: string,
    requestId?: string,
  ): Promise<Outcome<true>> {
    const key = `code:${principal.userId}`;
    if (await throttle.isBlocked(key, throttleRules.code)) {
      return failure({ code: 'Too many wrong codes. Wait 15 minutes, then try again' });
    }
    const accepted = await asAccount(db, principal.userId, async (tx) => {
      const account = await findAccount(tx, principal.userId);
      if (!account?.mfaSecret || !account.mfaEnabledAt) return false;
      const step = await acceptedTimeStep(
        openSecret(principal.userId, account.mfaSecret),
        code,
        clock,
        account.mfaLastTimeStep,
      );
      if (step !== null) {
        await updateAccount(tx, principal.userId, { mfaLastTimeStep: step });
        return true;
      }
      return useRecoveryCode(tx, principal.userId, recoveryCodeHash(code), clock.now());
    });
    if (!accepted) {
      await throttle.recordFailure(key);
      return failure({
        code: 'The code is not right. Check your authenticator app and enter the code it shows now',
      });
    }
    await throttle.clear(key);
    await sessions.markMfaPassed(token);
    await recordOwnAccountEvent(principal, 'account.code_accepted', requestId);
    return success(true);
  }

  /** Keeps one pending secret until enrolment completes, so a reload shows the same QR code. */
  async function beginEnrolment(principal: Principal) {
    const secret = await asAccount(db, principal.userId, async (tx) => {
      const account = await findAccount(tx, principal.userId);
      if (!account || account.mfaEnabledAt) return null;
      if (account.mfaSecret) return openSecret(principal.userId, account.mfaSecret);
      const fresh = newTotpSecret();
      await updateAccount(tx, principal.userId, {
        mfaSecret: cipher.seal(fresh, totpSecretPlace(principal.userId)),
      });
      return fresh;
    });
    if (!secret) return null;
    const qr = await totpQrCode(secret, serviceName, principal.email);
    return { secret, qrSvg: qr.svg };
  }

  async function completeEnrolment(
    principal: Principal,
    token: string,
    code: string,
    requestId?: string,
  ): Promise<Outcome<string[]>> {
    const codes = newRecoveryCodes();
    const enrolled = await asAccount(db, principal.userId, async (tx) => {
      const account = await findAccount(tx, principal.userId);
      if (!account?.mfaSecret || account.mfaEnabledAt) return false;
      const step = await acceptedTimeStep(
        openSecret(principal.userId, account.mfaSecret),
        code,
        clock,
      );
      if (step === null) return false;
      await updateAccount(tx, principal.userId, {
        mfaEnabledAt: clock.now(),
        mfaLastTimeStep: step,
      });
      await replaceRecoveryCodes(tx, principal.userId, codes.map(recoveryCodeHash));
      return true;
    });
    if (!enrolled) {
      return failure({
        code: 'The code is not right. Enter the 6-digit code your authenticator app shows now',
      });
    }
    await sessions.markMfaPassed(token);
    await recordOwnAccountEvent(principal, 'account.mfa_enabled', requestId);
    return success(codes);
  }

  async function regenerateRecoveryCodes(principal: Principal, requestId?: string) {
    const codes = newRecoveryCodes();
    await inTenant(db, contextOf(principal, requestId), async (tx) => {
      await replaceRecoveryCodes(tx, principal.userId, codes.map(recoveryCodeHash));
      await audit.record(tx, contextOf(principal, requestId), {
        action: 'account.recovery_codes_replaced',
        entityType: 'account',
        entityId: principal.userId,
      });
    });
    return codes;
  }

  function recoveryCodesLeft(principal: Principal) {
    return asAccount(db, principal.userId, (tx) => unusedRecoveryCodeCount(tx, principal.userId));
  }

  async function changePassword(
    principal: Principal,
    token: string,
    input: { currentPassword: string; newPassword: string; confirmPassword: string },
    requestId?: string,
  ): Promise<Outcome<true>> {
    const account = await asAccount(db, principal.userId, (tx) =>
      findAccount(tx, principal.userId),
    );
    if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      return failure({ currentPassword: 'Your current password is not right' });
    }
    const weakness = passwordWeakness(input.newPassword, account.email);
    if (weakness) return failure({ newPassword: weakness });
    if (input.newPassword === input.currentPassword)
      return failure({ newPassword: 'Your new password must be different from your current one' });
    if (input.newPassword !== input.confirmPassword)
      return failure({ confirmPassword: 'The passwords do not match' });
    const passwordHash = await hashPassword(input.newPassword);
    await inTenant(db, contextOf(principal, requestId), async (tx) => {
      await updateAccount(tx, principal.userId, { passwordHash, passwordChangedAt: clock.now() });
      await audit.record(tx, contextOf(principal, requestId), {
        action: 'account.password_changed',
        entityType: 'account',
        entityId: principal.userId,
      });
    });
    await sessions.destroyOthers(principal.userId, token);
    return success(true);
  }

  /** For other modules' transactions (invitation acceptance, role changes). */
  const inTransaction = {
    accountByEmail: findAccountByEmail,
    async createAccount(
      tx: Transaction,
      values: { id: string; email: string; displayName: string; password: string },
    ) {
      await setTransactionSettings(tx, { 'app.user_id': values.id });
      const passwordHash = await hashPassword(values.password);
      return insertAccount(tx, {
        id: values.id,
        email: values.email,
        displayName: values.displayName,
        passwordHash,
      });
    },
    grantRole: addRole,
    removeRoles,
    membersOfPartnership,
    passwordMatches: verifyPassword,
  };

  return {
    inTransaction,
    signIn,
    loadPrincipal,
    principalOfSession,
    switchPartnership,
    verifySecondFactor,
    beginEnrolment,
    completeEnrolment,
    regenerateRecoveryCodes,
    recoveryCodesLeft,
    changePassword,
  };
}

export type AccountService = ReturnType<typeof buildAccountService>;
