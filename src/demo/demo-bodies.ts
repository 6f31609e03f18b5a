import type { BodyType, Cadence } from '../modules/governance/governance.vocabulary.js';
import { monthsAgo, monthsAhead, type DemoDate } from './demo-dates.js';
import type { PersonKey } from './demo-people.js';

export type BodyKey =
  | 'partnership'
  | 'chairsForum'
  | 'qualityAssurance'
  | 'learningAndTraining'
  | 'practiceReviews'
  | 'childExploitation'
  | 'tacklingNeglect'
  | 'childDeathOverview'
  | 'safeguardingLeads'
  | 'healthPartnership'
  | 'voluntarySectorForum'
  | 'councilScrutiny'
  | 'trustBoard'
  | 'policeAndCrimeCommissioner'
  | 'commissionerGoverningBody';

/** A chair or vice-chair; their yearly review (section 20) falls a year after `appointedOn`. */
export interface DemoChair {
  person: PersonKey;
  appointedOn: DemoDate;
  /** False for the Partnership's own chair, who holds the chair by office. */
  reviewedYearly?: boolean;
}

/**
 * Section 21: 'partners' when the four safeguarding partners must be present; a head count
 * for bodies that take no decisions on the Partnership's behalf.
 */
export type DemoQuorum = 'partners' | { minimumHeadCount: number };

export interface DemoBody {
  name: string;
  bodyType: BodyType;
  reportsTo: BodyKey | null;
  purpose: string;
  cadence: Cadence;
  /** Required when the cadence is custom; read after "meets". */
  cadenceNote?: string;
  chair?: DemoChair;
  viceChair?: DemoChair;
  businessOfficer?: PersonKey;
  termsOfReferenceReviewDueOn?: DemoDate;
  quorum: DemoQuorum;
}

const REPORTING_BOARDS = {
  councilScrutiny: "Northshire Council Children's Services Scrutiny Committee",
  trustBoard: "Northshire Children's Trust Board",
  policeAndCrimeCommissioner: 'Northshire Police and Crime Commissioner',
  commissionerGoverningBody: 'Northshire Clinical Commissioning Group Governing Body',
} as const;

/** The four bodies the Partnership reports to (section 7): each on its own timetable. */
function reportingBoard(name: string, purpose: string): DemoBody {
  return {
    name,
    bodyType: 'other_board',
    reportsTo: null,
    purpose: `${purpose} Receives the Partnership's reports on progress against its business plan and its annual report.`,
    cadence: 'custom',
    cadenceNote: "on its own timetable, receiving the Partnership's reports",
    // Its own standing orders decide its quorum; the demo records a head count only.
    quorum: { minimumHeadCount: 3 },
  };
}

/**
 * The governance structure of sections 11 to 15, in the order it is created (a body
 * after the body it reports to).
 *
 * Reporting lines: the tree has one parent per body. The Chairs Consultation Forum reports
 * to the Partnership. The two priority groups report to the forum (section 11), and so do
 * the four other sub-groups: their chairs report progress at the forum (section 20), which
 * sets the Partnership's agenda, and their key decisions go on up to the Partnership for
 * ratification (section 21). The reference groups report to the Partnership directly
 * (section 14: primary accountability to the Partnership). The four reporting bodies of
 * section 7 are roots: the Partnership reports to all four, which its purpose says.
 *
 * Quorum (section 21): the Partnership and every group doing its business (the forum, the
 * sub-groups, the priority groups) need the four safeguarding partners present. The
 * reference groups take a head count instead: they carry communication and advice to and
 * from their networks (section 14), the Partnership's functions are delegated to its
 * sub-groups (section 17), and anything they would decide goes up for ratification. The
 * reporting bodies follow their own standing orders; the demo records a head count.
 */
