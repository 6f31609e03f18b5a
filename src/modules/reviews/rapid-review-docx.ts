import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ukDate, ukTime } from '../../platform/dates.js';
import type { IsoDate } from '../../platform/working-days.js';
import { RETURN_KINDS } from './information-requests.forms.js';
import type { RequestStatus } from './information-requests.service.js';
import { LEARNING_SCOPES, OUTCOMES, REVIEW_CRITERIA_NAMES } from './rapid-reviews.forms.js';
import { CRITERIA } from './reviews.forms.js';

export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** Everything the draft report says, gathered by the rapid reviews service. */
export interface RapidReviewReportModel {
  reference: string;
  awareOn: IsoDate;
  panelNotifiedOn: IsoDate | null;
  /** When the rapid review is due to the Panel, from the case's clock. */
  dueOn: IsoDate | null;
  incidentCriteria: string[];
  children: string[];
  agencies: string[];
  requests: {
    agencyName: string;
    askedFor: string;
    requestedOn: IsoDate;
    dueOn: IsoDate;
    returnedOn: IsoDate | null;
    status: RequestStatus;
    returns: { kind: string }[];
  }[];
  meeting: {
    bodyName: string;
    startsAt: Date;
    location: string;
    quorate: boolean;
    notQuorateBecause: string | null;
    attendance: {
      present: string[];
      deputies: string[];
      apologies: string[];
      absent: string[];
      guests: string[];
    } | null;
  } | null;
  review: {
    outcome: string | null;
    learningScope: string | null;
    criteriaMet: string[];
    rationale: string | null;
    decidedOn: IsoDate | null;
    sentToPanelOn: IsoDate | null;
    panelResponseOn: IsoDate | null;
    panelResponse: string | null;
  };
}

const day = (date: IsoDate | null, otherwise: string) =>
  date ? ukDate(`${date}T12:00:00Z`) : otherwise;
const heading = (text: string, level: (typeof HeadingLevel)['HEADING_1' | 'HEADING_2']) =>
  new Paragraph({ text, heading: level });
const plain = (text: string) => new Paragraph({ text });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const bullets = (items: string[], none: string) =>
  items.length ? items.map(bullet) : [plain(none)];
const labelled = (label: string, value: string) =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
/** Typed text as paragraphs: a blank line starts a new one. */
const paragraphsOf = (text: string) =>
  text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((each) => plain(each.replace(/\r?\n/g, ' ')));

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

const marking = () =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: PROTECTIVE_MARKING, bold: true })],
  });

function incidentSection(model: RapidReviewReportModel) {
  return [
    heading('The incident', HeadingLevel.HEADING_1),
    labelled('Reference', model.reference),
    labelled('The local authority became aware', day(model.awareOn, '')),
    labelled('The national Panel was notified', day(model.panelNotifiedOn, 'Not recorded')),
    labelled(
      'The rapid review is due to the Panel by',
      day(model.dueOn, 'Not known until the notification is recorded'),
    ),
    heading('Criteria of the notification', HeadingLevel.HEADING_2),
    ...bullets(
      model.incidentCriteria.map(
        (value) => CRITERIA.names[value as keyof typeof CRITERIA.names] ?? value,
      ),
      'None recorded.',
    ),
    heading('Children', HeadingLevel.HEADING_2),
    ...bullets(model.children, 'No child recorded.'),
    heading('Agencies involved', HeadingLevel.HEADING_2),
    ...bullets(model.agencies, 'None recorded.'),
  ];
}

function returnedText(request: RapidReviewReportModel['requests'][number]) {
  if (!request.returnedOn) return request.status === 'overdue' ? 'Overdue' : 'Not yet';
  const kinds = request.returns.map(
    (each) => RETURN_KINDS.names[each.kind as keyof typeof RETURN_KINDS.names] ?? each.kind,
  );
  return kinds.length
    ? `${day(request.returnedOn, '')} (${kinds.join(', ')})`
    : day(request.returnedOn, '');
}

