import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { findSettings, saveSettings } from './calendar.repository.js';
import { DEFAULT_TIMESCALES } from './timescales.js';
import type { TimescaleInput } from './timescales.forms.js';

/**
 * Changing the statutory timescales new cases take. Cases copy them when they are opened,
 * so a change here never moves an open case's deadlines.
 */
export function buildTimescaleSettings({ db, audit }: { db: Database; audit: AuditService }) {
  async function setTimescale(
    context: TenantContext,
    { key, value, version }: TimescaleInput,
  ): Promise<Outcome<{ key: TimescaleInput['key']; value: number }>> {
    return inTenant(db, context, async (tx) => {
      const before = await findSettings(tx, context.partnershipId);
      const saved = await saveSettings(tx, context.partnershipId, version, { [key]: value });
      if (!saved)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'partnership_setting',
            entityId: context.partnershipId,
            noun: 'setting',
          }),
        });
      await audit.record(tx, context, {
        action: 'calendar.timescale_changed',
        entityType: 'partnership_setting',
        entityId: context.partnershipId,
        before: { [key]: before?.[key] ?? DEFAULT_TIMESCALES[key] },
        after: { [key]: saved[key] },
      });
      return success({ key, value: saved[key] });
    });
  }

  return { setTimescale };
}
