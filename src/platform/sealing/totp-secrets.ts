import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { appUser } from '../../db/schema/index.js';
import type { FieldCipher } from './field-cipher.js';

/** Where an account's TOTP secret is sealed: bound to the account, so it opens nowhere else. */
export const totpSecretPlace = (userId: string) => `app_user.mfa_secret:${userId}`;

/**
 * Seals TOTP secrets stored before secrets were sealed. Runs at start-up on the owner
 * connection, after the key check; each is sealed in place, so a second run finds none.
 */
export async function sealLegacyTotpSecrets(ownerDb: Database, cipher: FieldCipher) {
  const legacy = await ownerDb
    .select({ id: appUser.id, secret: appUser.mfaSecret })
    .from(appUser)
    .where(and(isNotNull(appUser.mfaSecret), notLike(appUser.mfaSecret, 'f1.%')));
  for (const { id, secret } of legacy)
    await ownerDb
      .update(appUser)
      .set({ mfaSecret: cipher.seal(secret!, totpSecretPlace(id)) })
      .where(and(eq(appUser.id, id), eq(appUser.mfaSecret, secret!)));
  return legacy.length;
}
