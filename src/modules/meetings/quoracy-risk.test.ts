import { describe, expect, it } from 'vitest';
import type { QuorumRule } from '../governance/quorum.js';
import type { RegisterLine } from './attendance-register.js';
import { quoracyRisk } from './quoracy-risk.js';

const police = { id: 'police', name: 'Northshire Police' };
const council = { id: 'council', name: 'Northshire Council' };
const rule: QuorumRule = { requiredAgencies: [council, police], minimumHeadCount: null };
const day = '2027-01-14';

let next = 0;
function line(
  agencyId: string,
  status: string | null,
  options: { decisionMaking?: boolean; deputies?: [string, string, string | null][] } = {},
): RegisterLine {
  next += 1;
  const membershipId = `seat-${next}`;
  return {
    seat: {
      membershipId,
      personName: `Member ${next}`,
      agencyId,
      agencyName: agencyId,
      decisionMaking: options.decisionMaking ?? true,
      startsOn: '2024-04-01',
      endsOn: null,
    },
    deputies: (options.deputies ?? []).map(([personName, startsOn, endsOn]) => ({
      deputyId: `deputy-${personName}`,
      membershipId,
      personName,
      startsOn,
      endsOn,
    })),
    recorded: status
      ? {
          id: `row-${next}`,
          membershipId,
          status,
          deputyId: null,
          guestName: null,
          guestRole: null,
          version: 1,
        }
      : null,
  };
}

describe('the quorum at risk from apologies', () => {
  it('is none while everyone who has not sent apologies would make it quorate', () => {
    expect(quoracyRisk(rule, day, [line('police', null), line('council', 'present')])).toBeNull();
    // A second police member still covers the first one's apologies.
    expect(
      quoracyRisk(rule, day, [
        line('police', 'apologies'),
        line('police', null),
        line('council', null),
      ]),
    ).toBeNull();
  });

  it('names the partner whose only decision-making member is away, an observer not counting', () => {
    const away = line('police', 'absent', {
      deputies: [
        ['Dana Hughes', '2026-12-01', '2027-03-31'],
        ['Ended Deputy', '2025-01-01', '2026-12-31'],
      ],
    });
    const observer = line('police', null, { decisionMaking: false });
    expect(quoracyRisk(rule, day, [away, observer, line('council', null)])).toEqual({
      partners: [
        {
          agencyName: 'Northshire Police',
          apologies: [away.seat.personName],
          deputies: ['Dana Hughes'],
        },
      ],
      headCountShortfall: 0,
    });
  });

  it('leaves out a partner missing for want of any member, and counts a head count short', () => {
    const headCount: QuorumRule = { requiredAgencies: [council, police], minimumHeadCount: 3 };
    const risk = quoracyRisk(headCount, day, [
      line('council', 'apologies'),
      line('council', null),
      line('council', null),
    ]);
    expect(risk).toEqual({ partners: [], headCountShortfall: 1 });
  });
});
