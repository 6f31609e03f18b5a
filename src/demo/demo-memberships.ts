import type { MembershipStatus } from '../modules/governance/governance.vocabulary.js';
import { isPartnerAgency, type AgencyKey } from './demo-agencies.js';
import type { BodyKey } from './demo-bodies.js';
import { monthsAgo, type DemoDate } from './demo-dates.js';
import { DEMO_PEOPLE, type PersonKey } from './demo-people.js';

/**
 * Section 20's induction: 'complete' has all four items ticked and a completion date a month
 * after the member started; 'partial' has the booklet and templates only.
 */
export type DemoInduction = 'complete' | 'partial' | 'not_started';

export interface DemoSeat {
  person: PersonKey;
  status: MembershipStatus;
  represents: AgencyKey;
  decisionMaking: boolean;
  startsOn: DemoDate;
  induction: DemoInduction;
}

/** The day the Partnership replaced the old board, and the day the revised structure began. */
const PARTNERSHIP_FOUNDED = '2019-04-01';
const STRUCTURE_REVISED = '2021-09-01';

/** Statuses that never decide: observers by rule, the others because they support or scrutinise. */
const WITHOUT_DECISIONS: readonly MembershipStatus[] = [
  'participant_observer',
  'independent_scrutineer',
  'business_support',
];

/**
 * A seat on a body. By default the member represents the agency they work for, as a
 * safeguarding partner when that agency is one and as a relevant partner otherwise.
 */
function seat(
  person: PersonKey,
  options: Partial<Omit<DemoSeat, 'person'>> & { startsOn?: DemoDate } = {},
): DemoSeat {
  const represents = options.represents ?? DEMO_PEOPLE[person].agency;
  const status =
    options.status ?? (isPartnerAgency(represents) ? 'safeguarding_partner' : 'relevant_partner');
  return {
    person,
    status,
    represents,
    decisionMaking: options.decisionMaking ?? !WITHOUT_DECISIONS.includes(status),
    startsOn: options.startsOn ?? STRUCTURE_REVISED,
    induction: options.induction ?? 'complete',
  };
}

const support = (person: PersonKey, startsOn: DemoDate = STRUCTURE_REVISED) =>
  seat(person, { status: 'business_support', startsOn });

/**
 * The Partnership's membership table of section 11, row by row, and the business manager
 * who supports it. Priority group chairs are co-opted to report on their group's progress;
 * the decisions stay with the partners and relevant partners (section 21).
 */
