import { buildAgendaItemsService } from './agenda-items.service.js';
import { buildAgendaPublishingService } from './agenda-publishing.service.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { buildPapersService } from './papers.service.js';
import { buildProposalsService } from './proposals.service.js';
import { buildStandingItemsService } from './standing-items.service.js';

/** Agendas: standing items, a meeting's items and papers, proposals, and publishing. */
export function buildAgendaService(dependencies: MeetingsDependencies) {
  return {
    standingItems: buildStandingItemsService(dependencies),
    items: buildAgendaItemsService(dependencies),
    papers: buildPapersService(dependencies),
    proposals: buildProposalsService(dependencies),
    publishing: buildAgendaPublishingService(dependencies),
  };
}

export type AgendaService = ReturnType<typeof buildAgendaService>;
