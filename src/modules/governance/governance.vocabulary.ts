/** The registry's fixed lists, with the words people read. Stored values never change. */

import { vocabulary } from '../../platform/vocabulary.js';

export const AGENCY_TYPES = vocabulary({
  local_authority: 'Local authority',
  childrens_trust: "Children's trust",
  police: 'Police',
  health_commissioner: 'Health commissioner',
  health_provider: 'Health provider',
  education: 'Education',
  probation: 'Probation',
  youth_justice: 'Youth justice',
  voluntary_community: 'Voluntary and community sector',
  other: 'Other',
});

export const BODY_TYPES = vocabulary({
  partnership: 'Partnership',
  executive: "Executive or chairs' forum",
  sub_group: 'Sub-group',
  priority_group: 'Priority group',
  reference_group: 'Reference group',
  task_and_finish: 'Task and finish group',
  other_board: 'Other board',
});

export const CADENCES = vocabulary({
  monthly: 'Monthly',
  bi_monthly: 'Bi-monthly',
  quarterly: 'Quarterly',
  custom: 'Custom',
});

export const MEMBERSHIP_STATUSES = vocabulary({
  safeguarding_partner: 'Safeguarding partner',
  relevant_partner: 'Relevant partner',
  participant_observer: 'Participant observer',
  co_opted: 'Co-opted',
  independent_scrutineer: 'Independent scrutineer',
  business_support: 'Business support',
  lay_member: 'Lay member',
});

/** The induction of section 20, in the order the business manager goes through it. */
export const INDUCTION_ITEMS = [
  { field: 'inductionBooklet', text: 'Induction booklet' },
  { field: 'inductionTemplates', text: 'Templates' },
  { field: 'inductionStandards', text: 'Standards and expectations' },
  { field: 'inductionReporting', text: 'Reporting schedules, governance and accountability' },
] as const;

export type AgencyType = (typeof AGENCY_TYPES.values)[number];
export type BodyType = (typeof BODY_TYPES.values)[number];
export type Cadence = (typeof CADENCES.values)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES.values)[number];

/** GOV.UK radio or select items for a vocabulary, with one value chosen. */
export function choiceItems(
  list: { values: readonly string[]; names: Record<string, string> },
  selected?: unknown,
) {
  return list.values.map((value) => ({
    value,
    text: list.names[value],
    checked: value === selected,
    selected: value === selected,
  }));
}

/** GOV.UK select items for records, with a first "none" choice and one record chosen. */
export function selectItems(rows: { id: string; text: string }[], selected: unknown, none: string) {
  return [
    { value: '', text: none },
    ...rows.map((row) => ({ value: row.id, text: row.text, selected: row.id === selected })),
  ];
}
