import { MAX_VERSION } from '../../platform/form-fields.js';
import { ACTION_STATUSES } from '../actions/action-status.js';
import {
  choice,
  day,
  described,
  flag,
  id,
  listOf,
  optionalRef,
  optionalText,
  optionalTime,
  record,
  ref,
  text,
} from './api-schema-parts.js';

const status = described(
  choice(ACTION_STATUSES.values),
  'open, in_progress, done, closed (with evidence) or cancelled (with a reason).',
);
const time = { type: 'string', format: 'date-time' } as const;

const actionProperties = {
  id,
  title: text,
  source: described(ref('ActionSource'), 'Where the action came from.'),
  owner: ref('Reference'),
  agency: described(ref('Reference'), 'The owner’s agency.'),
  dueOn: day,
  status,
  overdue: described(flag, 'Derived: still open or in progress and due before today (UK).'),
  closingEvidence: optionalText,
  cancelReason: optionalText,
  version: described(
    { type: 'integer', minimum: 1 },
    'Send it back with an update: a stale version is refused with 409.',
  ),
  lastUpdateAt: optionalTime,
};

/** The action log's records as the API shows and accepts them. */
export const ACTION_SCHEMAS = [
  record(
    'ActionSource',
    'Where an action came from: its kind, and the meeting item, the review recommendation (by the review’s reference only) or the reference it was given in words.',
    {
      type: described(
        choice(['meeting_item', 'review_recommendation', 'reference']),
        'How the source is held: a linked record, or a reference in words.',
      ),
      kind: choice(['meeting', 'review', 'audit', 'plan', 'escalation', 'other']),
      reference: described(optionalText, 'The source in words, when no record is linked.'),
      itemTitle: optionalText,
      meetingId: { type: ['string', 'null'], format: 'uuid' },
      meetingStartsAt: optionalTime,
      body: optionalRef('Reference'),
      reviewReference: described(optionalText, 'The case review’s reference, e.g. SI-2026-007.'),
      recommendationNumber: { type: ['integer', 'null'], minimum: 1 },
    },
  ),
  record('Action', 'One entry in the partnership’s single action log.', actionProperties),
  record('ActionUpdate', 'A dated update on an action.', {
    id,
    note: text,
    statusBefore: status,
    statusAfter: status,
    writtenBy: described(optionalText, 'Who wrote it; null when written by the system.'),
    writtenAt: time,
  }),
  record('ActionDetail', 'An action and its dated updates, newest first.', {
    ...actionProperties,
    updates: listOf('ActionUpdate'),
  }),
  record('NewAction', 'An action to record on an item of a meeting.', {
    meetingId: id,
    itemId: described(id, 'The agenda item of that meeting.'),
    title: text,
    ownerPersonId: described(id, 'The person who owns it; their agency follows.'),
    dueOn: described(day, 'Today or later.'),
  }),
  record(
    'NewActionUpdate',
    'What was done and the status now. Closing needs the evidence, cancelling the reason.',
    {
      note: text,
      status,
      closingEvidence: text,
      cancelReason: text,
      version: described(
        { type: 'integer', minimum: 1, maximum: MAX_VERSION },
        'The version you read: a stale one is refused with 409.',
      ),
    },
    ['closingEvidence', 'cancelReason'],
  ),
];
