import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { text } from '../../testing/agent.js';
import { quorumScene, recordAttendance } from '../meetings/attendance-fixtures.js';
import { meetingTestBed } from '../meetings/meeting-fixtures.js';

// The clock stands after the meeting, so its attendance can be recorded.
const bed = await meetingTestBed('2027-01-05T09:00:00Z');
const { agent, services, context, meeting } = bed;
const scene = await quorumScene(bed, { bodyName: 'Partnership' });
const held = await meeting(scene.body, '2026-12-29', { location: 'Council House' });
await recordAttendance(bed, held, [{ membershipId: scene.policeSeat, status: 'present' }]);
const found = await services.meetings.find(context, held);
const cancelled = await services.meetings.changes.cancel(context, held, {
  reason: 'Chair unwell',
  version: found!.meeting.version,
});
if (!cancelled.ok) throw new Error('Fixture refused the cancellation');

describe('the audit trail in words', () => {
  it('says who did what to which meeting, and each change as field: before → after', async () => {
    const page = await agent.get('/admin/audit?action=meeting.attendance_recorded');
    expect(page.status).toBe(200);
    const rows = page.$('tbody tr');
    expect(rows).toHaveLength(1);
    expect(text(page, 'tbody')).toContain(
      'Alex Morgan recorded attendance at the Partnership meeting of 29 December 2026',
    );
    expect(text(page, 'tbody')).toContain(`${scene.names.officer}: Present`);
    expect(text(page, 'tbody')).not.toContain('meeting.attendance_recorded');

    const cancelledPage = await agent.get('/admin/audit?action=meeting.cancelled');
    const cancellation = text(cancelledPage, 'tbody');
    expect(cancellation).toContain(
      'Alex Morgan cancelled the Partnership meeting of 29 December 2026',
    );
    expect(cancellation).toContain('Status: Scheduled → Cancelled');
    expect(cancellation).toContain('Reason: Chair unwell');
    expect(cancellation).not.toContain('"status"');
  });

  it('names the records an id points to, formats dates, and leaves out ids it cannot name', async () => {
    const page = await agent.get('/admin/audit?action=meeting.scheduled');
    const scheduled = text(page, 'tbody');
    expect(scheduled).toContain('Body: Partnership');
    expect(scheduled).toContain('Starts at: 29 December 2026');
    expect(scheduled).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The cancellation carried nothing over: no next meeting's id, so "none".
    const cancelledPage = await agent.get('/admin/audit?action=meeting.cancelled');
    expect(text(cancelledPage, 'tbody')).toContain('Carried to meeting: none');
  });

  it('offers the kinds of event in words to filter by, keeping the one chosen', async () => {
    const page = await agent.get('/admin/audit?action=meeting.attendance_recorded');
    const chosen = page.$('#action option[selected]');
    expect(chosen.text()).toBe('Attendance recorded');
    expect(chosen.attr('value')).toBe('meeting.attendance_recorded');
    expect(page.$('#action option').length).toBeGreaterThan(100);
  });

  it('keeps the raw columns of the CSV and adds what happened in words', async () => {
    const csv = await agent.get('/admin/audit.csv?action=meeting.attendance_recorded');
    const [header, row] = parse(csv.body) as string[][];
    expect(header).toEqual([
      'seq',
      'occurred_at',
      'actor',
      'action',
      'entity_type',
      'entity_id',
      'request_id',
      'before',
      'after',
      'hash',
      'what_happened',
    ]);
    expect(row![3]).toBe('meeting.attendance_recorded');
    expect(row![5]).toBe(held);
    expect(JSON.parse(row![8]!)).toEqual({ [scene.names.officer]: 'present' });
    expect(row![10]).toBe(
      'Alex Morgan recorded attendance at the Partnership meeting of 29 December 2026',
    );
  });
});
