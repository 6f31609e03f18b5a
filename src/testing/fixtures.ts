import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { inTenant, setTransactionSettings, type Database } from '../db/client.js';
import { appUser } from '../db/schema/index.js';
import type { Services } from '../composition.js';
import { newTotpSecret } from '../platform/auth/totp.js';
import type { Role } from '../platform/policy.js';
import { buildFieldCipher } from '../platform/sealing/field-cipher.js';
import { totpSecretPlace } from '../platform/sealing/totp-secrets.js';
import { TEST_ENCRYPTION_KEYS } from './app.js';

export const FIXTURE_PASSWORD = 'correct horse battery staple';

export interface FixtureUser {
  userId: string;
  email: string;
  password: string;
  partnershipId: string;
  totpSecret: string | null;
}

let counter = 0;

export async function createPartnership(
  services: Services,
  name = 'Northshire Safeguarding Children Partnership',
) {
  counter += 1;
  return services.partnerships.create(
    name,
    `${name.toLowerCase().replace(/\W+/g, '-')}-${counter}-${randomUUID().slice(0, 6)}`,
  );
}

/** A person with roles in a partnership; with `mfa`, already enrolled with a known secret. */
export async function createUser(
  db: Database,
  services: Services,
  partnershipId: string,
  options: {
    roles: Role[];
    mfa?: boolean;
    totpSecret?: string;
    email?: string;
    displayName?: string;
  },
): Promise<FixtureUser> {
  counter += 1;
  const userId = randomUUID();
  const email = options.email ?? `person${counter}.${userId.slice(0, 6)}@agency.example`;
  const totpSecret = options.totpSecret ?? (options.mfa ? newTotpSecret() : null);
  await inTenant(db, { partnershipId, userId }, async (tx) => {
    await services.accounts.inTransaction.createAccount(tx, {
      id: userId,
      email,
      displayName: options.displayName ?? `Person ${counter}`,
      password: FIXTURE_PASSWORD,
    });
    for (const role of options.roles)
      await services.accounts.inTransaction.grantRole(tx, partnershipId, userId, role);
    if (totpSecret) {
      await setTransactionSettings(tx, { 'app.user_id': userId });
      await tx
        .update(appUser)
        .set({
          mfaSecret: buildFieldCipher(TEST_ENCRYPTION_KEYS).seal(
            totpSecret,
            totpSecretPlace(userId),
          ),
          mfaEnabledAt: new Date(),
        })
        .where(eq(appUser.id, userId));
    }
  });
  return { userId, email, password: FIXTURE_PASSWORD, partnershipId, totpSecret };
}

export function totpNow(secret: string, at = new Date()) {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
