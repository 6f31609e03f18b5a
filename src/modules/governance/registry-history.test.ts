import { describe, expect, it } from 'vitest';
import { registryTestBed } from './registry-fixtures.js';
import { fieldLabel } from './registry-history.js';

const { services, context, agent, fixtures } = await registryTestBed();

describe('record history', () => {
  it('labels fields as people say them', () => {
    expect(fieldLabel('reportsToId')).toBe('Reports to');
    expect(fieldLabel('chairPersonId')).toBe('Chair');
    expect(fieldLabel('isSafeguardingPartner')).toBe('Is safeguarding partner');
  });

  it('names the agencies, people and bodies a change refers to, instead of their ids', async () => {
    const parent = await fixtures.body({ name: 'The Partnership' });
    const agency = await fixtures.agency({ name: 'Northshire Police' });
    const chair = await fixtures.person(agency, { fullName: 'Quinn Adler' });
    const child = await fixtures.body({
      name: 'Quality Group',
      reportsToId: parent,
      chairPersonId: chair,
    });
    const page = await agent.get(`/bodies/${child}`);
    const history = page.$('#history ~ div').text();
    expect(history).toContain('Reports to: The Partnership');
    expect(history).toContain('Chair: Quinn Adler');
    expect(history).toContain('Cadence: Bi-monthly');
    expect(history).not.toContain(parent);
    expect(history).not.toContain(chair);
    const rows = (await services.governance.bodies.find(context, child))!.history;
    expect(rows[0]?.changes.find((change) => change.label === 'Vice chair')?.value).toBe('none');
  });
});
