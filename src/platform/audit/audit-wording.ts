/**
 * Every event MASA writes to the audit trail, in words: the kind of event, as the audit
 * trail's filter offers it, and what the person did, as a sentence's predicate. `{record}`
 * stands for the record's name when it can be read (a meeting, a body, a case's reference),
 * or else the general noun after it. A test fails when a service writes a code missing here.
 */
interface Wording {
  kind: string;
  did: string;
}

const w = (kind: string, did: string): Wording => ({ kind, did });

export const AUDIT_WORDING: Readonly<Record<string, Wording>> = {
  'account.created': w('Account created', 'created the account of {record|a person}'),
  'account.signed_in': w('Signed in', 'signed in'),
  'account.code_accepted': w('Second factor accepted', 'signed in with a second factor'),
  'account.mfa_enabled': w('Two-step sign-in set up', 'set up two-step sign-in'),
  'account.password_changed': w('Password changed', 'changed their password'),
  'account.recovery_codes_replaced': w('Recovery codes replaced', 'replaced their recovery codes'),
  'member.roles_changed': w('Roles changed', 'changed the roles of {record|a person}'),
  'member.access_removed': w('Access removed', 'removed the access of {record|a person}'),
  'invitation.created': w('Invitation sent', 'invited {record|a person}'),
  'invitation.accepted': w('Invitation accepted', 'accepted an invitation'),
  'invitation.revoked': w('Invitation withdrawn', 'withdrew an invitation'),
  'invitation.person_not_linked': w(
    'Invitation accepted without a registry link',
    'accepted an invitation that could not be linked to a person in the registry',
  ),
  'partnership.created': w('Partnership created', 'created the partnership'),
  'api_token.created': w('API token created', 'created an API token'),
  'api_token.revoked': w('API token revoked', 'revoked an API token'),
  viewed: w('Sensitive record viewed', 'viewed {record|a sensitive record}'),

  'agency.created': w('Agency added', 'added the agency {record|an agency}'),
  'agency.changed': w('Agency changed', 'changed the agency {record|an agency}'),
  'agency.closed': w('Agency closed', 'closed the agency {record|an agency}'),
  'person.created': w('Person added', 'added {record|a person} to the registry'),
  'person.changed': w('Person changed', 'changed the details of {record|a person}'),
  'person.closed': w('Person closed', 'closed the record of {record|a person}'),
  'person.account_linked': w('Account linked', 'linked {record|a person} to their account'),
  'body.created': w('Body added', 'added the body {record|a body}'),
  'body.changed': w('Body changed', 'changed the body {record|a body}'),
  'body.closed': w('Body closed', 'closed the body {record|a body}'),
  'body.quorum_rule_changed': w(
    'Quorum rule changed',
    'changed the quorum rule of {record|a body}',
  ),
  'body.terms_of_reference_uploaded': w(
    'Terms of reference uploaded',
    'uploaded terms of reference for {record|a body}',
  ),
  'membership.created': w('Membership added', 'added a membership'),
  'membership.changed': w('Membership changed', 'changed a membership'),
  'membership.ended': w('Membership ended', 'ended a membership'),
  'membership.imported': w('Memberships imported', 'imported people and memberships'),
  'membership.deputy_added': w('Deputy added to a membership', 'added a deputy to a membership'),
  'membership.deputy_ended': w('Deputy ended on a membership', "ended a deputy's delegation"),
  'deputy.created': w('Deputy added', 'added a deputy'),
  'deputy.ended': w('Deputy ended', "ended a deputy's delegation"),

  'arrangements.version_added': w(
    'Arrangements version added',
    'added a version of the arrangements',
  ),
  'arrangements.review_date_changed': w(
    'Arrangements review date changed',
    "changed the arrangements' yearly review date",
  ),
  'amendment_request.received': w(
    'Amendment requested',
    'asked for an amendment to the arrangements',
  ),
  'amendment_request.status_changed': w(
    'Amendment request answered',
    'changed the status of an amendment request',
  ),
  'calendar.non_working_day_added': w('Closure day added', 'added a closure day'),
  'calendar.non_working_day_removed': w('Closure day removed', 'removed a closure day'),
  'calendar.settings_changed': w(
    'Calendar settings changed',
    "changed the partnership's calendar settings",
  ),
  'calendar.timescale_changed': w('Timescale changed', 'changed a statutory timescale'),

  'meeting.scheduled': w('Meeting scheduled', 'scheduled {record|a meeting}'),
  'meeting.changed': w('Meeting changed', 'changed {record|a meeting}'),
  'meeting.cancelled': w('Meeting cancelled', 'cancelled {record|a meeting}'),
  'meeting.attendance_recorded': w(
    'Attendance recorded',
    'recorded attendance at {record|a meeting}',
  ),
  'meeting.guest_added': w('Guest added', 'added a guest to {record|a meeting}'),
  'meeting.guest_corrected': w('Guest corrected', 'corrected a guest at {record|a meeting}'),
  'meeting.guest_removed': w('Guest removed', 'removed a guest from {record|a meeting}'),
  'meeting.decision_recorded': w('Decision recorded', 'recorded a decision at {record|a meeting}'),
  'meeting.recommendation_recorded': w(
    'Recommendation recorded',
    'recorded a recommendation at {record|a meeting}',
  ),
  'meeting.ratification_ratified': w(
    'Decision ratified',
    'ratified a decision at {record|a meeting}',
  ),
  'meeting.ratification_not_ratified': w(
    'Decision not ratified',
    'recorded a decision as not ratified at {record|a meeting}',
  ),
  'meeting.ratification_deferred': w(
    'Ratification deferred',
    'deferred a ratification at {record|a meeting}',
  ),
  'meeting.agenda_published': w('Agenda published', 'published the agenda of {record|a meeting}'),
  'meeting.agenda_republished': w(
    'Agenda published again',
    'published a changed agenda of {record|a meeting}',
  ),
  'meeting.minutes_circulated': w(
    'Minutes circulated',
    'circulated the minutes of {record|a meeting}',
  ),
  'meeting.minutes_approved': w('Minutes approved', 'approved the minutes of {record|a meeting}'),
  'agenda_item.added': w('Agenda item added', 'added the agenda item {record|an agenda item}'),
  'agenda_item.changed': w(
    'Agenda item changed',
    'changed the agenda item {record|an agenda item}',
  ),
  'agenda_item.moved': w('Agenda item moved', 'moved the agenda item {record|an agenda item}'),
  'agenda_item.withdrawn': w(
    'Agenda item withdrawn',
    'withdrew the agenda item {record|an agenda item}',
  ),
  'agenda_item.minuted': w('Minutes written', 'wrote the minutes of {record|an agenda item}'),
  'agenda_item.proposed': w(
    'Agenda item proposed',
    'proposed the agenda item {record|an agenda item}',
  ),
  'agenda_item.proposal_accepted': w(
    'Proposed item accepted',
    'accepted the proposed item {record|an agenda item}',
  ),
  'agenda_item.proposal_declined': w(
    'Proposed item declined',
    'declined the proposed item {record|an agenda item}',
  ),
  'paper.added': w('Paper added', 'added a paper'),
  'paper.withdrawn': w('Paper withdrawn', 'withdrew a paper'),
  'standing_item.added': w('Standing item added', 'added a standing item'),
  'standing_item.changed': w('Standing item changed', 'changed a standing item'),
  'standing_item.moved': w('Standing item moved', 'moved a standing item'),
  'standing_item.removed': w('Standing item removed', 'removed a standing item'),
  'calendar_feed.created': w('Calendar feed created', 'created a calendar feed'),
  'calendar_feed.regenerated': w('Calendar feed regenerated', 'regenerated a calendar feed'),

  'action.recorded': w('Action recorded', 'recorded an action'),
  'action.changed': w('Action changed', 'changed an action'),
  'action.updated': w('Action update added', 'added an update to an action'),
  'action.reminder_sent': w('Action reminder sent', 'sent a reminder about an action'),
  'action.overdue_reminder_sent': w(
    'Overdue reminder sent',
    'sent a reminder about an overdue action',
  ),

  'reviews.case_opened': w('Case opened', 'opened case {record|a case}'),
  'reviews.case_closed': w('Case closed', 'closed case {record|a case}'),
  'reviews.child_recorded': w(
    "Child's details recorded",
    "recorded a child's details on case {record|a case}",
  ),
  'reviews.child_changed': w(
    "Child's details changed",
    "changed a child's details on case {record|a case}",
  ),
  'reviews.notification_changed': w(
    'Notification changed',
    'changed the notification of case {record|a case}',
  ),
  'reviews.team_member_added': w(
    'Case team member added',
    'added someone to the team of case {record|a case}',
  ),
  'reviews.team_member_removed': w(
    'Case team member removed',
    'removed someone from the team of case {record|a case}',
  ),
  'reviews.information_requested': w(
    'Information requested',
    'asked an agency for information on a case',
  ),
  'reviews.information_request_changed': w(
    'Information request changed',
    'changed an information request',
  ),
  'reviews.information_returned': w(
    'Information returned',
    "recorded an agency's returned information",
  ),
  'reviews.information_return_downloaded': w(
    'Returned information downloaded',
    'downloaded returned information on case {record|a case}',
  ),
  'reviews.rapid_review_started': w('Rapid review started', 'started a rapid review'),
  'reviews.rapid_review_meeting_linked': w(
    'Rapid review meeting set',
    "set a rapid review's meeting",
  ),
  'reviews.rapid_review_outcome_recorded': w(
    'Rapid review outcome recorded',
    "recorded a rapid review's outcome",
  ),
  'reviews.rapid_review_panel_recorded': w(
    'Panel dates recorded',
    "recorded the national Panel's dates",
  ),
  'reviews.rapid_review_report_exported': w(
    'Rapid review report downloaded',
    'downloaded the rapid review report of case {record|a case}',
  ),
  'reviews.practice_review_decided': w(
    'Practice review decided',
    'decided on a practice review for case {record|a case}',
  ),
  'reviews.practice_review_changed': w(
    'Practice review changed',
    'changed the practice review of case {record|a case}',
  ),
  'reviews.milestone_added': w('Milestone added', 'added a practice review milestone'),
  'reviews.milestone_changed': w('Milestone changed', 'changed a practice review milestone'),
  'reviews.draft_requested': w(
    'Draft requested',
    'requested a draft report on case {record|a case}',
  ),
  'reviews.delay_recorded': w('Delay recorded', 'recorded a delay on case {record|a case}'),
  'reviews.final_report_sent': w(
    'Final report sent',
    'recorded the final report sent on case {record|a case}',
  ),
  'reviews.publication_recorded': w(
    'Publication recorded',
    'recorded the publication of case {record|a case}',
  ),
  'reviews.recommendation_added': w('Recommendation added', 'added a recommendation to a case'),
  'reviews.recommendation_changed': w('Recommendation changed', "changed a case's recommendation"),
  'reviews.learning_point_added': w('Learning point added', 'added a learning point to a case'),
  'reviews.learning_point_changed': w('Learning point changed', "changed a case's learning point"),
  'reviews.learning_disseminated': w(
    'Learning shared',
    'recorded where learning from case {record|a case} was shared',
  ),
  'reviews.learning_briefing_downloaded': w(
    'Learning briefing downloaded',
    'downloaded the learning briefing of case {record|a case}',
  ),
};

/** The kinds of event in words, for the audit trail's filter, in alphabetical order. */
export const AUDIT_EVENT_KINDS = Object.entries(AUDIT_WORDING)
  .map(([action, wording]) => ({ action, kind: wording.kind }))
  .sort((a, b) => a.kind.localeCompare(b.kind, 'en-GB'));

/** A code without wording (one written before this list existed) still reads as words. */
function fallbackKind(action: string) {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const eventKind = (action: string) => AUDIT_WORDING[action]?.kind ?? fallbackKind(action);

/**
 * "Alex Morgan recorded attendance at the Partnership meeting of 29 December 2026". The
 * record's name is used only when it could be read; otherwise its general noun.
 */
export function eventSentence(action: string, actor: string | null, recordName: string | null) {
  const wording = AUDIT_WORDING[action];
  const who = actor ?? 'MASA';
  if (!wording) return `${who}: ${fallbackKind(action).toLowerCase()}`;
  const did = wording.did.replace(/\{record\|([^}]*)\}/, (_, noun: string) => recordName ?? noun);
  return `${who} ${did}`;
}
