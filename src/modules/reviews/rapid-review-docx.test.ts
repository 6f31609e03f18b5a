import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/http/session-hook.js';
import type { Agent } from '../../testing/agent.js';
import { sampleFiles, submitWithFile } from '../../testing/multipart.js';
import { quorumScene, recordAttendance } from '../meetings/attendance-fixtures.js';
import { rapidReviewFileName } from './rapid-review-docx.js';
import { FICTIONAL_CHILD, reviewTestBed } from './review-fixtures.js';

const bed = await reviewTestBed();
const { agent, outsiderAgent, services, context, notifiedCase, fixtures, meeting, app } = bed;

const report = (from: Agent, caseId: string) =>
  app.inject({
    method: 'GET',
    url: `/reviews/${caseId}/rapid-review/report.docx`,
    cookies: { [SESSION_COOKIE]: from.cookie(SESSION_COOKIE)! },
  });

const lines = (raw: string) =>
  raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A rapid review with everything the report assembles, recorded through the pages. */
async function recordedReview() {
  const health = await fixtures.agency({ name: 'Northshire Health' });
  const school = await fixtures.agency({ name: 'Larkspur Primary School' });
  const { id, reference } = await notifiedCase({
    panelNotifiedOn: '2026-11-24',
    agencyIds: [health, school],
  });
  await services.reviews.cases.addChild(context, id, {
    childName: 'Pip Quillfeather',
    dateOfBirth: null,
    nhsNumber: null,
    address: null,
    version: undefined,
  });
  await agent.submit(`/reviews/${id}/rapid-review/start`, {}, `/reviews/${id}`);
  const asked = await agent.submit(`/reviews/${id}/rapid-review/requests/new`, {
    agencyId: health,
    askedFor: 'chronology_and_summary',
    'requestedOn-day': '25',
    'requestedOn-month': '11',
    'requestedOn-year': '2026',
  });
  expect(asked.status).toBe(303);
  const schoolAsked = await agent.submit(`/reviews/${id}/rapid-review/requests/new`, {
    agencyId: school,
    askedFor: 'summary',
    'requestedOn-day': '25',
    'requestedOn-month': '11',
    'requestedOn-year': '2026',
  });
  expect(schoolAsked.status).toBe(303);
  const section = await services.reviews.rapidReviews.ofCase(context, id);
  const healthRequest = section!.requests.find((each) => each.agencyName === 'Northshire Health')!;
  const returned = await submitWithFile(
    agent,
    `/reviews/${id}/rapid-review/requests/${healthRequest.id}/documents/new`,
    {
      kind: 'chronology',
      'returnedOn-day': '26',
      'returnedOn-month': '11',
      'returnedOn-year': '2026',
    },
    sampleFiles.pdf('chronology.pdf'),
  );
  expect(returned.status).toBe(303);

  const scene = await quorumScene(bed, { bodyName: 'Rapid Review Practice Group' });
  const meetingId = await meeting(scene.body, '2026-11-26');
  await recordAttendance(bed, meetingId, [
    { membershipId: scene.policeSeat, status: 'present' },
    { membershipId: scene.councilSeat, status: 'present' },
    { membershipId: scene.observerSeat, status: 'apologies' },
  ]);
  const guest = await services.meetings.attendance.addGuest(context, meetingId, {
    guestName: 'Ann Visitor',
    guestRole: 'Independent scrutineer',
    version: undefined,
  });
  expect(guest.ok).toBe(true);
  expect(
    (await agent.submit(`/reviews/${id}/rapid-review/meeting`, { choice: 'existing', meetingId }))
      .status,
  ).toBe(303);
  const decided = await agent.submit(`/reviews/${id}/rapid-review/outcome`, {
    outcome: 'local_review',
    criteriaMet: ['reg11_a', 'reg11_c'],
    rationale: 'Agencies held pieces of the picture.\n\nNone of them shared it.',
    'decidedOn-day': '26',
    'decidedOn-month': '11',
    'decidedOn-year': '2026',
  });
  expect(decided.status).toBe(303);
  const sent = await agent.submit(`/reviews/${id}/rapid-review/panel`, {
    'sentToPanelOn-day': '27',
    'sentToPanelOn-month': '11',
    'sentToPanelOn-year': '2026',
  });
  expect(sent.status).toBe(303);
  return { id, reference, scene };
}

const { id, reference, scene } = await recordedReview();

