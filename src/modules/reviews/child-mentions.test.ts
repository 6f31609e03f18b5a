import { describe, expect, it } from 'vitest';
import { mentionsChild } from './child-mentions.js';

const children = ['Zebedee Quillfeather', 'Hope Ashdown'];

describe('whether a text names a child', () => {
  it('finds the whole name in any case and spacing', () => {
    expect(mentionsChild('Agencies did not see zebedee  quillfeather at home', children)).toBe(
      true,
    );
  });

  it('finds a first or last name on its own, possessive included', () => {
    expect(mentionsChild("Zebedee's school made a referral", children)).toBe(true);
    expect(mentionsChild('The Quillfeather family moved twice', children)).toBe(true);
    expect(mentionsChild('Ms Ashdown was not asked', children)).toBe(true);
  });

  it('lets ordinary words through that happen to be a name in lower case', () => {
    expect(mentionsChild('We hope agencies will share chronologies sooner', children)).toBe(false);
  });

  it('does not match a name inside a longer word', () => {
    expect(mentionsChild('Hopefully the Ashdowns-Trust leaflet helps', ['Hope Ash'])).toBe(false);
  });

  it('treats names as text, not patterns', () => {
    expect(mentionsChild('Plain text', ['A.*'])).toBe(false);
    expect(mentionsChild('Seen by A.* yesterday', ['A.*'])).toBe(true);
  });

  it('finds nothing when there are no children', () => {
    expect(mentionsChild('Zebedee Quillfeather', [])).toBe(false);
  });
});
