import {
  codeGivenIfEnrolled,
  passwordGiven,
  publicAccess,
  signedIn,
} from '../../platform/policy.js';

/** Who may reach each of the account module's pages. */
export const accountPolicies = {
  signIn: publicAccess,
  enterCode: passwordGiven,
  signOut: passwordGiven,
  enrolment: codeGivenIfEnrolled,
  ownAccount: signedIn,
};
