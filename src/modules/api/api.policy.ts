import { signedIn } from '../../platform/policy.js';

/** Reading the registry through the API: anyone fully signed in, by token or session. */
export const apiRead = signedIn;

/** Who may reach each of the API module's routes. */
export const apiPolicies = {
  read: apiRead,
  /** A person manages their own tokens, for the partnership they are working in. */
  ownTokens: signedIn,
};
