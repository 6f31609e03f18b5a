import { describe, expect, it } from 'vitest';
import {
  administrators,
  anyRole,
  codeGivenIfEnrolled,
  publicAccess,
  signedIn,
  type Principal,
} from './policy.js';

const member: Principal = {
  userId: 'u1',
  email: 'm@example.org',
  displayName: 'M',
  partnershipId: 'p1',
  partnershipName: 'P',
  roles: ['member'],
  partnerships: [{ id: 'p1', name: 'P' }],
  mfaEnabled: false,
  mfaPassed: false,
};

describe('policies', () => {
  it('lets anyone reach a public route', () => {
    expect(publicAccess.decide(null)).toBe('allow');
  });

  it('sends a visitor without a session to sign in', () => {
    expect(signedIn.decide(null)).toBe('sign-in');
    expect(administrators.decide(null)).toBe('sign-in');
  });

  it('forbids a member an administrator route', () => {
    expect(signedIn.decide(member)).toBe('allow');
    expect(administrators.decide(member)).toBe('forbidden');
  });

  it('asks an enrolled person for their code before anything else', () => {
    const enrolled = { ...member, mfaEnabled: true };
    expect(signedIn.decide(enrolled)).toBe('enter-code');
    expect(signedIn.decide({ ...enrolled, mfaPassed: true })).toBe('allow');
  });

  it('makes an administrator without MFA enrol first, but lets them reach enrolment', () => {
    const admin = { ...member, roles: ['administrator' as const] };
    expect(administrators.decide(admin)).toBe('enrol-mfa');
    expect(signedIn.decide(admin)).toBe('enrol-mfa');
    expect(codeGivenIfEnrolled.decide(admin)).toBe('allow');
    expect(administrators.decide({ ...admin, mfaEnabled: true, mfaPassed: true })).toBe('allow');
  });

  it('forbids someone with no role in the partnership', () => {
    expect(signedIn.decide({ ...member, roles: [] })).toBe('forbidden');
    expect(anyRole('observer').decide(member)).toBe('forbidden');
  });
});
