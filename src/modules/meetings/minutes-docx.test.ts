import { describe, expect, it } from 'vitest';
import { decisionText } from './minutes-docx.js';

const forRatification = (text: string) =>
  decisionText({
    agendaItemId: 'item',
    text,
    kind: 'decision',
    needsRatification: true,
    ratifyingBodyName: 'Safeguarding Partnership',
    ratificationOutcome: null,
  });

describe('a decision in the Word minutes', () => {
  it.each([
    ['Adopt the neglect strategy from April 2027.', 'April 2027. For ratification'],
    ['Adopt the neglect strategy from April 2027!', 'April 2027! For ratification'],
    ['Should the strategy start in April 2027?', 'April 2027? For ratification'],
    ['Adopt the neglect strategy from April 2027', 'April 2027. For ratification'],
    ['Adopt the strategy (see the annex.)', 'annex.) For ratification'],
  ])('ends "%s" with one mark before "For ratification"', (text, ending) => {
    const line = forRatification(text);
    expect(line).toContain(ending);
    expect(line).toMatch(/ For ratification by Safeguarding Partnership$/);
    expect(line).not.toMatch(/[.!?]\./);
  });

  it('keeps a ratification outcome and adds no full stop when nothing follows', () => {
    const line = decisionText({
      agendaItemId: 'item',
      text: 'Agree the budget.',
      kind: 'recommendation',
      needsRatification: false,
      ratifyingBodyName: null,
      ratificationOutcome: 'ratified',
    });
    expect(line).toBe('Recommendation: Agree the budget. (Ratified)');
  });
});
