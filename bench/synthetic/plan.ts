/**
 * One synthetic partnership as records in memory, before they become rows. Records point at
 * each other by index into their lists; ids are given when a record is planned. Times are
 * milliseconds, calendar dates are days (timeline.ts). The bulkiest records (action updates,
 * audit events) are held in typed arrays instead (action-updates.ts, audit-log.ts).
 */
import type { Role } from '../../src/platform/policy.js';
import type { ActionUpdates } from './action-updates.js';
import type { AuditLog } from './audit-log.js';
import type { PartnershipShape } from './shapes.js';
import type { Day, Timeline } from './timeline.js';

export interface AgencyPlan {
  id: string;
  name: string;
  agencyType: string;
  isSafeguardingPartner: boolean;
  isRelevantAgency: boolean;
  createdMs: number;
  closedMs: number | null;
}

export interface PersonPlan {
  id: string;
  fullName: string;
  jobTitle: string;
  agency: number;
  email: string;
  phone: string | null;
  account: number | null;
  createdMs: number;
  closedMs: number | null;
}

export interface AccountPlan {
  id: string;
  person: number;
  roles: Role[];
  createdMs: number;
}

export interface StandingItemPlan {
  id: string;
  title: string;
  presenter: string;
  durationMinutes: number;
}

export interface BodyPlan {
  id: string;
  name: string;
  bodyType: string;
  reportsTo: number | null;
  purpose: string;
  cadence: string;
  cadenceNote: string | null;
  chair: { person: number; appointedOn: Day; reviewed: boolean } | null;
  viceChair: { person: number; appointedOn: Day; reviewed: boolean } | null;
  businessOfficer: number | null;
  termsOfReferenceReviewDueOn: Day | null;
  quorumUsesPartners: boolean;
  minimumHeadCount: number | null;
  /** Its seats in full (10-40); fewer in shapes with fewer memberships than seats. */
  seats: number;
  opensOn: Day;
  /** The last day it met, for a time-limited group; null while it is open. */
  closesOn: Day | null;
  createdMs: number;
  closedMs: number | null;
  startMinutes: number;
  location: string;
  standingItems: StandingItemPlan[];
}

export type Induction = 'complete' | 'partial' | 'not_started';

export interface MembershipPlan {
  id: string;
  body: number;
  person: number;
  status: string;
  agency: number;
  decisionMaking: boolean;
  startsOn: Day;
  endsOn: Day | null;
  induction: Induction;
  createdMs: number;
  deputies: number[];
}

export interface DeputyPlan {
  id: string;
  membership: number;
  person: number;
  startsOn: Day;
  endsOn: Day | null;
  createdMs: number;
}

export interface MeetingPlan {
  id: string;
  body: number;
  day: Day;
  startsMs: number;
  endsMs: number;
  location: string;
  createdMs: number;
  cancelReason: string | null;
  cancelledMs: number | null;
  agendaPublishedMs: number | null;
  minutesStatus: 'draft' | 'circulated' | 'approved';
  minutesCirculatedMs: number | null;
  minutesApprovedMs: number | null;
  minutesApprovedAtMeeting: number | null;
  /** Indexes into the plan's agenda items and attendance: [first, end). */
  items: [number, number];
  attendance: [number, number];
  quorate: boolean;
  held: boolean;
  version: number;
}

export interface AgendaItemPlan {
  id: string;
  meeting: number;
  position: number;
  title: string;
  presenter: string;
  durationMinutes: number | null;
  purpose: string;
  origin: string;
  proposedBy: number | null;
  ratifiesDecision: number | null;
  approvesMinutesOf: number | null;
  minutes: string;
  createdMs: number;
  minutedMs: number | null;
}

export interface AttendancePlan {
  id: string;
  meeting: number;
  membership: number | null;
  status: string;
  deputy: number | null;
  guestName: string | null;
  guestRole: string | null;
}

