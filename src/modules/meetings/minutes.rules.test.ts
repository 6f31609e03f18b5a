import { describe, expect, it } from 'vitest';
import {
  approvalProblem,
  circulationProblem,
  hasMinutes,
  minutedItems,
  minutesEditProblem,
  minutesStatusLine,
  notQuorateProblem,
} from './minutes.rules.js';

const item = (values: Partial<Parameters<typeof minutedItems>[0][number]> = {}) => ({
  withdrawnAt: null,
  proposalStatus: null,
  minutes: '',
  ...values,
});

const meeting = (values = {}) => ({
  startsAt: new Date('2027-01-14T10:00:00Z'),
  status: 'scheduled',
  minutesStatus: 'draft',
  minutesCirculatedAt: null as Date | null,
  ...values,
});

const approvedOn = new Date('2027-03-11T10:00:00Z');

describe('which items are minuted', () => {
  it('leaves out withdrawn items and declined proposals, keeps the rest', () => {
    const kept = [
      item({ proposalStatus: 'accepted' }),
      item(),
      item({ proposalStatus: 'proposed' }),
    ];
    const items = [
      ...kept,
      item({ withdrawnAt: new Date() }),
      item({ proposalStatus: 'declined' }),
    ];
    expect(minutedItems(items)).toEqual(kept);
  });

  it('counts only text on minuted items as minutes', () => {
    expect(hasMinutes([item({ minutes: '  \n ' })])).toBe(false);
    expect(hasMinutes([item({ minutes: 'Noted', withdrawnAt: new Date() })])).toBe(false);
    expect(hasMinutes([item(), item({ minutes: 'Noted' })])).toBe(true);
  });
});

describe('changing and circulating minutes', () => {
  it('locks approved minutes, naming the meeting that approved them', () => {
    expect(minutesEditProblem(meeting({ minutesStatus: 'approved' }), approvedOn)).toBe(
      'The minutes were approved at the meeting on 11 March 2027 and are locked',
    );
  });

  it('refuses minutes for a cancelled meeting, allows draft and circulated ones', () => {
    expect(minutesEditProblem(meeting({ status: 'cancelled' }), null)).toBe(
      'The meeting was cancelled, so it has no minutes',
    );
    expect(minutesEditProblem(meeting(), null)).toBeNull();
    expect(minutesEditProblem(meeting({ minutesStatus: 'circulated' }), null)).toBeNull();
  });

  it('refuses to circulate empty minutes, locked minutes or a cancelled meeting’s', () => {
    const written = [item({ minutes: 'Noted' })];
    expect(circulationProblem(meeting(), null, [item()])).toBe(
      'There is nothing to circulate: write the minutes of at least one item first',
    );
    expect(circulationProblem(meeting({ status: 'cancelled' }), null, written)).toMatch(
      /cancelled/,
    );
    expect(circulationProblem(meeting({ minutesStatus: 'approved' }), approvedOn, written)).toMatch(
      /locked/,
    );
    expect(circulationProblem(meeting({ minutesStatus: 'circulated' }), null, written)).toBeNull();
  });
});

describe('approving minutes at the next meeting', () => {
  const earlier = (values = {}) => ({
    ...meeting({ minutesStatus: 'circulated' }),
    approvedAtMeetingOn: null as Date | null,
    ...values,
  });
  const approving = meeting({ startsAt: approvedOn });
  const open = { withdrawnAt: null };

  it('approves circulated minutes at a meeting that is held', () => {
    expect(approvalProblem(earlier(), approving, open)).toBeNull();
  });

  it('refuses minutes never circulated, saying so', () => {
    expect(approvalProblem(earlier({ minutesStatus: 'draft' }), approving, open)).toBe(
      'The minutes of 14 January 2027 have not been circulated yet: circulate them to the members before they are approved',
    );
  });

  it('refuses minutes approved already, naming where', () => {
    const done = earlier({ minutesStatus: 'approved', approvedAtMeetingOn: approvedOn });
    expect(approvalProblem(done, approving, open)).toBe(
      'The minutes of 14 January 2027 were approved already, at the meeting on 11 March 2027',
    );
  });

  it('refuses at a cancelled meeting, on a withdrawn item, or for a cancelled meeting', () => {
    expect(approvalProblem(earlier(), meeting({ status: 'cancelled' }), open)).toMatch(
      /This meeting was cancelled/,
    );
    expect(approvalProblem(earlier(), approving, { withdrawnAt: new Date() })).toMatch(/withdrawn/);
    expect(approvalProblem(earlier({ status: 'cancelled' }), approving, open)).toBe(
      'The meeting of 14 January 2027 was cancelled, so it has no minutes to approve',
    );
  });

  it('says why a meeting is not quorate', () => {
    expect(
      notQuorateProblem({
        missingAgencies: [{ name: 'Northshire Police' }, { name: 'Northshire Council' }],
        headCountShortfall: 2,
      }),
    ).toBe(
      'This meeting is not quorate, so it cannot approve minutes: Northshire Police is not represented; Northshire Council is not represented; 2 more decision-making members are needed',
    );
    expect(notQuorateProblem({ missingAgencies: [], headCountShortfall: 1 })).toMatch(
      /1 more decision-making member is needed$/,
    );
  });
});

describe('the minutes’ stage in words', () => {
  it('says draft, circulated on a date, or approved at a meeting', () => {
    expect(minutesStatusLine(meeting(), null)).toBe('Draft minutes');
    expect(
      minutesStatusLine(
        meeting({
          minutesStatus: 'circulated',
          minutesCirculatedAt: new Date('2027-01-20T12:00Z'),
        }),
        null,
      ),
    ).toBe('Draft minutes, circulated on 20 January 2027');
    expect(minutesStatusLine(meeting({ minutesStatus: 'approved' }), approvedOn)).toBe(
      'Approved at the meeting on 11 March 2027',
    );
  });
});
