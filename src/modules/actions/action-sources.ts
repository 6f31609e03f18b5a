import { vocabulary } from '../../platform/vocabulary.js';

/**
 * What kind of work an action came from. Meetings and reviews link their own records (an
 * agenda item, a recommendation); audits, plans and escalations are not built yet, so their
 * actions carry a written reference until those capabilities link theirs (decision 0023).
 */
export const SOURCE_KINDS = vocabulary({
  meeting: 'Meeting',
  review: 'Case review',
  audit: 'Audit',
  plan: 'Plan',
  escalation: 'Escalation',
  other: 'Other',
});

export type SourceKind = (typeof SOURCE_KINDS.values)[number];

/** The longest written source reference, e.g. "Section 11 audit 2026". */
export const SOURCE_REFERENCE_MAX = 200;

export const sourceKindName = (kind: string) => SOURCE_KINDS.names[kind as SourceKind] ?? 'Other';

/** A written source in words: its kind, then the reference as it was given. */
export const referenceSource = (kind: string, reference: string | null) =>
  `${sourceKindName(kind)}: ${reference ?? ''}`;
