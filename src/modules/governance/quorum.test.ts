import { describe, expect, it } from 'vitest';
import { quorum, type Attendee, type QuorumRule } from './quorum.js';

const council = { id: 'council', name: 'Northshire Council' };
const trust = { id: 'trust', name: "Northshire Children's Trust" };
const police = { id: 'police', name: 'Northshire Police' };
const health = { id: 'health', name: 'Northshire Integrated Care Board' };
const partners: QuorumRule = {
  requiredAgencies: [council, trust, police, health],
  minimumHeadCount: null,
};

const member = (agencyId: string, decisionMaking = true): Attendee => ({
  kind: 'member',
  agencyId,
  decisionMaking,
});
const deputy = (agencyId: string, startsOn: string, endsOn: string | null): Attendee => ({
  kind: 'deputy',
  agencyId,
  delegation: { startsOn, endsOn },
});
const date = '2026-03-12';

describe('quorum', () => {
  it('is quorate when every required agency is present', () => {
    const result = quorum(partners, {
      date,
      present: [member('council'), member('trust'), member('police'), member('health')],
    });
    expect(result).toEqual({
      quorate: true,
      missingAgencies: [],
      headCount: 4,
      headCountShortfall: 0,
    });
  });

  it('names the one partner that is absent', () => {
    const result = quorum(partners, {
      date,
      present: [member('council'), member('trust'), member('health'), member('education')],
    });
    expect(result.quorate).toBe(false);
    expect(result.missingAgencies).toEqual([police]);
  });

  it('counts a deputy for their agency inside the delegation, including its first and last day', () => {
    for (const [startsOn, endsOn] of [
      ['2026-01-01', '2026-12-31'],
      [date, date],
      ['2026-01-01', null],
    ] as const) {
      const result = quorum(partners, {
        date,
        present: [
          member('council'),
          member('trust'),
          member('health'),
          deputy('police', startsOn, endsOn),
        ],
      });
      expect(result.quorate).toBe(true);
    }
  });

  it('does not count a deputy outside the delegation', () => {
    for (const [startsOn, endsOn] of [
      ['2026-01-01', '2026-03-11'],
      ['2026-03-13', null],
    ] as const) {
      const result = quorum(partners, {
        date,
        present: [
          member('council'),
          member('trust'),
          member('health'),
          deputy('police', startsOn, endsOn),
        ],
      });
      expect(result.quorate).toBe(false);
      expect(result.missingAgencies).toEqual([police]);
      expect(result.headCount).toBe(3);
    }
  });

  it('never counts an observer, even from a required agency', () => {
    const observersOnly = quorum(partners, {
      date,
      present: [
        member('council', false),
        member('trust', false),
        member('police', false),
        member('health', false),
      ],
    });
    expect(observersOnly.quorate).toBe(false);
    expect(observersOnly.missingAgencies).toEqual([council, trust, police, health]);
    expect(observersOnly.headCount).toBe(0);

    const partnerOnlyObserving = quorum(partners, {
      date,
      present: [member('council'), member('trust'), member('health'), member('police', false)],
    });
    expect(partnerOnlyObserving.missingAgencies).toEqual([police]);
  });

  it('needs the minimum head count as well as the agencies', () => {
    const rule: QuorumRule = { requiredAgencies: [council, police], minimumHeadCount: 4 };
    const three = quorum(rule, {
      date,
      present: [member('council'), member('police'), member('education')],
    });
    expect(three).toMatchObject({
      quorate: false,
      missingAgencies: [],
      headCount: 3,
      headCountShortfall: 1,
    });
    const four = quorum(rule, {
      date,
      present: [member('council'), member('police'), member('education'), member('probation')],
    });
    expect(four.quorate).toBe(true);
    const withObserver = quorum(rule, {
      date,
      present: [member('council'), member('police'), member('education'), member('lay', false)],
    });
    expect(withObserver).toMatchObject({ quorate: false, headCountShortfall: 1 });
  });

  it('with only a head count, counts people whatever their agency', () => {
    const rule: QuorumRule = { requiredAgencies: [], minimumHeadCount: 2 };
    expect(quorum(rule, { date, present: [member('a')] }).quorate).toBe(false);
    expect(quorum(rule, { date, present: [member('a'), member('a')] }).quorate).toBe(true);
  });

  it('is not quorate when nobody is present', () => {
    expect(quorum(partners, { date, present: [] })).toEqual({
      quorate: false,
      missingAgencies: [council, trust, police, health],
      headCount: 0,
      headCountShortfall: 1,
    });
    expect(
      quorum({ requiredAgencies: [], minimumHeadCount: null }, { date, present: [] }).quorate,
    ).toBe(false);
  });
});
