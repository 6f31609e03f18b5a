import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../clock.js';

const PERIOD_SECONDS = 30;

export function newTotpSecret() {
  return generateSecret();
}

/**
 * Accepts the code of the current 30-second step or either neighbour, for clock drift, but
 * never a step at or before the last one accepted (a replayed code). Returns the step used.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  clock: Clock,
  lastTimeStep: number | null = null,
) {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(clock.now().getTime() / 1000);
  const result = await verify({
    secret,
    token,
    epoch,
    epochTolerance: 30,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid ? Math.floor(epoch / PERIOD_SECONDS) + result.delta : null;
}

export async function totpQrCode(secret: string, issuer: string, account: string) {
  const uri = generateURI({ issuer, label: account, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { uri, svg };
}

/** Ten single-use codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function recoveryCodeHash(code: string) {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}