describe('the Word draft of the rapid review report', () => {
  it('assembles what was recorded, children included, named by the reference', async () => {
    const response = await report(agent, id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toContain(
      `filename="${reference}-rapid-review-report.docx"`,
    );
    const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(lines(value)).toEqual([
      `Rapid review report: ${reference}`,
      'Draft for the safeguarding partners, assembled from what the case team recorded.',
      'The incident',
      `Reference: ${reference}`,
      'The local authority became aware: 23 November 2026',
      'The national Panel was notified: 24 November 2026',
      'The rapid review is due to the Panel by: 15 December 2026',
      'Criteria of the notification',
      'Abuse or neglect is known or suspected',
      'The child has been seriously harmed',
      'Children',
      FICTIONAL_CHILD.childName,
      'Pip Quillfeather',
      'Agencies involved',
      'Larkspur Primary School',
      'Northshire Health',
      'Information requested from agencies',
      'Agency',
      'Asked for',
      'Requested',
      'Due',
      'Returned',
      'Larkspur Primary School',
      'A summary of involvement',
      '25 November 2026',
      '2 December 2026',
      'Not yet',
      'Northshire Health',
      'A chronology and a summary of involvement',
      '25 November 2026',
      '2 December 2026',
      '26 November 2026 (Chronology)',
      'The rapid review meeting',
      'Rapid Review Practice Group, 26 November 2026, 10:00am, Council House, Room 1',
      'Quorum: Quorate',
      'Present',
      `${scene.names.director}, ${scene.names.council}`,
      `${scene.names.officer}, ${scene.names.police}`,
      'Apologies',
      expect.stringContaining(scene.names.council),
      'Guests',
      'Ann Visitor, Independent scrutineer',
      'Outcome',
      'Outcome: Hold a local child safeguarding practice review (LCSPR)',
      'Decided on: 26 November 2026',
      'Criteria met',
      expect.stringContaining('Reg. 11(a)'),
      expect.stringContaining(
        'Reg. 11(c): the case highlights or may highlight concerns regarding two or more organisations',
      ),
      'Rationale',
      'Agencies held pieces of the picture.',
      'None of them shared it.',
      'The national Panel',
      'Sent to the Panel: 27 November 2026',
      "The Panel's response: Not yet received",
    ]);
  });

  it('heads and foots every page OFFICIAL-SENSITIVE, with real Word headings and a table', async () => {
    const bytes = (await report(agent, id)).rawPayload;
    const zip = await JSZip.loadAsync(bytes);
    const headers = Object.keys(zip.files).filter((name) =>
      /^word\/(header|footer)\d*\.xml$/.test(name),
    );
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const name of headers)
      expect(await zip.file(name)!.async('string'), name).toContain('OFFICIAL-SENSITIVE');
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toMatch(/<w:headerReference w:type="default"/);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('<h1>The rapid review meeting</h1>');
    expect(html).toMatch(/<table>.*Northshire Health.*<\/table>/);
  });

  it('is audited, and 404 to anyone outside the case team', async () => {
    const before = (
      await services.audit.page(context, { action: 'reviews.rapid_review_report_exported' })
    ).events.length;
    expect((await report(agent, id)).statusCode).toBe(200);
    const events = (
      await services.audit.page(context, { action: 'reviews.rapid_review_report_exported' })
    ).events;
    expect(events.length).toBe(before + 1);
    expect(JSON.stringify(events)).not.toContain(FICTIONAL_CHILD.childName);
    const outsider = await report(outsiderAgent, id);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain(FICTIONAL_CHILD.childName);
  });

  it('says when no meeting decided the review, and 404 before the review has started', async () => {
    const { id: undecided } = await notifiedCase({ panelNotifiedOn: '2026-11-24' });
    expect((await report(agent, undecided)).statusCode).toBe(404);
    await services.reviews.rapidReviews.start(context, undecided);
    const { value } = await mammoth.extractRawText({
      buffer: (await report(agent, undecided)).rawPayload,
    });
    expect(value).toContain(
      'No meeting is linked to this rapid review: it was decided by correspondence.',
    );
    expect(value).toContain('The outcome has not been decided yet.');
    expect(value).toContain('No agency was asked for information.');
  });

  it('names the file from the reference only', () => {
    expect(rapidReviewFileName('SI-2026-007')).toBe('SI-2026-007-rapid-review-report.docx');
    expect(rapidReviewFileName(' SI 2026/007 ')).toBe('SI-2026-007-rapid-review-report.docx');
  });
});
