import {
  ATTENDANCE_STATUSES,
  ITEM_PURPOSES,
  MINUTES_STATUSES,
  RATIFICATION_OUTCOMES,
} from '../meetings/meetings.vocabulary.js';
import {
  choice,
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

const time = { type: 'string', format: 'date-time' } as const;
const optionalId = { type: ['string', 'null'], format: 'uuid' } as const;
const count = { type: 'integer', minimum: 0 } as const;

const meetingProperties = {
  id,
  body: ref('Reference'),
  startsAt: time,
  endsAt: time,
  location: text,
  status: choice(['scheduled', 'cancelled']),
  cancelReason: described(optionalText, 'Why it was cancelled; null unless it was.'),
  agendaPublishedAt: described(optionalTime, 'When the agenda was last published.'),
  minutesStatus: choice(MINUTES_STATUSES.values),
};

/** Meetings as the API shows them: agenda, attendance, quorum and decisions. */
export const MEETING_SCHEMAS = [
  record('Meeting', 'A meeting of one of the partnership’s bodies.', meetingProperties),
  record('AgendaItem', 'An item of a meeting’s agenda, in order.', {
    id,
    title: text,
    presenter: text,
    durationMinutes: { type: ['integer', 'null'], minimum: 1 },
    purpose: choice(ITEM_PURPOSES.values),
    origin: described(
      choice(['standing', 'added', 'proposed', 'ratification', 'minutes_approval']),
      'Where the item came from.',
    ),
    withdrawn: flag,
  }),
  record('AttendanceRecord', 'A member of the body on the meeting’s day and what is recorded.', {
    membershipId: id,
    person: text,
    agency: described(ref('Reference'), 'The agency the member represents.'),
    decisionMaking: flag,
    status: described(
      { type: ['string', 'null'], enum: [...ATTENDANCE_STATUSES.values, null] },
      'present, apologies, absent or deputy; null while nothing is recorded.',
    ),
    deputy: described(optionalText, 'The named deputy who came in their place.'),
  }),
  record('Guest', 'Someone at the meeting who holds no seat on the body.', {
    name: text,
    role: optionalText,
  }),
  record('QuorumResult', 'Whether the meeting may decide, on what is recorded (section 21).', {
    quorate: flag,
    recorded: described(flag, 'False while no attendance is recorded.'),
    missingAgencies: described(listOf('Reference'), 'Required agencies not represented.'),
    headCount: described(count, 'People present who count towards the quorum.'),
    headCountShortfall: described(count, 'How many more are needed.'),
  }),
  record('Decision', 'A decision or recommendation recorded on an agenda item.', {
    id,
    agendaItemId: id,
    text,
    kind: choice(['decision', 'recommendation']),
    quorate: described(flag, 'Whether the meeting was quorate when it was recorded.'),
    needsRatification: flag,
    ratifyingBody: optionalRef('Reference'),
    ratifiesDecisionId: described(optionalId, 'The decision this one ratifies, if any.'),
    ratificationOutcome: {
      type: ['string', 'null'],
      enum: [...RATIFICATION_OUTCOMES.values, null],
    },
    ratificationState: described(
      optionalText,
      'Where its ratification stands, in words, e.g. "Ratified by … on …".',
    ),
    recordedAt: time,
  }),
  record('MeetingDetail', 'A meeting with its agenda, attendance, quorum and decisions.', {
    ...meetingProperties,
    agenda: listOf('AgendaItem'),
    attendance: listOf('AttendanceRecord'),
    guests: listOf('Guest'),
    quorum: ref('QuorumResult'),
    decisions: listOf('Decision'),
  }),
];
