import { STAGE_NAMES, URGENCY_NAMES, type DeadlineKey } from '../reviews/case-progress.js';
import { CASE_KINDS, CRITERIA } from '../reviews/reviews.forms.js';
import {
  choice,
  day,
  described,
  flag,
  id,
  listOf,
  optionalDay,
  optionalRef,
  optionalText,
  optionalTime,
  record,
  text,
} from './api-schema-parts.js';

const DEADLINE_KEYS: readonly DeadlineKey[] = [
  'notify_panel',
  'notify_ofsted',
  'tell_partners',
  'rapid_review',
  'panel_response',
  'final_report',
  'publication',
];

const deadlineKey = described(choice(DEADLINE_KEYS), 'Which clock it is.');
const workingDaysLeft = described(
  { type: 'integer' },
  'Working days from today (UK) to the due date; negative when it has passed.',
);
const urgency = described(
  choice(Object.keys(URGENCY_NAMES)),
  'overdue, due_soon (within 3 working days) or on_track.',
);

/** What everyone in the partnership may know of a case: no child, no detail. */
const caseProperties = {
  id,
  reference: text,
  kind: choice(CASE_KINDS.values),
  stage: choice(Object.keys(STAGE_NAMES)),
  nextDeadline: described(
    optionalRef('NextDeadline'),
    'The earliest statutory deadline not yet met; null when none is running.',
  ),
};

/** Case reviews as the API shows them: the list to everyone, the whole case to its team. */
export const CASE_SCHEMAS = [
  record('NextDeadline', 'The statutory deadline a case must meet next.', {
    key: deadlineKey,
    name: text,
    dueOn: day,
    workingDaysLeft,
    urgency,
  }),
  record(
    'Case',
    'A serious incident or good-practice case: only its reference, stage and clock.',
    caseProperties,
  ),
  record('CaseDeadline', 'One of a case’s clocks, met or not.', {
    key: deadlineKey,
    name: text,
    dueOn: day,
    metOn: described(optionalDay, 'When it was met; null while it is open.'),
    met: described(choice(['on_time', 'late', 'open']), 'Met on time, met late, or still open.'),
    statutory: described(flag, 'false for the Panel’s response, which is only expected.'),
    basis: described(text, 'Where the timescale comes from, in words.'),
  }),
  record('CaseChild', 'A child the case concerns: for the case team only.', {
    position: described({ type: 'integer', minimum: 1, maximum: 4 }, 'The order they were named.'),
    name: text,
    dateOfBirth: optionalDay,
    nhsNumber: optionalText,
    address: optionalText,
  }),
  record('CaseTeamMember', 'Someone on the case team, who may open the case.', {
    userId: id,
    name: text,
  }),
  record('CaseDetail', 'The whole case, for its case team; every read is audited.', {
    ...caseProperties,
    awareOn: described(day, 'When the local authority became aware (good practice: referred).'),
    criteria: { type: 'array', items: choice(CRITERIA.values) },
    panelNotifiedOn: optionalDay,
    ofstedNotifiedOn: optionalDay,
    partnersNotifiedOn: optionalDay,
    closedAt: described(optionalTime, 'When the case was closed; null while it is open.'),
    deadlines: listOf('CaseDeadline'),
    children: listOf('CaseChild'),
    agencies: described(listOf('Reference'), 'The agencies involved.'),
    team: listOf('CaseTeamMember'),
  }),
];
