import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/app.js';
import { createDemoPartnership } from './demo-partnership.js';

const { services, database } = await createTestApp();
const { context } = await createDemoPartnership(database.app.db, services);
const { rows, counts } = await services.reviews.dashboard.list(context, {});

describe('the demo partnership’s case reviews', () => {
  it('has a case at every stage, each opened by the demo administrator', async () => {
    expect(rows.map((row) => row.stage).sort()).toEqual([
      'action_plan',
      'learning',
      'local_review',
      'notification',
      'notification',
      'rapid_review',
    ]);
    for (const row of rows) expect(row.onTeam, row.reference).toBe(true);
  });

  it('has one notification overdue and one due within 3 working days, most urgent first', () => {
    expect(counts.overdue).toBe(1);
    expect(rows[0]!.next?.urgency).toBe('overdue');
    expect(rows[0]!.next?.key).toBe('notify_panel');
    expect(rows[1]!.next?.urgency).toBe('due_soon');
  });

  it('has a published review whose action plan is under way', async () => {
    const published = rows.find((row) => row.stage === 'action_plan')!;
    const file = await services.reviews.recommendations.ofCase(context, published.id);
    expect(JSON.stringify(file)).toContain('Launch the shared neglect chronology template');
    const figures = await services.reviews.recommendations.completionFigures(context, [
      published.id,
    ]);
    expect(figures).toEqual({ recommendations: 2, completed: 0 });
  });
});
