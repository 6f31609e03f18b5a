import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import { partnership } from '../../db/schema/index.js';
import type { AuditService } from '../../platform/audit/audit.service.js';

export function buildPartnershipsService(db: Database, audit: AuditService) {
  /** A new tenant. The context is the new partnership's own, since RLS admits nothing else. */
  async function create(name: string, slug: string, actorUserId: string | null = null) {
    const id = randomUUID();
    const context: TenantContext = { partnershipId: id, userId: actorUserId };
    return inTenant(db, context, async (tx) => {
      const [created] = await tx.insert(partnership).values({ id, name, slug }).returning();
      await audit.record(tx, context, {
        action: 'partnership.created',
        entityType: 'partnership',
        entityId: id,
        after: { name, slug },
      });
      return created!;
    });
  }

  function find(context: TenantContext) {
    return inTenant(db, context, async (tx) => {
      const [found] = await tx
        .select()
        .from(partnership)
        .where(eq(partnership.id, context.partnershipId));
      return found ?? null;
    });
  }

  return { create, find };
}

export type PartnershipsService = ReturnType<typeof buildPartnershipsService>;
