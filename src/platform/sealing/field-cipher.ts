import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals child-identifying fields before they reach the database: AES-256-GCM with a fresh
 * 96-bit nonce per value, the key's id written into the value so keys can rotate, and the
 * field's place (table, column, row) bound in as associated data so a sealed value copied to
 * another row or column will not open.
 */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'f1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class SealedValueError extends Error {}

/** `id:base64key,id:base64key`: the first key seals new values, every key opens old ones. */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('MASA_ENCRYPTION_KEYS holds no key');
  const keys = entries.map((entry) => {
    const [id = '', encoded = ''] = entry.split(':');
    if (!KEY_ID.test(id))
      throw new Error(
        `MASA_ENCRYPTION_KEYS: key id "${id}" must be 1-32 letters, digits, "-" or "_", then ":" and the key`,
      );
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32)
      throw new Error(
        `MASA_ENCRYPTION_KEYS: key "${id}" must be 32 bytes in base64 (openssl rand -base64 32); it is ${key.length}`,
      );
    return { id, key };
  });
  const ids = new Set(keys.map((key) => key.id));
  if (ids.size !== keys.length) throw new Error('MASA_ENCRYPTION_KEYS names a key id twice');
  return keys;
}

export function newEncryptionKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function buildFieldCipher(keys: EncryptionKey[]) {
  const current = keys[0];
  if (!current) throw new Error('At least one encryption key is needed');
  const byId = new Map(keys.map((key) => [key.id, key.key]));

  function sealWith(keyId: string, plain: string, place: string) {
    const key = byId.get(keyId);
    if (!key) throw new SealedValueError(`No encryption key "${keyId}"`);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(place, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, keyId, nonce, body, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  function open(sealed: string, place: string): string {
    const [format, keyId = '', nonce = '', body = '', tag = ''] = sealed.split('.');
    if (format !== FORMAT) throw new SealedValueError('Not a sealed value');
    const key = byId.get(keyId);
    if (!key) throw new SealedValueError(`Sealed with key "${keyId}", which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(place, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SealedValueError(`A value sealed with key "${keyId}" does not open with it`);
    }
  }

  /** Documents: `f1.<key id>.` then nonce (12 bytes), tag (16 bytes) and the ciphertext. */
  function sealBytes(plain: Buffer, place: string): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current!.key, nonce);
    cipher.setAAD(Buffer.from(place, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.from(`${FORMAT}.${current!.id}.`, 'utf8');
    return Buffer.concat([head, nonce, cipher.getAuthTag(), body]);
  }

  function openBytes(sealed: Buffer, place: string): Buffer {
    const firstDot = sealed.indexOf(0x2e);
    const secondDot = sealed.indexOf(0x2e, firstDot + 1);
    const format = sealed.subarray(0, firstDot).toString('utf8');
    const keyId = sealed.subarray(firstDot + 1, secondDot).toString('utf8');
    if (firstDot < 0 || secondDot < 0 || format !== FORMAT)
      throw new SealedValueError('Not a sealed document');
    const key = byId.get(keyId);
    if (!key) throw new SealedValueError(`Sealed with key "${keyId}", which is not configured`);
    const start = secondDot + 1;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(start, start + 12));
      decipher.setAAD(Buffer.from(place, 'utf8'));
      decipher.setAuthTag(sealed.subarray(start + 12, start + 28));
      return Buffer.concat([decipher.update(sealed.subarray(start + 28)), decipher.final()]);
    } catch {
      throw new SealedValueError(`A document sealed with key "${keyId}" does not open with it`);
    }
  }

  return {
    keyIds: keys.map((key) => key.id),
    sealBytes,
    openBytes,
    seal: (plain: string, place: string) => sealWith(current.id, plain, place),
    sealWith,
    open,
    /** The key id a sealed value names, without opening it. */
    keyIdOf: (sealed: string) => sealed.split('.')[1] ?? '',
  };
}

export type FieldCipher = ReturnType<typeof buildFieldCipher>;
