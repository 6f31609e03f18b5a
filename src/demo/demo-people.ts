import type { AgencyKey } from './demo-agencies.js';

export interface DemoPerson {
  fullName: string;
  jobTitle: string;
  agency: AgencyKey;
  email: string;
  phone?: string;
}

/** Work emails follow one pattern; the four sign-in accounts keep their role addresses. */
const person = (
  fullName: string,
  jobTitle: string,
  agency: AgencyKey,
  extra: { email?: string; phone?: string } = {},
): DemoPerson => ({
  fullName,
  jobTitle,
  agency,
  email: extra.email ?? `${fullName.toLowerCase().replace(/\W+/g, '.')}@northshire.example`,
  ...(extra.phone ? { phone: extra.phone } : {}),
});

/**
 * Fictional people (none of the source document's names), with the designations of its
 * tables: the four lead representatives and their senior officers with delegated authority
 * (section 11), the relevant partners and observers of the membership table, the chairs
 * and members of the sub-groups, and the business office (section 23). Phone numbers are
 * from Ofcom's range for drama.
 */
export const DEMO_PEOPLE = {
  // Northshire Council
  directorOfChildrensServices: person(
    'Rachel Whitfield',
    "Director of Children's Services",
    'council',
    { phone: '01632 960 101' },
  ),
  councilChiefExecutive: person('Graham Pryce', 'Chief Executive', 'council'),
  leadMember: person('Nadia Begum', "Lead Member for Children's Services", 'council'),
  publicHealthConsultant: person('Owen Pritchard', 'Consultant in Public Health', 'council'),
  earlyHelpHead: person('Lucy Brennan', 'Head of Early Help and Prevention', 'council'),
  educationSafeguardingLead: person('Tom Hadley', 'Education Safeguarding Lead', 'council'),

  // Northshire Children's Trust, which also hosts the partnership's business office
  trustChiefExecutive: person('Marcus Bellamy', 'Chief Executive', 'childrensTrust', {
    phone: '01632 960 102',
  }),
  trustQualityDirector: person(
    'Angela Fairbairn',
    'Director of Quality Assurance and Safeguarding',
    'childrensTrust',
  ),
  principalSocialWorker: person('Beth Corrigan', 'Principal Social Worker', 'childrensTrust'),
  exploitationHead: person(
    'Imran Qureshi',
    'Head of Service, Exploitation and Missing',
    'childrensTrust',
  ),
  childrenInNeedHead: person('Hannah Osei', 'Head of Service, Children in Need', 'childrensTrust'),
  businessManager: person('Alex Morgan', 'Partnership Business Manager', 'childrensTrust', {
    email: 'business.manager@northshire.example',
    phone: '01632 960 100',
  }),
  businessOfficer: person('Priya Shah', 'Partnership Business Officer', 'childrensTrust', {
    email: 'business.officer@northshire.example',
  }),
  secondBusinessOfficer: person('Daniel Kerr', 'Partnership Business Officer', 'childrensTrust'),

  // Northshire Police
  policeLead: person('Sam Okafor', 'Chief Superintendent, Divisional Commander', 'police', {
    email: 'police.lead@northshire.example',
    phone: '01632 960 103',
  }),
  detectiveChiefInspector: person('Laura Pembridge', 'Detective Chief Inspector', 'police'),
  publicProtectionHead: person(
    'Chris Ferreira',
    'Detective Superintendent, Public Protection',
    'police',
  ),
  publicProtectionInspector: person(
    'Mark Ashby',
    'Detective Inspector, Public Protection Unit',
    'police',
  ),

  // Northshire Clinical Commissioning Group
  commissionerChiefOfficer: person(
    'Joanne Whitaker',
    'Chief Officer – Quality',
    'healthCommissioner',
    { phone: '01632 960 104' },
  ),
  designatedNurse: person(
    'Siobhan Carey',
    'Designated Nurse – Safeguarding Children',
    'healthCommissioner',
  ),
  designatedDoctor: person(
    'Ravi Menon',
    'Designated Doctor for Safeguarding Children',
    'healthCommissioner',
  ),
  namedGp: person('Fatima Hussain', 'Named GP for Safeguarding Children', 'healthCommissioner'),

  // Relevant agencies
  directorOfEducation: person('Paul Greaves', 'Director of Education', 'education'),
  primaryHeadteacher: person('Sarah Quinlan', 'Headteacher, Millbrook Primary School', 'education'),
  secondaryDsl: person(
    'Jamal Watts',
    'Designated Safeguarding Lead, Northshire Academy',
    'education',
  ),
  earlyYearsLead: person('Claire Dunmore', 'Early Years Safeguarding Lead', 'education'),
  voluntarySectorChiefExecutive: person('Maria Lindqvist', 'Chief Executive', 'voluntarySector'),
  voluntarySectorSafeguardingOfficer: person(
    'Tariq Mahmood',
    'Safeguarding Development Officer',
    'voluntarySector',
  ),
  youngCarersManager: person(
    'Ellen Brook',
    'Service Manager, Northshire Young Carers',
    'voluntarySector',
  ),
  youthNetworkLead: person(
    'Joseph Amankwah',
    'Youth Work Lead, Northshire Youth Network',
    'voluntarySector',
  ),
  healthPartnershipChair: person(
    'Megan Tallis',
    'Designated Nurse and Chair of the Safeguarding Health Partnership',
    'communityHealth',
  ),
  communityNamedNurse: person(
    'Aisha Rahman',
    'Named Nurse for Safeguarding Children',
    'communityHealth',
  ),
  hospitalNamedNurse: person('Philippa Yeo', 'Named Nurse for Safeguarding Children', 'hospitals'),
  paediatrician: person('Kwame Boateng', 'Consultant Paediatrician', 'hospitals'),
  probationHead: person('Neil Harrower', 'Head of Public Protection', 'probation'),
  youthJusticeHead: person('Kieran Doyle', 'Head of Youth Justice', 'youthJustice'),

  // Independent of any agency
  scrutineer: person('Jordan Ellis', 'Independent Scrutineer', 'independent', {
    email: 'scrutineer@northshire.example',
  }),
  layMember: person('Patricia Ndlovu', 'Lay Member', 'independent'),
  qualityAssuranceChair: person(
    'Richard Ainsworth',
    'Independent Chair, Quality of Practice Performance and Assurance Group',
    'independent',
  ),
} as const satisfies Record<string, DemoPerson>;

export type PersonKey = keyof typeof DEMO_PEOPLE;
