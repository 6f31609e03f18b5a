import { describe, expect, it } from 'vitest';
import { buildPartnershipsService } from '../../modules/partnerships/partnerships.service.js';
import { createTestDatabase } from '../../testing/database.js';
import { buildAuditService } from './audit.service.js';

const database = await createTestDatabase();
const audit = buildAuditService(database.app.db);
const partnership = await buildPartnershipsService(database.app.db, audit).create(
  'Northshire',
  'northshire',
);
const context = { partnershipId: partnership.id, userId: null, requestId: 'req-view' };

describe('views of sensitive records', () => {
  it('records a view when the record is found, and nothing when it is not', async () => {
    const found = await audit.readSensitive(
      context,
      { entityType: 'case_review', entityId: 'SI-2026-007' },
      async () => ({ reference: 'SI-2026-007' }),
    );
    const missing = await audit.readSensitive(
      context,
      { entityType: 'case_review', entityId: 'SI-2026-999' },
      async () => null,
    );
    expect(found).toEqual({ reference: 'SI-2026-007' });
    expect(missing).toBeNull();
    const { events } = await audit.page(context, { action: 'viewed' });
    expect(events.map((event) => [event.entityType, event.entityId, event.requestId])).toEqual([
      ['case_review', 'SI-2026-007', 'req-view'],
    ]);
  });
});
