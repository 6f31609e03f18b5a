import { eq } from 'drizzle-orm';
import { ConfigError } from '../../config.js';
import type { Database } from '../../db/client.js';
import { encryptionKeyCheck } from '../../db/schema/index.js';
import { SealedValueError, type FieldCipher } from './field-cipher.js';

const CHECK_TEXT = 'MASA encryption key check';
const PLACE = 'encryption_key_check';

function opensToCheck(cipher: FieldCipher, sealed: string) {
  try {
    return cipher.open(sealed, PLACE) === CHECK_TEXT;
  } catch (error) {
    if (error instanceof SealedValueError) return false;
    throw error;
  }
}

/**
 * Refuses to start with a key that is not the one the database's values were sealed with,
 * or without a key the database has used: better no service than unreadable or unprotected
 * children's details. Runs on the owner connection; a key seen for the first time is
 * recorded with a sealed known value.
 */
export async function verifyEncryptionKeys(ownerDb: Database, cipher: FieldCipher) {
  const known = await ownerDb.select().from(encryptionKeyCheck);
  for (const row of known) {
    if (!cipher.keyIds.includes(row.keyId))
      throw new ConfigError(
        `Refusing to start: the database holds values sealed with encryption key "${row.keyId}", ` +
          'which MASA_ENCRYPTION_KEYS does not include. Add that key back (after the key that seals new values).',
      );
    if (!opensToCheck(cipher, row.sealedCheck))
      throw new ConfigError(
        `Refusing to start: encryption key "${row.keyId}" in MASA_ENCRYPTION_KEYS is not the key ` +
          'this database was sealed with. Restore the original key.',
      );
  }
  for (const keyId of cipher.keyIds.filter((id) => !known.some((row) => row.keyId === id))) {
    await ownerDb
      .insert(encryptionKeyCheck)
      .values({ keyId, sealedCheck: cipher.sealWith(keyId, CHECK_TEXT, PLACE) })
      .onConflictDoNothing();
    // Another instance may have recorded it first: check theirs opens with ours.
    const [row] = await ownerDb
      .select()
      .from(encryptionKeyCheck)
      .where(eq(encryptionKeyCheck.keyId, keyId));
    if (!row || !opensToCheck(cipher, row.sealedCheck))
      throw new ConfigError(`Refusing to start: encryption key "${keyId}" does not match`);
  }
}
