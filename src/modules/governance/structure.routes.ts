import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { governancePolicies } from './governance.policy.js';
import { layoutStructure } from './structure-chart.js';
import { renderStructureSvg } from './structure-svg.js';
import {
  describeChart,
  describeReportingLines,
  structureTree,
  type StructureBody,
} from './structure-tree.js';

const titleFor = (request: FastifyRequest) =>
  `Governance structure of ${request.principal?.partnershipName ?? 'the partnership'}`;

/** Both shapes of the chart: the page shows one or the other by screen width (CSS). */
function pageCharts(bodies: StructureBody[], title: string, description: string) {
  const chart = (variant: 'wide' | 'narrow') =>
    renderStructureSvg(layoutStructure(bodies, variant), {
      idPrefix: `structure-${variant}`,
      title,
      description,
      links: true,
      className: `masa-structure-chart masa-structure-chart--${variant}`,
    });
  return { wide: chart('wide'), narrow: chart('narrow') };
}

/** The picture of the bodies and their reporting lines (item 7 of the registry). */
export function structureRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: governancePolicies.read } };
  const activeBodies = (request: FastifyRequest) =>
    services.governance.bodies.all(tenantContext(request));

  app.get('/governance/structure', read, async (request, reply) => {
    const bodies = await activeBodies(request);
    const tree = structureTree(bodies);
    return reply.page('governance/views/structure.njk', {
      pageTitle: 'Governance structure',
      tree,
      charts: bodies.length > 0 ? pageCharts(bodies, titleFor(request), describeChart(tree)) : null,
    });
  });

  app.get('/governance/structure.svg', read, async (request, reply) => {
    const bodies = await activeBodies(request);
    const title = titleFor(request);
    const svg = renderStructureSvg(layoutStructure(bodies, 'wide'), {
      idPrefix: 'structure',
      title,
      description: describeReportingLines(structureTree(bodies)),
      links: false,
    });
    // Saved, never shown as this site's page: no sniffing, and a sandbox if opened anyway.
    return reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="governance-structure.svg"')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
  });
}
