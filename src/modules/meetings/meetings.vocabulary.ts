import { vocabulary } from '../../platform/vocabulary.js';

export const ITEM_PURPOSES = vocabulary({
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
  ratification: 'For ratification',
});

export const ATTENDANCE_STATUSES = vocabulary({
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  deputy: 'Represented by a deputy',
});

export const MINUTES_STATUSES = vocabulary({
  draft: 'Draft',
  circulated: 'Circulated',
  approved: 'Approved',
});

export const RATIFICATION_OUTCOMES = vocabulary({
  ratified: 'Ratified',
  not_ratified: 'Not ratified',
  deferred: 'Deferred',
});

export type ItemPurpose = (typeof ITEM_PURPOSES.values)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES.values)[number];
export type RatificationOutcome = (typeof RATIFICATION_OUTCOMES.values)[number];
