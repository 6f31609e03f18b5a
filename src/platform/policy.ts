/**
 * The one place that says who may reach what. Deny by default: a route without a policy
 * fails the app at start-up, and the route-policy test lists every route.
 */
export const ROLES = [
  'administrator',
  'business_officer',
  'member',
  'independent_scrutineer',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  administrator: 'Administrator',
  business_officer: 'Business officer',
  member: 'Member',
  independent_scrutineer: 'Independent scrutineer',
  observer: 'Observer',
};

/** Roles whose holders must use a second factor before they see anything. */
const ROLES_NEEDING_MFA: readonly Role[] = ['administrator'];

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  partnershipId: string | null;
  partnershipName: string | null;
  roles: Role[];
  /** Every partnership the person holds a role in, to switch between. */
  partnerships: { id: string; name: string }[];
  mfaEnabled: boolean;
  /** The second factor was given in this session. */
  mfaPassed: boolean;
}

export type Decision = 'allow' | 'sign-in' | 'enter-code' | 'enrol-mfa' | 'forbidden';

export interface Policy {
  name: string;
  decide(principal: Principal | null): Decision;
}

export function mfaRequired(principal: Principal) {
  return principal.roles.some((role) => ROLES_NEEDING_MFA.includes(role));
}

/** Password given; second factor given where enrolled; enrolment done where required. */
function fullySignedIn(principal: Principal | null): Decision {
  if (!principal) return 'sign-in';
  if (principal.mfaEnabled && !principal.mfaPassed) return 'enter-code';
  if (!principal.mfaEnabled && mfaRequired(principal)) return 'enrol-mfa';
  if (!principal.partnershipId || principal.roles.length === 0) return 'forbidden';
  return 'allow';
}

export const publicAccess: Policy = { name: 'public', decide: () => 'allow' };

/** Signed in with a password, second factor still to come (the code and enrolment pages). */
export const passwordGiven: Policy = {
  name: 'password given',
  decide: (principal) => (principal ? 'allow' : 'sign-in'),
};

/** Password given and, if enrolled, the code too: for enrolment when MFA is required. */
export const codeGivenIfEnrolled: Policy = {
  name: 'code given if enrolled',
  decide: (principal) => {
    if (!principal) return 'sign-in';
    return principal.mfaEnabled && !principal.mfaPassed ? 'enter-code' : 'allow';
  },
};

export const signedIn: Policy = { name: 'signed in', decide: fullySignedIn };

export function anyRole(...roles: Role[]): Policy {
  return {
    name: `role: ${roles.join(' or ')}`,
    decide: (principal) => {
      const decision = fullySignedIn(principal);
      if (decision !== 'allow') return decision;
      return principal!.roles.some((role) => roles.includes(role)) ? 'allow' : 'forbidden';
    },
  };
}

export const administrators = anyRole('administrator');

/**
 * The policy, and a second factor enrolled (and given, which a fully signed-in principal
 * with one has): for anything that opens case-review records.
 */
export function withSecondFactor(policy: Policy): Policy {
  return {
    name: `${policy.name}, with a second factor`,
    decide: (principal) => {
      const decision = policy.decide(principal);
      if (decision !== 'allow') return decision;
      return principal!.mfaEnabled ? 'allow' : 'enrol-mfa';
    },
  };
}
