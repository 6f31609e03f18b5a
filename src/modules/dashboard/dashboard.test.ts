import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { meetingTestBed } from '../meetings/meeting-fixtures.js';

const { agent, fixtures, meeting } = await meetingTestBed();

describe('business unit dashboard', () => {
  it('lists next meetings, agendas not published and minutes awaiting approval', async () => {
    const partnership = await fixtures.body({ name: 'Safeguarding Partnership' });
    const forum = await fixtures.body({ name: 'Chairs Forum' });
    await meeting(partnership, '2026-11-20');
    await meeting(forum, '2026-12-08');
    await meeting(partnership, '2027-03-09');
    const page = await agent.get('/dashboard');
    expect(page.status).toBe(200);
    const next = text(page, '#next-meetings + table');
    expect(next).toContain('Chairs Forum');
    expect(next).toContain('8 December 2026');
    expect(next).not.toContain('20 November 2026');
    const unpublished = page.$('#unpublished-agendas ~ ul').first().text();
    expect(unpublished).toContain('Chairs Forum');
    // Beyond the four-week horizon: not yet worth flagging.
    expect(unpublished).not.toContain('9 March 2027');
    const awaiting = page.$('#minutes-awaiting-approval + ul').text();
    expect(awaiting).toContain('Safeguarding Partnership');
    expect(awaiting).toContain('20 November 2026');
    expect(awaiting).toContain('Draft');
  });
});
