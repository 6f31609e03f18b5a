import { describe, expect, it } from 'vitest';
import { quorum, type QuorumRule } from '../governance/quorum.js';
import { attendeesForQuorum, notQuorateBecause, type AttendanceForQuorum } from './quoracy.js';

const police = { id: 'police', name: 'Northshire Police' };
const council = { id: 'council', name: 'Northshire Council' };
const rule: QuorumRule = { requiredAgencies: [council, police], minimumHeadCount: null };
const date = '2027-01-14';

const seat = (agencyId: string, decisionMaking = true) => ({ agencyId, decisionMaking });
const member = (status: AttendanceForQuorum['status'], agencyId: string): AttendanceForQuorum => ({
  status,
  seat: seat(agencyId),
  delegation: null,
});

describe('attendees for the quorum', () => {
  it('counts present members with their agency and decision-making rights', () => {
    expect(
      attendeesForQuorum([
        member('present', 'council'),
        { status: 'present', seat: seat('police', false), delegation: null },
      ]),
    ).toEqual([
      { kind: 'member', agencyId: 'council', decisionMaking: true },
      { kind: 'member', agencyId: 'police', decisionMaking: false },
    ]);
  });

  it('counts a deputy for the agency of the member they stand in for, with their delegation', () => {
    const delegation = { startsOn: '2026-04-01', endsOn: null };
    expect(attendeesForQuorum([{ status: 'deputy', seat: seat('police'), delegation }])).toEqual([
      { kind: 'deputy', agencyId: 'police', delegation },
    ]);
  });

  it('leaves out apologies, absences and guests', () => {
    expect(
      attendeesForQuorum([
        member('apologies', 'council'),
        member('absent', 'police'),
        { status: 'present', seat: null, delegation: null },
      ]),
    ).toEqual([]);
  });

  it('turns police absent into not quorate naming the police, and a deputy inside their delegation into quorate', () => {
    const absent = quorum(rule, {
      date,
      present: attendeesForQuorum([member('present', 'council'), member('absent', 'police')]),
    });
    expect(absent.quorate).toBe(false);
    expect(notQuorateBecause(absent)).toBe('Northshire Police is not represented');
    const deputised = quorum(rule, {
      date,
      present: attendeesForQuorum([
        member('present', 'council'),
        {
          status: 'deputy',
          seat: seat('police'),
          delegation: { startsOn: '2026-12-01', endsOn: '2027-03-31' },
        },
      ]),
    });
    expect(deputised.quorate).toBe(true);
  });
});

describe('why a meeting is not quorate', () => {
  it('names every missing agency and the head-count shortfall', () => {
    expect(
      notQuorateBecause({
        quorate: false,
        missingAgencies: [council, police, { id: 'icb', name: 'Northshire ICB' }],
        headCount: 1,
        headCountShortfall: 2,
      }),
    ).toBe(
      'Northshire Council, Northshire Police and Northshire ICB are not represented; 2 more people with decision-making rights must be present',
    );
    expect(
      notQuorateBecause({
        quorate: false,
        missingAgencies: [],
        headCount: 0,
        headCountShortfall: 1,
      }),
    ).toBe('1 more person with decision-making rights must be present');
  });
});
