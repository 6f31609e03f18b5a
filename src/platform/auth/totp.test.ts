import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpCodeIsValid } from './totp.js';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('TOTP codes', () => {
  it('accepts the current code and refuses one from two minutes earlier', async () => {
    const secret = newTotpSecret();
    const clock = at('2026-11-26T10:00:00Z');
    const code = await generate({ secret, epoch: clock.now().getTime() / 1000 });
    expect(await totpCodeIsValid(secret, code, clock)).toBe(true);
    expect(await totpCodeIsValid(secret, code, at('2026-11-26T10:02:00Z'))).toBe(false);
  });

  it('refuses codes that are not six digits', async () => {
    const clock = at('2026-11-26T10:00:00Z');
    expect(await totpCodeIsValid(newTotpSecret(), 'abcdef', clock)).toBe(false);
    expect(await totpCodeIsValid(newTotpSecret(), '12345', clock)).toBe(false);
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes whose hashes ignore case and spaces', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(recoveryCodeHash(` ${codes[0]!.toUpperCase()} `)).toBe(recoveryCodeHash(codes[0]!));
  });
});
