import type { AgencyType } from '../modules/governance/governance.vocabulary.js';

export interface DemoAgency {
  name: string;
  agencyType: AgencyType;
  isSafeguardingPartner: boolean;
  isRelevantAgency: boolean;
}

const partner = (name: string, agencyType: AgencyType): DemoAgency => ({
  name,
  agencyType,
  isSafeguardingPartner: true,
  isRelevantAgency: false,
});

const relevant = (name: string, agencyType: AgencyType): DemoAgency => ({
  name,
  agencyType,
  isSafeguardingPartner: false,
  isRelevantAgency: true,
});

/**
 * The agencies of the fictional Northshire area. Sections 2 and 11: four safeguarding
 * partners (the council, the children's trust that runs children's social care, the police
 * and the health commissioner, a Clinical Commissioning Group as the document says); the
 * relevant agencies of the membership table (education, the voluntary and community sector,
 * health providers) and a few more that a partnership works with.
 */
export const DEMO_AGENCIES = {
  council: partner('Northshire Council', 'local_authority'),
  childrensTrust: partner("Northshire Children's Trust", 'childrens_trust'),
  police: partner('Northshire Police', 'police'),
  healthCommissioner: partner('Northshire Clinical Commissioning Group', 'health_commissioner'),
  education: relevant('Northshire Education Advisory Group', 'education'),
  voluntarySector: relevant('Northshire Council for Voluntary Service', 'voluntary_community'),
  communityHealth: relevant('Northshire Community Health NHS Trust', 'health_provider'),
  hospitals: relevant('Vale and Northshire Hospitals NHS Trust', 'health_provider'),
  probation: relevant('Northshire Probation Service', 'probation'),
  youthJustice: relevant('Northshire Youth Justice Service', 'youth_justice'),
  /** The lay member, the independent scrutineer and the independent chair belong to no agency. */
  independent: {
    name: 'Independent and lay members',
    agencyType: 'other',
    isSafeguardingPartner: false,
    isRelevantAgency: false,
  },
} as const satisfies Record<string, DemoAgency>;

export type AgencyKey = keyof typeof DEMO_AGENCIES;

export const isPartnerAgency = (key: AgencyKey) => DEMO_AGENCIES[key].isSafeguardingPartner;
