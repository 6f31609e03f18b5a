import { createHash, randomBytes } from 'node:crypto';
import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { Principal } from '../../platform/policy.js';
import type { AccountService } from '../account/account.service.js';
import type { ApiTokenInput } from './api.forms.js';
import {
  findApiToken,
  findApiTokenByHash,
  insertApiToken,
  listApiTokens,
  updateApiToken,
  type ApiTokenRow,
} from './api-tokens.repository.js';

export const TOKEN_PREFIX = 'masa_';
/** The prefix, then 32 random bytes as base64url (43 characters). */
const TOKEN_SHAPE = /^masa_[A-Za-z0-9_-]{43}$/;
/** Writing the time of every call would turn each read into a write: once a minute tells enough. */
const LAST_USED_PRECISION_MS = 60_000;

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const newToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

function ownerOf(context: TenantContext) {
  if (!context.userId) throw new Error('An API token belongs to a person: the context has none');
  return context.userId;
}

interface Dependencies {
  db: Database;
  audit: AuditService;
  accounts: AccountService;
  clock: Clock;
}

export function buildApiTokensService({ db, audit, accounts, clock }: Dependencies) {
  const list = (context: TenantContext) =>
    inTenant(db, context, (tx) => listApiTokens(tx, context.partnershipId, ownerOf(context)));

  const find = (context: TenantContext, id: string) =>
    inTenant(db, context, (tx) => findApiToken(tx, id));

  /** Gives back the token itself once, for the person to copy: only its hash is kept. */
  async function create(context: TenantContext, input: ApiTokenInput) {
    const token = newToken();
    const row = await inTenant(db, context, async (tx) => {
      const created = await insertApiToken(tx, {
        partnershipId: context.partnershipId,
        userId: ownerOf(context),
        name: input.name,
        tokenHash: tokenHashOf(token),
      });
      await audit.record(tx, context, {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: created.id,
        after: { name: created.name },
      });
      return created;
    });
    return { token, apiToken: row };
  }

  async function revoke(context: TenantContext, id: string): Promise<Outcome<ApiTokenRow>> {
    return inTenant(db, context, async (tx) => {
      const row = await findApiToken(tx, id);
      if (!row || row.revokedAt) return failure({ apiToken: 'not found' });
      const revokedAt = clock.now();
      await updateApiToken(tx, id, { revokedAt });
      await audit.record(tx, context, {
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        before: { name: row.name, revokedAt: null },
        after: { revokedAt },
      });
      return success({ ...row, revokedAt });
    });
  }

  async function noteUse(row: ApiTokenRow) {
    const now = clock.now();
    if (row.lastUsedAt && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
    const owner = { partnershipId: row.partnershipId, userId: row.userId };
    await inTenant(db, owner, (tx) => updateApiToken(tx, row.id, { lastUsedAt: now }));
  }

  /**
   * Who a bearer token stands for: its owner, in the partnership it was made for, or null
   * when it is unknown or revoked, or the owner is disabled or no longer has a role there.
   * It was made in a session that had passed any second factor, so it counts as having one.
   */
  async function authenticate(token: string): Promise<Principal | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const row = await db.transaction((tx) => findApiTokenByHash(tx, tokenHashOf(token)));
    if (!row || row.revokedAt) return null;
    const principal = await accounts.loadPrincipal(row.userId, row.partnershipId, true);
    if (!principal || principal.partnershipId !== row.partnershipId) return null;
    await noteUse(row);
    return principal;
  }

  return { list, find, create, revoke, authenticate };
}

export type ApiTokensService = ReturnType<typeof buildApiTokensService>;