export interface DecisionPlan {
  id: string;
  meeting: number;
  item: number;
  text: string;
  kind: 'decision' | 'recommendation';
  needsRatification: boolean;
  ratifyingBody: number | null;
  ratifiesDecision: number | null;
  ratificationOutcome: string | null;
  quorate: boolean;
  recordedBy: number;
  createdMs: number;
}

export interface ActionPlan {
  id: string;
  title: string;
  item: number | null;
  recommendation: number | null;
  owner: number;
  dueOn: Day;
  status: string;
  closingEvidence: string | null;
  cancelReason: string | null;
  reminderMs: number | null;
  overdueReminderMs: number | null;
  createdBy: number;
  createdMs: number;
  updates: number;
}

export interface ChildPlan {
  id: string;
  name: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  address: string | null;
}

export interface InformationRequestPlan {
  id: string;
  agency: number;
  askedFor: string;
  requestedOn: Day;
  dueOn: Day;
  returnedOn: Day | null;
  returned: { id: string; fileId: string; kind: string; uploadedBy: number; ms: number } | null;
  createdMs: number;
}

export interface PracticeReviewPlan {
  decidedOn: Day;
  methodology: string;
  reviewers: string;
  termsOfReference: string;
  targetOn: Day;
  finalReportSentOn: Day | null;
  publishedOn: Day | null;
  publicationUrl: string | null;
  notPublishedReason: string | null;
  milestones: { id: string; title: string; dueOn: Day; status: string }[];
  draftRequests: { id: string; requestedOn: Day; request: string }[];
  delays: { id: string; reason: string; revisedOn: Day; ms: number }[];
  createdMs: number;
}

export interface RecommendationPlan {
  id: string;
  case: number;
  number: number;
  text: string;
  agencies: number[];
  createdMs: number;
}

export interface CasePlan {
  id: string;
  reference: string;
  kind: 'serious_incident' | 'good_practice';
  awareOn: Day;
  criteria: string[];
  panelNotifiedOn: Day | null;
  ofstedNotifiedOn: Day | null;
  partnersNotifiedOn: Day | null;
  createdBy: number;
  createdMs: number;
  closedMs: number | null;
  closeReason: string | null;
  children: ChildPlan[];
  agencies: number[];
  team: { id: string; account: number; addedBy: number; ms: number; removedMs: number | null }[];
  rapidReview: {
    createdMs: number;
    meeting: number | null;
    outcome: string | null;
    learningScope: string | null;
    criteriaMet: string[];
    rationale: string | null;
    decidedOn: Day | null;
    sentToPanelOn: Day | null;
    panelResponseOn: Day | null;
    panelResponse: string | null;
    requests: InformationRequestPlan[];
  } | null;
  practiceReview: PracticeReviewPlan | null;
  recommendations: number[];
  learningPoints: { id: string; text: string; ms: number }[];
  disseminations: {
    id: string;
    body: number | null;
    agency: number | null;
    on: Day;
    ms: number;
  }[];
}

export interface PartnershipPlan {
  index: number;
  id: string;
  name: string;
  slug: string;
  domain: string;
  shape: PartnershipShape;
  timeline: Timeline;
  createdMs: number;
  agencies: AgencyPlan[];
  /** Indexes of the four safeguarding partners and of the independent members' agency. */
  partners: number[];
  independent: number;
  businessUnit: number;
  people: PersonPlan[];
  accounts: AccountPlan[];
  bodies: BodyPlan[];
  memberships: MembershipPlan[];
  deputies: DeputyPlan[];
  meetings: MeetingPlan[];
  agendaItems: AgendaItemPlan[];
  attendance: AttendancePlan[];
  decisions: DecisionPlan[];
  actions: ActionPlan[];
  actionUpdates: ActionUpdates;
  cases: CasePlan[];
  recommendations: RecommendationPlan[];
  audit: AuditLog;
}