export const DEMO_BODIES: Record<BodyKey, DemoBody> = {
  partnership: {
    name: 'Northshire Safeguarding Children Partnership',
    bodyType: 'partnership',
    reportsTo: null,
    purpose: [
      'The decision-making body that oversees the multi-agency plan to protect children and safeguard their welfare in Northshire.',
      "It is led jointly and equally by the four safeguarding partners: Northshire Council, Northshire Children's Trust, Northshire Police and Northshire Clinical Commissioning Group.",
      'It reviews progress, assesses the strengths and areas for development of the local safeguarding system, and ratifies the delivery plans of its sub-groups.',
      `It reports on progress against its business plan to all four of: the ${Object.values(REPORTING_BOARDS).join(', the ')}.`,
    ].join(' '),
    cadence: 'bi_monthly',
    chair: {
      person: 'directorOfChildrensServices',
      appointedOn: '2019-04-01',
      reviewedYearly: false,
    },
    businessOfficer: 'businessManager',
    termsOfReferenceReviewDueOn: monthsAhead(9),
    quorum: 'partners',
  },
  chairsForum: {
    name: 'Chairs Consultation Forum',
    bodyType: 'executive',
    reportsTo: 'partnership',
    purpose:
      "Priority leads, sub-group chairs, the independent scrutineer and the business officers meet before each Partnership meeting to co-ordinate and arbitrate the Partnership's work: they track progress and impact measures for each priority of the business plan, raise key safeguarding matters and set the agenda for the Partnership.",
    cadence: 'bi_monthly',
    cadenceNote: 'before each Partnership meeting',
    // Chaired by the Partnership's chair (section 15), so not reviewed as a sub-group chair.
    chair: {
      person: 'directorOfChildrensServices',
      appointedOn: '2021-09-01',
      reviewedYearly: false,
    },
    businessOfficer: 'businessManager',
    termsOfReferenceReviewDueOn: monthsAhead(9),
    quorum: 'partners',
  },
  qualityAssurance: {
    name: 'Quality of Practice Performance and Assurance Group',
    bodyType: 'sub_group',
    reportsTo: 'chairsForum',
    purpose:
      'Seeks assurance that agencies safeguard children effectively by working together: it monitors performance through multi-agency audits and partner data, the views of practitioners and the voices of children and families, spots emerging trends and recommends improvements. Independently chaired; reports progress against the business plan at the end of July, October, January and April.',
    cadence: 'bi_monthly',
    chair: { person: 'qualityAssuranceChair', appointedOn: monthsAgo(11) },
    viceChair: { person: 'trustQualityDirector', appointedOn: monthsAgo(4) },
    businessOfficer: 'businessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(5),
    quorum: 'partners',
  },
  learningAndTraining: {
    name: 'Learning Development and Training Group',
    bodyType: 'sub_group',
    reportsTo: 'chairsForum',
    purpose:
      'Makes sure single-agency and multi-agency safeguarding training reaches everyone who works with children: it completes a training needs analysis, commissions and delivers training, keeps the trainer pool and evaluates the impact of training on practice.',
    cadence: 'bi_monthly',
    chair: { person: 'principalSocialWorker', appointedOn: monthsAgo(14) },
    viceChair: { person: 'communityNamedNurse', appointedOn: monthsAgo(6) },
    businessOfficer: 'secondBusinessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(2),
    quorum: 'partners',
  },
  practiceReviews: {
    name: 'Learning from Practice Reviews Group',
    bodyType: 'sub_group',
    reportsTo: 'chairsForum',
    purpose:
      'The child safeguarding practice review group: it oversees serious incidents, convenes rapid reviews, commissions and publishes local child safeguarding practice reviews, monitors their action plans and spreads the learning, including from good practice, across the partnership. Reports on its activity to each Partnership meeting.',
    cadence: 'quarterly',
    chair: { person: 'designatedNurse', appointedOn: monthsAgo(5) },
    viceChair: { person: 'detectiveChiefInspector', appointedOn: monthsAgo(5) },
    businessOfficer: 'businessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(8),
    quorum: 'partners',
  },
  childExploitation: {
    name: 'Child Exploitation Board',
    bodyType: 'priority_group',
    reportsTo: 'chairsForum',
    purpose:
      'Priority group: co-ordinates the work to protect children from sexual and criminal exploitation and modern slavery, and children missing from home and education.',
    cadence: 'monthly',
    chair: { person: 'publicProtectionHead', appointedOn: monthsAgo(11, 10) },
    viceChair: { person: 'exploitationHead', appointedOn: monthsAgo(8) },
    businessOfficer: 'businessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(3),
    quorum: 'partners',
  },
  tacklingNeglect: {
    name: 'Tackling Neglect Group',
    bodyType: 'priority_group',
    reportsTo: 'chairsForum',
    purpose:
      'Priority group: improves how agencies identify and respond to neglect, including putting a graded care profile assessment tool into everyday use.',
    cadence: 'bi_monthly',
    chair: { person: 'earlyHelpHead', appointedOn: monthsAgo(7) },
    viceChair: { person: 'primaryHeadteacher', appointedOn: monthsAgo(7) },
    businessOfficer: 'secondBusinessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(6),
    quorum: 'partners',
  },
  childDeathOverview: {
    name: 'Vale and Northshire Child Death Overview Panel',
    bodyType: 'sub_group',
    reportsTo: 'chairsForum',
    purpose:
      'Reviews the deaths of children in Northshire and the neighbouring Vale areas together, to understand how and why local children die, and uses what it finds to prevent other deaths and improve the health and safety of children.',
    cadence: 'custom',
    cadenceNote: 'every six weeks, as one panel for Northshire and the Vale areas',
    chair: { person: 'publicHealthConsultant', appointedOn: monthsAgo(3) },
    viceChair: { person: 'designatedDoctor', appointedOn: monthsAgo(9) },
    businessOfficer: 'secondBusinessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(10),
    quorum: 'partners',
  },
  safeguardingLeads: {
    name: 'Designated Safeguarding Leads Group',
    bodyType: 'reference_group',
    reportsTo: 'partnership',
    purpose:
      "Reference group linking schools and early years settings with the Partnership: seeks assurance on their safeguarding practice, including the yearly section 175 audit, and carries the Partnership's developments back to the network.",
    cadence: 'quarterly',
    chair: { person: 'educationSafeguardingLead', appointedOn: monthsAgo(6) },
    viceChair: { person: 'secondaryDsl', appointedOn: monthsAgo(2) },
    businessOfficer: 'secondBusinessOfficer',
    // Its terms of reference are reviewed yearly; this year's review is late.
    termsOfReferenceReviewDueOn: monthsAgo(0, 20),
    quorum: { minimumHeadCount: 4 },
  },
  healthPartnership: {
    name: 'Northshire Safeguarding Health Partnership',
    bodyType: 'reference_group',
    reportsTo: 'partnership',
    purpose:
      'Reference group that speaks for health commissioners and providers: briefs the Partnership on health and safeguarding issues for children and families, keeps safeguarding practice consistent across the health economy and tracks health recommendations from statutory and regulatory bodies.',
    cadence: 'bi_monthly',
    chair: { person: 'healthPartnershipChair', appointedOn: monthsAgo(9) },
    viceChair: { person: 'hospitalNamedNurse', appointedOn: monthsAgo(9) },
    businessOfficer: 'businessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(4),
    quorum: { minimumHeadCount: 4 },
  },
  voluntarySectorForum: {
    name: 'Voluntary and Community Sector Forum',
    bodyType: 'reference_group',
    reportsTo: 'partnership',
    purpose:
      'Reference group carrying two-way communication between the Partnership and the voluntary and community organisations that support children and families, and promoting their part in early help.',
    cadence: 'quarterly',
    chair: { person: 'voluntarySectorChiefExecutive', appointedOn: monthsAgo(4) },
    viceChair: { person: 'voluntarySectorSafeguardingOfficer', appointedOn: monthsAgo(4) },
    businessOfficer: 'secondBusinessOfficer',
    termsOfReferenceReviewDueOn: monthsAhead(7),
    quorum: { minimumHeadCount: 4 },
  },
  councilScrutiny: reportingBoard(
    REPORTING_BOARDS.councilScrutiny,
    "Scrutinises the council's services for children.",
  ),
  trustBoard: reportingBoard(
    REPORTING_BOARDS.trustBoard,
    "Governs the children's trust that delivers children's social care for the council.",
  ),
  policeAndCrimeCommissioner: reportingBoard(
    REPORTING_BOARDS.policeAndCrimeCommissioner,
    "Holds the chief constable to account for the force's duties to safeguard children and promote their welfare.",
  ),
  commissionerGoverningBody: reportingBoard(
    REPORTING_BOARDS.commissionerGoverningBody,
    "Governs the commissioning of the area's health services, and their compliance with safeguarding standards.",
  ),
};
