import { describe, expect, it } from 'vitest';
import { buildFieldCipher, parseEncryptionKeys, SealedValueError } from './field-cipher.js';

const first = { id: 'k1', key: Buffer.alloc(32, 1) };
const second = { id: 'k2', key: Buffer.alloc(32, 2) };
const place = 'case_child.name:0b9f3c1e';

describe('field cipher', () => {
  it('seals to text holding neither the value nor a fixed pattern, and opens it again', () => {
    const cipher = buildFieldCipher([first]);
    const sealed = cipher.seal('Ada Quince', place);
    expect(sealed).not.toContain('Ada');
    expect(sealed.startsWith('f1.k1.')).toBe(true);
    expect(cipher.seal('Ada Quince', place)).not.toBe(sealed);
    expect(cipher.open(sealed, place)).toBe('Ada Quince');
  });

  it('will not open a value moved to another field or row, or changed in any byte', () => {
    const cipher = buildFieldCipher([first]);
    const sealed = cipher.seal('Ada Quince', place);
    expect(() => cipher.open(sealed, 'case_child.address:0b9f3c1e')).toThrow(SealedValueError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.open(parts.join('.'), place)).toThrow(/does not open/);
    expect(() => cipher.open('Ada Quince', place)).toThrow(/Not a sealed value/);
  });

  it('rotates: new values use the first key, older values still open with the others', () => {
    const old = buildFieldCipher([first]).seal('Ada Quince', place);
    const rotated = buildFieldCipher([second, first]);
    expect(rotated.open(old, place)).toBe('Ada Quince');
    expect(rotated.keyIdOf(rotated.seal('Ada Quince', place))).toBe('k2');
    expect(() => buildFieldCipher([second]).open(old, place)).toThrow(/key "k1", which is not/);
    const wrong = buildFieldCipher([{ id: 'k1', key: Buffer.alloc(32, 9) }]);
    expect(() => wrong.open(old, place)).toThrow(/does not open/);
  });

  it('reads keys from configuration text and explains a bad one', () => {
    const text = `a:${Buffer.alloc(32, 3).toString('base64')}, b:${Buffer.alloc(32, 4).toString('base64')}`;
    expect(parseEncryptionKeys(text).map((key) => key.id)).toEqual(['a', 'b']);
    expect(() => parseEncryptionKeys('')).toThrow(/no key/);
    expect(() => parseEncryptionKeys('a:c2hvcnQ=')).toThrow(/must be 32 bytes/);
  });

  it('seals documents as bytes, bound to their place, and opens them with any configured key', () => {
    const document = Buffer.from('%PDF-1.7 chronology naming Ada Quince');
    const sealed = buildFieldCipher([first]).sealBytes(document, 'stored_file:1');
    expect(sealed.includes(Buffer.from('Ada Quince'))).toBe(false);
    expect(buildFieldCipher([second, first]).openBytes(sealed, 'stored_file:1')).toEqual(document);
    expect(() => buildFieldCipher([first]).openBytes(sealed, 'stored_file:2')).toThrow(
      /does not open/,
    );
    expect(() => buildFieldCipher([first]).openBytes(document, 'stored_file:1')).toThrow(
      SealedValueError,
    );
  });
});
