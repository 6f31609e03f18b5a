import { ukDate, ukTime } from '../../platform/dates.js';
import { ITEM_PURPOSES, type ItemPurpose } from './meetings.vocabulary.js';

interface MeetingNamed {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

interface ItemWords {
  title: string;
  purpose: string;
  presenter: string;
  durationMinutes: number | null;
}

const meetingLink = (publicUrl: string, meetingId: string, anchor = '') =>
  `${publicUrl}/meetings/${meetingId}${anchor}`;

const purposeName = (purpose: string) => ITEM_PURPOSES.names[purpose as ItemPurpose] ?? purpose;

/** "For decision. Presented by Sam Lee. 20 minutes" */
export function itemLine(item: ItemWords) {
  return [
    purposeName(item.purpose),
    item.presenter ? `Presented by ${item.presenter}` : null,
    item.durationMinutes ? `${item.durationMinutes} minutes` : null,
  ]
    .filter(Boolean)
    .join('. ');
}

/** To the body's chair and business officer: a member has put an item forward. */
export function proposalMail(
  input: { bodyName: string; proposerName: string; reason: string; publicUrl: string },
  meeting: MeetingNamed,
  item: ItemWords,
) {
  return {
    subject: `Item proposed for ${input.bodyName}, ${ukDate(meeting.startsAt)}`,
    text: [
      `${input.proposerName} has proposed an item for the meeting of ${input.bodyName} on ${ukDate(meeting.startsAt)}:`,
      '',
      item.title,
      itemLine(item),
      '',
      'Why it should be heard:',
      input.reason,
      '',
      `Accept or decline it: ${meetingLink(input.publicUrl, meeting.id, '#proposals')}`,
    ].join('\n'),
  };
}

/** To the member who proposed an item: what became of it. */
export function answerMail(
  input: {
    bodyName: string;
    answer: 'accept' | 'decline';
    reason: string | null;
    publicUrl: string;
  },
  meeting: MeetingNamed,
  item: ItemWords,
) {
  const outcome = input.answer === 'accept' ? 'accepted' : 'declined';
  return {
    subject: `Your proposed item was ${outcome}: ${item.title}`,
    text: [
      `The item you proposed for the meeting of ${input.bodyName} on ${ukDate(meeting.startsAt)} was ${outcome}${input.answer === 'accept' ? ' and is on the agenda' : ''}.`,
      '',
      item.title,
      ...(input.reason ? ['', input.answer === 'accept' ? 'Note:' : 'Reason:', input.reason] : []),
      '',
      `The meeting: ${meetingLink(input.publicUrl, meeting.id)}`,
    ].join('\n'),
  };
}

/** One item of a published agenda; papers restricted to members are named only as such. */
function agendaEntry(
  item: ItemWords,
  number: number,
  papers: { title: string; restricted: boolean }[],
) {
  const lines = [`${number}. ${item.title}`];
  lines.push(`   ${itemLine(item)}`);
  for (const paper of papers)
    lines.push(`   Paper: ${paper.restricted ? 'restricted (members only)' : paper.title}`);
  return lines.join('\n');
}

/** To every member: the agenda as text with a link, or the updated agenda when re-published. */
export function agendaMail(
  input: {
    bodyName: string;
    updated: boolean;
    publicUrl: string;
    items: (ItemWords & { id: string })[];
    papersByItem: Record<string, { title: string; restricted: boolean }[]>;
  },
  meeting: MeetingNamed,
) {
  const when = `${ukDate(meeting.startsAt)}, ${ukTime(meeting.startsAt)} to ${ukTime(meeting.endsAt)}`;
  const heading = input.updated ? 'Updated agenda' : 'Agenda';
  return {
    subject: `${heading}: ${input.bodyName}, ${ukDate(meeting.startsAt)}`,
    text: [
      `${heading} for the meeting of ${input.bodyName}`,
      when,
      meeting.location ? meeting.location : 'Location not recorded',
      ...(input.updated ? ['', 'The agenda has changed since it was first sent.'] : []),
      '',
      ...input.items.map((item, index) =>
        agendaEntry(item, index + 1, input.papersByItem[item.id] ?? []),
      ),
      '',
      `Papers and details: ${meetingLink(input.publicUrl, meeting.id)}`,
    ].join('\n'),
  };
}
