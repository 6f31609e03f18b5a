import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECISION_KINDS } from '../../modules/meetings/decisions.forms.js';
import { RATIFICATION_OUTCOMES } from '../../modules/meetings/meetings.vocabulary.js';
import { AUDIT_WORDING, eventKind, eventSentence } from './audit-wording.js';

const SOURCE = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Codes built from a value: each is expanded over the values it can take. A new template
 * fails the test until it is listed here, so no code escapes the check.
 */
const TEMPLATES: Record<string, readonly string[]> = {
  'meeting.${input.kind}_recorded': DECISION_KINDS.values.map((kind) => `meeting.${kind}_recorded`),
  'meeting.ratification_${input.outcome}': RATIFICATION_OUTCOMES.values.map(
    (outcome) => `meeting.ratification_${outcome}`,
  ),
};

/**
 * Every action code the source hands to the audit trail: literals on `action:` lines (the
 * form's `action` attribute is a path, and is skipped), the registry's `changed(tx, context,
 * '<code>'` and the account's own events, and the templates above.
 */
function writtenCodes() {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sourceFiles(SOURCE)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const audited =
        /\baction: /.test(line) ||
        /changed\(tx, context, '/.test(line) ||
        /recordOwnAccountEvent\(/.test(line);
      if (!audited) continue;
      for (const [, code] of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)?)'/g))
        if (code && (code.includes('.') || code === 'viewed')) codes.add(code);
      for (const [, template] of line.matchAll(/`([a-z_]+\.[^`]*\$\{[^`]*)`/g)) {
        const expanded = TEMPLATES[template!];
        if (expanded) expanded.forEach((code) => codes.add(code));
        else unknownTemplates.push(`${file}: ${template}`);
      }
    }
  }
  return { codes: [...codes].sort(), unknownTemplates };
}

describe('the audit trail in words', () => {
  it('has words for every action code MASA writes', () => {
    const { codes, unknownTemplates } = writtenCodes();
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toContain('meeting.attendance_recorded');
    expect(codes).toContain('membership.deputy_added');
    expect(codes).toContain('meeting.ratification_not_ratified');
    expect(unknownTemplates).toEqual([]);
    expect(codes.filter((code) => !AUDIT_WORDING[code])).toEqual([]);
  });

  it('says who did what to which record, or names the kind of record when it cannot be read', () => {
    expect(
      eventSentence(
        'meeting.attendance_recorded',
        'Alex Morgan',
        'the Partnership meeting of 29 December 2026',
      ),
    ).toBe('Alex Morgan recorded attendance at the Partnership meeting of 29 December 2026');
    expect(eventSentence('meeting.attendance_recorded', 'Alex Morgan', null)).toBe(
      'Alex Morgan recorded attendance at a meeting',
    );
    expect(eventSentence('action.reminder_sent', null, null)).toBe(
      'MASA sent a reminder about an action',
    );
    expect(eventKind('meeting.attendance_recorded')).toBe('Attendance recorded');
    expect(eventKind('legacy.something_done')).toBe('Legacy something done');
  });
});
