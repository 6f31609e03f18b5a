import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { acceptedTimeStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash } from './totp.js';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('TOTP codes', () => {
  it('accepts the current code and refuses one from two minutes earlier', async () => {
    const secret = newTotpSecret();
    const clock = at('2026-11-26T10:00:00Z');
    const code = await generate({ secret, epoch: clock.now().getTime() / 1000 });
    expect(await acceptedTimeStep(secret, code, clock)).toBe(
      Math.floor(clock.now().getTime() / 30_000),
    );
    expect(await acceptedTimeStep(secret, code, at('2026-11-26T10:02:00Z'))).toBeNull();
  });

  it('refuses a code replayed after it was accepted', async () => {
    const secret = newTotpSecret();
    const clock = at('2026-11-26T10:00:10Z');
    const code = await generate({ secret, epoch: clock.now().getTime() / 1000 });
    const step = await acceptedTimeStep(secret, code, clock);
    expect(step).not.toBeNull();
    expect(await acceptedTimeStep(secret, code, at('2026-11-26T10:00:20Z'), step)).toBeNull();
  });

  it('refuses codes that are not six digits', async () => {
    const clock = at('2026-11-26T10:00:00Z');
    expect(await acceptedTimeStep(newTotpSecret(), 'abcdef', clock)).toBeNull();
    expect(await acceptedTimeStep(newTotpSecret(), '12345', clock)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes whose hashes ignore case and spaces', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(recoveryCodeHash(` ${codes[0]!.toUpperCase()} `)).toBe(recoveryCodeHash(codes[0]!));
  });
});
