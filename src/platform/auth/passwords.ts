import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

const commonPasswords = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

// The package's Algorithm is an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a chosen password is refused, in words the person can act on; null when acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) {
    return 'Password is too common. Choose a password that is hard to guess, such as three random words';
  }
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) {
    return 'Password must not contain your email address';
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing reveals nothing. */
export const decoyPasswordHash = await hashPassword('decoy password that no account has');