const PARTNERSHIP_SEATS: DemoSeat[] = [
  seat('directorOfChildrensServices', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('trustChiefExecutive', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('policeLead', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('commissionerChiefOfficer', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('designatedNurse', { status: 'relevant_partner', startsOn: PARTNERSHIP_FOUNDED }),
  seat('designatedDoctor', { status: 'relevant_partner', startsOn: PARTNERSHIP_FOUNDED }),
  seat('directorOfEducation', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('voluntarySectorChiefExecutive', { startsOn: PARTNERSHIP_FOUNDED }),
  seat('healthPartnershipChair', { startsOn: monthsAgo(9) }),
  seat('leadMember', {
    status: 'participant_observer',
    startsOn: monthsAgo(5),
    induction: 'partial',
  }),
  seat('layMember', { status: 'participant_observer', startsOn: PARTNERSHIP_FOUNDED }),
  seat('earlyHelpHead', {
    status: 'co_opted',
    decisionMaking: false,
    startsOn: monthsAgo(7),
    induction: 'partial',
  }),
  seat('publicProtectionHead', {
    status: 'co_opted',
    decisionMaking: false,
    startsOn: monthsAgo(11, 10),
  }),
  seat('scrutineer', { status: 'independent_scrutineer', startsOn: STRUCTURE_REVISED }),
  support('businessManager', PARTNERSHIP_FOUNDED),
];

/** The independent chair of the quality group is co-opted with a vote on the group it chairs. */
const independentChair = seat('qualityAssuranceChair', {
  status: 'co_opted',
  decisionMaking: true,
  startsOn: monthsAgo(11),
});

/**
 * Members of every other body. Each body that does the Partnership's business has a
 * member with decision-making rights from each of the four partner agencies, so that its
 * quorum can be met.
 */
export const DEMO_MEMBERSHIPS: Record<BodyKey, DemoSeat[]> = {
  partnership: PARTNERSHIP_SEATS,
  chairsForum: [
    seat('directorOfChildrensServices'),
    seat('trustQualityDirector'),
    seat('detectiveChiefInspector'),
    seat('designatedNurse'),
    seat('qualityAssuranceChair', { status: 'co_opted', startsOn: monthsAgo(11) }),
    seat('principalSocialWorker', { startsOn: monthsAgo(14) }),
    seat('publicProtectionHead', { startsOn: monthsAgo(11, 10) }),
    seat('earlyHelpHead', { startsOn: monthsAgo(7), induction: 'partial' }),
    seat('publicHealthConsultant', { startsOn: monthsAgo(3), induction: 'not_started' }),
    seat('scrutineer', { status: 'independent_scrutineer' }),
    support('businessManager'),
    support('businessOfficer'),
    support('secondBusinessOfficer'),
  ],
  qualityAssurance: [
    independentChair,
    seat('trustQualityDirector'),
    seat('educationSafeguardingLead'),
    seat('publicProtectionInspector'),
    seat('namedGp'),
    seat('hospitalNamedNurse'),
    seat('voluntarySectorSafeguardingOfficer', { startsOn: monthsAgo(2), induction: 'partial' }),
    support('businessOfficer'),
  ],
  learningAndTraining: [
    seat('principalSocialWorker'),
    seat('communityNamedNurse'),
    seat('educationSafeguardingLead'),
    seat('publicProtectionInspector'),
    seat('namedGp'),
    seat('primaryHeadteacher', { startsOn: monthsAgo(4), induction: 'partial' }),
    seat('voluntarySectorSafeguardingOfficer'),
    support('secondBusinessOfficer'),
  ],
  practiceReviews: [
    seat('designatedNurse'),
    seat('detectiveChiefInspector'),
    seat('principalSocialWorker'),
    seat('earlyHelpHead'),
    seat('designatedDoctor'),
    seat('hospitalNamedNurse'),
    seat('probationHead', { startsOn: monthsAgo(1), induction: 'not_started' }),
    support('businessOfficer'),
  ],
  childExploitation: [
    seat('publicProtectionHead', { startsOn: monthsAgo(11, 10) }),
    seat('exploitationHead'),
    seat('educationSafeguardingLead'),
    seat('namedGp'),
    seat('youthJusticeHead'),
    seat('probationHead'),
    seat('youthNetworkLead', { startsOn: monthsAgo(3), induction: 'partial' }),
    support('businessOfficer'),
  ],
  tacklingNeglect: [
    seat('earlyHelpHead'),
    seat('primaryHeadteacher'),
    seat('childrenInNeedHead'),
    seat('publicProtectionInspector'),
    seat('namedGp'),
    seat('communityNamedNurse'),
    seat('youngCarersManager'),
    support('secondBusinessOfficer'),
  ],
  childDeathOverview: [
    seat('publicHealthConsultant', { startsOn: monthsAgo(3), induction: 'partial' }),
    seat('designatedDoctor'),
    seat('childrenInNeedHead'),
    seat('publicProtectionInspector'),
    seat('paediatrician'),
    seat('communityNamedNurse'),
    support('secondBusinessOfficer'),
  ],
  safeguardingLeads: [
    seat('educationSafeguardingLead'),
    seat('secondaryDsl'),
    seat('primaryHeadteacher'),
    seat('earlyYearsLead'),
    seat('directorOfEducation'),
    support('secondBusinessOfficer'),
  ],
  healthPartnership: [
    seat('healthPartnershipChair'),
    seat('hospitalNamedNurse'),
    seat('designatedNurse'),
    seat('designatedDoctor'),
    seat('communityNamedNurse'),
    seat('namedGp'),
    support('businessOfficer'),
  ],
  voluntarySectorForum: [
    seat('voluntarySectorChiefExecutive'),
    seat('voluntarySectorSafeguardingOfficer'),
    seat('youngCarersManager'),
    seat('youthNetworkLead'),
    seat('earlyHelpHead'),
    support('secondBusinessOfficer'),
  ],
  // The reporting bodies' own members are their agencies' business, not the Partnership's.
  councilScrutiny: [],
  trustBoard: [],
  policeAndCrimeCommissioner: [],
  commissionerGoverningBody: [],
};

export interface DemoDeputy {
  /** The lead representative on the Partnership whose functions are delegated. */
  lead: PersonKey;
  deputy: PersonKey;
}

/**
 * Section 11's senior officers with delegated authority: each acts for their agency's lead
 * representative in the Partnership, from the day the lead's seat began, with no end date.
 */
export const DEMO_DEPUTIES: DemoDeputy[] = [
  { lead: 'directorOfChildrensServices', deputy: 'councilChiefExecutive' },
  { lead: 'trustChiefExecutive', deputy: 'trustQualityDirector' },
  { lead: 'commissionerChiefOfficer', deputy: 'designatedNurse' },
  { lead: 'policeLead', deputy: 'detectiveChiefInspector' },
];
