import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';

describe('passwordWeakness', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordWeakness('short pass')).toMatch(/12 characters or more/);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordWeakness('QWERTY123456')).toMatch(/too common/);
  });

  it('refuses a password built on the email address', () => {
    expect(passwordWeakness('alex.morgan-2026!', 'alex.morgan@example.org')).toMatch(/email/);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordWeakness('orbit candle meadow 42')).toBeNull();
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('orbit candle meadow 42');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'orbit candle meadow 42')).toBe(true);
    expect(await verifyPassword(stored, 'orbit candle meadow 43')).toBe(false);
  });
});
