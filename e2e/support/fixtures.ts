/** People of the browser tests' partnership; every one uses FIXTURE_PASSWORD. */
export const PARTNERSHIP_NAME = 'Northshire Safeguarding Children Partnership';

/**
 * A TOTP code is accepted once, so each test that signs an MFA user in has its own user:
 * two tests signing in the same person within 30 seconds would be refused as a replay.
 */
export const people = {
  adminSigningIn: {
    email: 'admin.signing.in@northshire.example',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  adminInviting: {
    email: 'admin.inviting@northshire.example',
    totpSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  },
  adminWithForms: {
    email: 'admin.forms@northshire.example',
    totpSecret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  },
  adminEnrolling: { email: 'admin.enrolling@northshire.example' },
  member: { email: 'member@northshire.example' },
  memberWithoutJavaScript: { email: 'member.no.js@northshire.example' },
} as const;

export { FIXTURE_PASSWORD } from '../../src/testing/fixtures.js';
