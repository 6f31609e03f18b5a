import { describe, expect, it } from 'vitest';
import { ratificationInWords, type RatificationStage } from './ratification-chain.js';

const forum = 'Chairs Consultation Forum';
const partnership = 'Safeguarding Partnership';
const on = (day: string) => new Date(`${day}T10:00:00Z`);

describe('a ratification chain in words', () => {
  it('says nothing for a decision that needs no ratification', () => {
    expect(ratificationInWords([])).toBeNull();
  });

  it('walks three levels: awaiting the forum, ratified by the forum and awaiting the partnership, ratified by both', () => {
    expect(ratificationInWords([{ bodyName: forum, hearings: [] }])).toBe(
      'Awaiting ratification by Chairs Consultation Forum',
    );
    const forumRatified: RatificationStage = {
      bodyName: forum,
      hearings: [{ outcome: 'ratified', on: on('2027-02-03'), note: '' }],
    };
    expect(ratificationInWords([forumRatified, { bodyName: partnership, hearings: [] }])).toBe(
      'Ratified by Chairs Consultation Forum on 3 February 2027 — awaiting ratification by Safeguarding Partnership',
    );
    expect(
      ratificationInWords([
        forumRatified,
        {
          bodyName: partnership,
          hearings: [{ outcome: 'ratified', on: on('2027-03-10'), note: '' }],
        },
      ]),
    ).toBe(
      'Ratified by Chairs Consultation Forum on 3 February 2027 — ratified by Safeguarding Partnership on 10 March 2027',
    );
  });

  it('says a deferral until the body decides, then only what it decided', () => {
    const deferred = { outcome: 'deferred' as const, on: on('2027-02-03'), note: 'More time' };
    expect(ratificationInWords([{ bodyName: forum, hearings: [deferred] }])).toBe(
      'Deferred by Chairs Consultation Forum on 3 February 2027',
    );
    expect(
      ratificationInWords([
        {
          bodyName: forum,
          hearings: [deferred, { outcome: 'ratified', on: on('2027-04-07'), note: '' }],
        },
      ]),
    ).toBe('Ratified by Chairs Consultation Forum on 7 April 2027');
  });

  it('gives the reason a body refused to ratify, when it gave one', () => {
    const refused = (note: string): RatificationStage[] => [
      { bodyName: forum, hearings: [{ outcome: 'not_ratified', on: on('2027-02-03'), note }] },
    ];
    expect(ratificationInWords(refused('The costs are not agreed'))).toBe(
      'Not ratified by Chairs Consultation Forum on 3 February 2027: The costs are not agreed',
    );
    expect(ratificationInWords(refused(''))).toBe(
      'Not ratified by Chairs Consultation Forum on 3 February 2027',
    );
  });
});
