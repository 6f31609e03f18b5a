import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appUser } from '../../db/schema/index.js';
import { createTestApp, TEST_ENCRYPTION_KEYS } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { buildFieldCipher } from './field-cipher.js';
import { sealLegacyTotpSecrets, totpSecretPlace } from './totp-secrets.js';

const { services, database } = await createTestApp();
const cipher = buildFieldCipher(TEST_ENCRYPTION_KEYS);

describe('TOTP secrets', () => {
  it('are stored sealed, bound to their account', async () => {
    const partnership = await createPartnership(services);
    const user = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: true,
    });
    const [row] = await database.owner.db.select().from(appUser).where(eq(appUser.id, user.userId));
    expect(row!.mfaSecret).not.toContain(user.totpSecret!);
    expect(cipher.open(row!.mfaSecret!, totpSecretPlace(user.userId))).toBe(user.totpSecret);
    expect(() => cipher.open(row!.mfaSecret!, totpSecretPlace('another-account'))).toThrow();
  });

  it('stored in plain text before sealing began are sealed once at start-up', async () => {
    const partnership = await createPartnership(services);
    const user = await createUser(database.app.db, services, partnership.id, { roles: ['member'] });
    await database.owner.db
      .update(appUser)
      .set({ mfaSecret: 'JBSWY3DPEHPK3PXP' })
      .where(eq(appUser.id, user.userId));
    expect(await sealLegacyTotpSecrets(database.owner.db, cipher)).toBe(1);
    const [row] = await database.owner.db.select().from(appUser).where(eq(appUser.id, user.userId));
    expect(row!.mfaSecret!.startsWith('f1.')).toBe(true);
    expect(cipher.open(row!.mfaSecret!, totpSecretPlace(user.userId))).toBe('JBSWY3DPEHPK3PXP');
    expect(await sealLegacyTotpSecrets(database.owner.db, cipher)).toBe(0);
  });
});
