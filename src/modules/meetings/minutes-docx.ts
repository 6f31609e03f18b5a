import {
  Document,
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
import { ACTION_STATUSES } from '../actions/action-status.js';
import type { ActionLine, AttendanceLine, DecisionLine } from './minutes-export.repository.js';
import { ITEM_PURPOSES, RATIFICATION_OUTCOMES } from './meetings.vocabulary.js';

/** Everything the Word minutes say about one meeting, gathered by the export service. */
export interface MinutesDocumentModel {
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  statusLine: string;
  /** Whether the agenda was ever published: decisions at a meeting without one say so. */
  agendaPublished: boolean;
  attendance: AttendanceLine[];
  items: {
    title: string;
    purpose: string;
    presenter: string;
    minutes: string;
    papers: string[];
    decisions: DecisionLine[];
  }[];
  actions: ActionLine[];
}

const heading = (text: string, level: (typeof HeadingLevel)['HEADING_1' | 'HEADING_2']) =>
  new Paragraph({ text, heading: level });
const plain = (text: string) => new Paragraph({ text });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const named = (names: Record<string, string>, value: string | null) =>
  value ? (names[value] ?? value) : '';

/** Attendance in the groups minutes conventionally list, each group only when it has people. */
function attendanceSection(lines: AttendanceLine[]) {
  const member = (line: AttendanceLine) => `${line.memberName}, ${line.agencyName}`;
  const groups: [string, string[]][] = [
    ['Present', lines.filter((l) => l.status === 'present' && !l.guestName).map(member)],
    [
      'Represented by a deputy',
      lines
        .filter((l) => l.status === 'deputy')
        .map((l) => `${l.deputyName} for ${l.memberName}, ${l.agencyName}`),
    ],
    ['Apologies', lines.filter((l) => l.status === 'apologies').map(member)],
    ['Absent', lines.filter((l) => l.status === 'absent').map(member)],
    [
      'Guests',
      lines
        .filter((l) => l.guestName)
        .map((l) => (l.guestRole ? `${l.guestName}, ${l.guestRole}` : l.guestName!)),
    ],
  ];
  const recorded = groups.filter(([, people]) => people.length > 0);
  if (recorded.length === 0) return [plain('Attendance was not recorded.')];
  return recorded.flatMap(([title, people]) => [
    heading(title, HeadingLevel.HEADING_2),
    ...people.map(bullet),
  ]);
}

function itemLine(item: MinutesDocumentModel['items'][number], number: number) {
  const purpose = named(ITEM_PURPOSES.names, item.purpose);
  const presenter = item.presenter ? `, presented by ${item.presenter}` : '';
  return `${number}. ${item.title} (${purpose}${presenter})`;
}

function agendaSection(items: MinutesDocumentModel['items']) {
  if (items.length === 0) return [plain('There were no items on the agenda.')];
  return items.flatMap((item, index) => [
    plain(itemLine(item, index + 1)),
    ...(item.papers.length ? [plain(`Papers: ${item.papers.join('; ')}`)] : []),
  ]);
}

/** Ends a sentence: a full stop unless the text already ends with . ! ? or an ellipsis. */
const endSentence = (text: string) =>
  /[.!?\u2026]["'\u2019\u201d)]*$/.test(text) ? text : `${text}.`;

/** A decision as the minutes say it, with no doubled full stop before "For ratification". */
export function decisionText(decision: DecisionLine) {
  const said = `${decision.kind === 'recommendation' ? 'Recommendation' : 'Decision'}: ${decision.text.trim()}`;
  const outcome = decision.ratificationOutcome
    ? ` (${named(RATIFICATION_OUTCOMES.names, decision.ratificationOutcome)})`
    : '';
  if (!decision.needsRatification) return `${said}${outcome}`;
  return `${endSentence(`${said}${outcome}`)} For ratification by ${decision.ratifyingBodyName}`;
}

/** Said beside decisions made at a meeting whose agenda members never received (decision 0021). */
export const UNPUBLISHED_AGENDA_NOTE = 'Recorded at a meeting whose agenda was not published';

function minutesSection(items: MinutesDocumentModel['items'], agendaPublished: boolean) {
  return items.flatMap((item, index) => {
    const minute = item.minutes.trim();
    const paragraphs = minute
      ? minute.split(/\r?\n\s*\r?\n/).map((text) => plain(text.replace(/\r?\n/g, ' ')))
      : [plain('No minute was recorded.')];
    const decisions = item.decisions.length
      ? [
          new Paragraph({ children: [new TextRun({ text: 'Decisions', bold: true })] }),
          ...(agendaPublished ? [] : [plain(`${UNPUBLISHED_AGENDA_NOTE}.`)]),
          ...item.decisions.map((decision) => bullet(decisionText(decision))),
        ]
      : [];
    return [
      heading(`${index + 1}. ${item.title}`, HeadingLevel.HEADING_2),
      ...paragraphs,
      ...decisions,
    ];
  });
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** A real Word table with a repeating header row, so screen readers announce its columns. */
function actionsTable(actions: ActionLine[]) {
  if (actions.length === 0) return [plain('No actions were set at this meeting.')];
  const header = new TableRow({
    tableHeader: true,
    children: ['Action', 'Owner', 'Due', 'Status'].map((text) => cell(text, true)),
  });
  const rows = actions.map(
    (action) =>
      new TableRow({
        children: [
          cell(action.title),
          cell(action.ownerName),
          cell(ukDate(action.dueOn)),
          cell(named(ACTION_STATUSES.names, action.status)),
        ],
      }),
  );
  return [new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })];
}

/** The agenda and minutes of a meeting as a Word document people can edit and publish. */
export function minutesDocx(model: MinutesDocumentModel): Promise<Buffer> {
  const title = `${model.bodyName}: minutes of the meeting on ${ukDate(model.startsAt)}`;
  const when = `${ukDate(model.startsAt)}, ${ukTime(model.startsAt)} to ${ukTime(model.endsAt)}`;
  const document = new Document({
    title,
    creator: 'MASA',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          plain(`When: ${when}`),
          plain(`Where: ${model.location || 'Not recorded'}`),
          new Paragraph({ children: [new TextRun({ text: model.statusLine, bold: true })] }),
          heading('Attendance', HeadingLevel.HEADING_1),
          ...attendanceSection(model.attendance),
          heading('Agenda', HeadingLevel.HEADING_1),
          ...agendaSection(model.items),
          heading('Minutes', HeadingLevel.HEADING_1),
          ...minutesSection(model.items, model.agendaPublished),
          heading('Actions', HeadingLevel.HEADING_1),
          ...actionsTable(model.actions),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