/** A real Word table with a repeating header row, so screen readers announce its columns. */
function requestsSection(requests: RapidReviewReportModel['requests']) {
  const title = heading('Information requested from agencies', HeadingLevel.HEADING_1);
  if (requests.length === 0) return [title, plain('No agency was asked for information.')];
  const header = new TableRow({
    tableHeader: true,
    children: ['Agency', 'Asked for', 'Requested', 'Due', 'Returned'].map((text) =>
      cell(text, true),
    ),
  });
  const rows = requests.map(
    (request) =>
      new TableRow({
        children: [
          cell(request.agencyName),
          cell(request.askedFor),
          cell(day(request.requestedOn, '')),
          cell(day(request.dueOn, '')),
          cell(returnedText(request)),
        ],
      }),
  );
  return [
    title,
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
}

function attendanceParagraphs(
  attendance: NonNullable<RapidReviewReportModel['meeting']>['attendance'],
) {
  if (!attendance) return [plain('Attendance was not recorded.')];
  const groups: [string, string[]][] = [
    ['Present', attendance.present],
    ['Represented by a deputy', attendance.deputies],
    ['Apologies', attendance.apologies],
    ['Absent', attendance.absent],
    ['Guests', attendance.guests],
  ];
  const recorded = groups.filter(([, people]) => people.length > 0);
  if (recorded.length === 0) return [plain('Attendance was not recorded.')];
  return recorded.flatMap(([title, people]) => [
    heading(title, HeadingLevel.HEADING_2),
    ...people.map(bullet),
  ]);
}

function meetingSection(meeting: RapidReviewReportModel['meeting']) {
  const title = heading('The rapid review meeting', HeadingLevel.HEADING_1);
  if (!meeting)
    return [
      title,
      plain('No meeting is linked to this rapid review: it was decided by correspondence.'),
    ];
  const where = meeting.location ? `, ${meeting.location}` : '';
  return [
    title,
    plain(`${meeting.bodyName}, ${ukDate(meeting.startsAt)}, ${ukTime(meeting.startsAt)}${where}`),
    labelled(
      'Quorum',
      meeting.quorate ? 'Quorate' : `Not quorate: ${meeting.notQuorateBecause ?? ''}`,
    ),
    ...attendanceParagraphs(meeting.attendance),
  ];
}

function outcomeSection(review: RapidReviewReportModel['review']) {
  const title = heading('Outcome', HeadingLevel.HEADING_1);
  if (!review.outcome) return [title, plain('The outcome has not been decided yet.')];
  const outcome = OUTCOMES.names[review.outcome as keyof typeof OUTCOMES.names] ?? review.outcome;
  const scope = review.learningScope
    ? [
        labelled(
          'Learning',
          LEARNING_SCOPES.names[review.learningScope as keyof typeof LEARNING_SCOPES.names] ??
            review.learningScope,
        ),
      ]
    : [];
  return [
    title,
    labelled('Outcome', outcome),
    ...scope,
    labelled('Decided on', day(review.decidedOn, 'Not recorded')),
    heading('Criteria met', HeadingLevel.HEADING_2),
    ...bullets(
      review.criteriaMet.map((value) => REVIEW_CRITERIA_NAMES[value] ?? value),
      'No criteria were recorded as met.',
    ),
    heading('Rationale', HeadingLevel.HEADING_2),
    ...paragraphsOf(review.rationale ?? ''),
  ];
}

function panelSection(review: RapidReviewReportModel['review']) {
  return [
    heading('The national Panel', HeadingLevel.HEADING_1),
    labelled('Sent to the Panel', day(review.sentToPanelOn, 'Not yet sent')),
    labelled("The Panel's response", day(review.panelResponseOn, 'Not yet received')),
    ...(review.panelResponse ? paragraphsOf(review.panelResponse) : []),
  ];
}

/** "SI-2026-007-rapid-review-report.docx": from the reference, never from a child's name. */
export function rapidReviewFileName(reference: string) {
  const safe = reference
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${safe || 'case'}-rapid-review-report.docx`;
}

/** The draft rapid review report, marked OFFICIAL-SENSITIVE at the head and foot of every page. */
export function rapidReviewDocx(model: RapidReviewReportModel): Promise<Buffer> {
  const title = `Rapid review report: ${model.reference}`;
  const document = new Document({
    title,
    creator: 'MASA',
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: { default: new Footer({ children: [marking()] }) },
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          plain('Draft for the safeguarding partners, assembled from what the case team recorded.'),
          ...incidentSection(model),
          ...requestsSection(model.requests),
          ...meetingSection(model.meeting),
          ...outcomeSection(model.review),
          ...panelSection(model.review),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
