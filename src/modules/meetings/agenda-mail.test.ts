import { describe, expect, it } from 'vitest';
import { agendaMail, answerMail, itemLine, proposalMail } from './agenda-mail.js';

const meeting = {
  id: '11111111-1111-4111-8111-111111111111',
  startsAt: new Date('2027-01-14T10:00:00Z'),
  endsAt: new Date('2027-01-14T12:30:00Z'),
  location: 'Council House, Room 1',
};
const item = (id: string, title: string, extra = {}) => ({
  id,
  title,
  purpose: 'decision',
  presenter: '',
  durationMinutes: null,
  ...extra,
});

describe('agenda emails', () => {
  it('numbers the items with purpose, presenter and time, and names restricted papers only as such', () => {
    const mail = agendaMail(
      {
        bodyName: 'Safeguarding Partnership',
        updated: false,
        publicUrl: 'https://masa.example',
        items: [
          item('a', 'Serious incidents', { presenter: 'Dr Priya Nair', durationMinutes: 20 }),
          item('b', 'Neglect strategy', { purpose: 'information' }),
        ],
        papersByItem: {
          a: [{ title: 'Rapid review of Child Q', restricted: true }],
          b: [{ title: 'Neglect strategy 2027', restricted: false }],
        },
      },
      meeting,
    );
    expect(mail.subject).toBe('Agenda: Safeguarding Partnership, 14 January 2027');
    expect(mail.text).toContain('14 January 2027, 10:00am to 12:30pm');
    expect(mail.text).toContain(
      '1. Serious incidents\n   For decision. Presented by Dr Priya Nair. 20 minutes',
    );
    expect(mail.text).toContain('   Paper: restricted (members only)');
    expect(mail.text).not.toContain('Child Q');
    expect(mail.text).toContain(
      '2. Neglect strategy\n   For information\n   Paper: Neglect strategy 2027',
    );
    expect(mail.text).toContain(`https://masa.example/meetings/${meeting.id}`);
  });

  it('says an agenda sent again is updated', () => {
    const mail = agendaMail(
      {
        bodyName: 'Learning Sub-group',
        updated: true,
        publicUrl: 'https://masa.example',
        items: [item('a', 'Training offer')],
        papersByItem: {},
      },
      meeting,
    );
    expect(mail.subject).toBe('Updated agenda: Learning Sub-group, 14 January 2027');
    expect(mail.text).toContain('The agenda has changed since it was first sent.');
  });

  it('tells the chair what was proposed and why, and the proposer the answer with the reason', () => {
    const proposal = proposalMail(
      {
        bodyName: 'Learning Sub-group',
        proposerName: 'Jo Bennett',
        reason: 'Audit findings need a decision',
        publicUrl: 'https://masa.example',
      },
      meeting,
      item('a', 'Neglect audit'),
    );
    expect(proposal.subject).toBe('Item proposed for Learning Sub-group, 14 January 2027');
    expect(proposal.text).toContain('Jo Bennett has proposed an item');
    expect(proposal.text).toContain('Why it should be heard:\nAudit findings need a decision');
    expect(proposal.text).toContain('#proposals');
    const declined = answerMail(
      {
        bodyName: 'Learning Sub-group',
        answer: 'decline',
        reason: 'Heard by the Partnership in March',
        publicUrl: 'https://masa.example',
      },
      meeting,
      item('a', 'Neglect audit'),
    );
    expect(declined.subject).toBe('Your proposed item was declined: Neglect audit');
    expect(declined.text).toContain('Reason:\nHeard by the Partnership in March');
  });

  it('leaves out what an item does not have', () => {
    expect(itemLine(item('a', 'x', { purpose: 'ratification' }))).toBe('For ratification');
  });
});
