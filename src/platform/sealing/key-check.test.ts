import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { encryptionKeyCheck } from '../../db/schema/index.js';
import { createTestDatabase } from '../../testing/database.js';
import { buildFieldCipher } from './field-cipher.js';
import { verifyEncryptionKeys } from './key-check.js';

const database = await createTestDatabase();
const original = { id: 'k1', key: Buffer.alloc(32, 1) };

describe('encryption keys at start-up', () => {
  it('records a new key, accepts it again, and accepts a new key added before it', async () => {
    await verifyEncryptionKeys(database.owner.db, buildFieldCipher([original]));
    await verifyEncryptionKeys(database.owner.db, buildFieldCipher([original]));
    const next = { id: 'k2', key: Buffer.alloc(32, 2) };
    await verifyEncryptionKeys(database.owner.db, buildFieldCipher([next, original]));
    const rows = await database.owner.db.select().from(encryptionKeyCheck);
    expect(rows.map((row) => row.keyId).sort()).toEqual(['k1', 'k2']);
    expect(rows.every((row) => !row.sealedCheck.includes('MASA'))).toBe(true);
  });

  it('refuses a wrong key under a known id, naming it', async () => {
    const wrong = buildFieldCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
    const refusal = verifyEncryptionKeys(database.owner.db, wrong);
    await expect(refusal).rejects.toThrow(ConfigError);
    await expect(refusal).rejects.toThrow(/"k1" .* is not the key this database was sealed with/);
  });

  it('refuses to start without a key the database has used', async () => {
    const other = buildFieldCipher([{ id: 'k3', key: Buffer.alloc(32, 3) }]);
    await expect(verifyEncryptionKeys(database.owner.db, other)).rejects.toThrow(
      /sealed with encryption key "k1", which MASA_ENCRYPTION_KEYS does not include/,
    );
    const rows = await database.owner.db.select().from(encryptionKeyCheck);
    expect(rows.map((row) => row.keyId)).not.toContain('k3');
  });
});
