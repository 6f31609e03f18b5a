import { ukToday } from '../../platform/date-input.js';
import type { AccountService } from '../account/account.service.js';
import { buildAgenciesService } from './agencies.service.js';
import { buildBodiesService } from './bodies.service.js';
import { buildMembershipImportService } from './membership-import.service.js';
import { buildMembershipMatrixService } from './membership-matrix.service.js';
import { buildMembershipsService } from './memberships.service.js';
import { buildPeopleService } from './people.service.js';
import type { RegistryDependencies } from './registry-context.js';
import { buildTermsOfReferenceService } from './terms-of-reference.service.js';

/** The governance registry: agencies, people, bodies and memberships, as data. */
export function buildGovernanceService(
  dependencies: RegistryDependencies & { accounts: AccountService },
) {
  return {
    agencies: buildAgenciesService(dependencies),
    people: buildPeopleService(dependencies),
    bodies: buildBodiesService(dependencies),
    memberships: buildMembershipsService(dependencies),
    matrix: buildMembershipMatrixService(dependencies),
    membershipImport: buildMembershipImportService(dependencies),
    termsOfReference: buildTermsOfReferenceService(dependencies),
    /** Today in the UK: what "current" and "overdue" are judged against. */
    today: () => ukToday(dependencies.clock.now()),
  };
}

export type GovernanceService = ReturnType<typeof buildGovernanceService>;
