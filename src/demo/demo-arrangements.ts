import type { Database, TenantContext } from '../db/client.js';
import type { Services } from '../composition.js';
import { checkDocument } from '../platform/files/documents.js';
import { demoPdf } from './demo-pdf.js';

/**
 * The version-control table at the top of the source arrangements document, with
 * fictional authors (the real document's names are not reused).
 */
export const DEMO_ARRANGEMENTS_VERSIONS = [
  {
    versionNumber: 'V1.3',
    issuedOn: '2019-01-07',
    author: 'Morgan Fairweather',
    reason:
      "Statutory requirement, preparation of the partnership's arrangements. Final following the board on 17/12/2018 and period of consultation",
  },
  {
    versionNumber: 'V1.4',
    issuedOn: '2019-01-17',
    author: 'Morgan Fairweather',
    reason: 'Following consultation with the Health Forum',
  },
  {
    versionNumber: 'V1.5',
    issuedOn: '2019-02-26',
    author: 'Morgan Fairweather',
    reason: 'Ratified at the board',
  },
  {
    versionNumber: 'V2',
    issuedOn: '2021-07-12',
    author: 'Priya Shah',
    reason: 'Biennial update',
  },
] as const;

/**
 * The next yearly review: the anniversary of the latest version on or after today. The
 * source's own "a year after V2" (12 July 2022) would be years overdue whenever the demo
 * is tried; the next anniversary keeps the yearly rhythm of section 26 and shows an
 * upcoming review, as a partnership that keeps its reviews would have. (The Overdue tag is
 * shown by the tests, and by moving the date back on the review date page.)
 */
export function nextAnniversary(issuedOn: string, today: string): string {
  const monthDay = issuedOn.slice(5);
  const year = Number(today.slice(0, 4));
  const candidate = anniversaryIn(year, monthDay);
  return candidate >= today ? candidate : anniversaryIn(year + 1, monthDay);
}

/** That month and day in the year, with 29 February as 28 February outside leap years. */
function anniversaryIn(year: number, monthDay: string): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/**
 * The sections of the demo document, after the structure of the model arrangements (section
 * numbers as there), each with a short fictional paragraph: enough to open and read as the
 * published document of a version, never a real partnership's text.
 */
const DEMO_SECTIONS: readonly [string, string][] = [
  [
    'Introduction and purpose',
    'This document sets out how the safeguarding partners of Northshire work together, with relevant agencies, to safeguard and promote the welfare of children in the area. It is a demonstration document: every name in it is fictional.',
  ],
  [
    'The safeguarding partners',
    'Northshire Council, Northshire Police and the Northshire Integrated Care Board share equal responsibility for these arrangements. Each names a lead and a delegated safeguarding partner who may act for them.',
  ],
  [
    'Relevant agencies',
    'Schools, colleges, health providers, the probation service and the voluntary and community sector are relevant agencies. They take part in the sub-groups and share information when asked.',
  ],
  [
    'Structure and reporting lines',
    'The Partnership decides; the Chairs Consultation Forum meets before each Partnership meeting and sets its agenda. Sub-groups, priority groups and reference groups report to the Partnership through their chairs.',
  ],
  [
    'Membership and decision-making',
    'Each body keeps a membership table: status, decision-making rights and deputies with delegated authority. Participant observers advise but do not decide.',
  ],
  [
    'Standing agenda items',
    'Every Partnership agenda carries the standing items: performance, learning from reviews, scrutiny, risks, the budget and what children and families have told us.',
  ],
  [
    'Quoracy',
    'A meeting is quorate only when at least one member from each safeguarding partner is present. Decisions of a sub-group that affect these arrangements go to the Partnership for ratification.',
  ],
  [
    'Case reviews and learning',
    'Serious incidents are notified to the national Panel within five working days, and a rapid review follows within fifteen. Learning is shared through briefings and training.',
  ],
  [
    'Independent scrutiny',
    'An independent scrutineer reviews how well the arrangements work and reports to the partners each year.',
  ],
  [
    'Review of these arrangements',
    'The arrangements are reviewed every year. Members may ask the chair for an amendment at any time; each version below records what changed and why.',
  ],
];

/** The version's published document: title, version, contents, then a page or two of text. */
export function demoArrangementsPdf(
  partnershipName: string,
  version: (typeof DEMO_ARRANGEMENTS_VERSIONS)[number],
) {
  const issued = version.issuedOn.split('-').reverse().join('/');
  return demoPdf(`${partnershipName}: multi-agency safeguarding arrangements`, [
    `Version ${version.versionNumber}, issued ${issued}`,
    `Author: ${version.author}`,
    `Reason for this version: ${version.reason}`,
    '',
    '## Contents',
    ...DEMO_SECTIONS.map(([heading], index) => `${index + 1}. ${heading}`),
    '',
    ...DEMO_SECTIONS.flatMap(([heading, paragraph], index) => [
      `## ${index + 1}. ${heading}`,
      paragraph,
      'The partners review this section with the arrangements each year, and record any change in the version table.',
      '',
    ]),
    '## Version control',
    ...DEMO_ARRANGEMENTS_VERSIONS.filter((each) => each.issuedOn <= version.issuedOn).map(
      (each) => `${each.versionNumber} (${each.issuedOn}), ${each.author}: ${each.reason}`,
    ),
    '',
    'Demonstration document generated by MASA. Its content is fictional.',
  ]);
}

/** The generated PDF of one version, checked as an upload would be. */
async function versionDocument(
  partnershipName: string,
  version: (typeof DEMO_ARRANGEMENTS_VERSIONS)[number],
) {
  const content = demoArrangementsPdf(partnershipName, version);
  const checked = await checkDocument({
    fileName: `safeguarding-arrangements-${version.versionNumber}.pdf`,
    contentType: 'application/pdf',
    content,
    truncated: false,
  });
  if (!checked.ok) throw new Error(`The demo PDF was refused: ${checked.message}`);
  return checked.document;
}

/**
 * Records the demo partnership's arrangements through the service, as an administrator
 * would: the four versions with their files and the next review date. Versions already
 * there are left as they are, so loading twice does no harm. (`_db` keeps the demo
 * loaders' common signature; everything goes through the service.)
 */
export async function loadDemoArrangements(
  _db: Database,
  services: Services,
  context: TenantContext,
  partnershipName = 'Northshire Safeguarding Children Partnership',
) {
  for (const version of DEMO_ARRANGEMENTS_VERSIONS) {
    const added = await services.arrangements.addVersion(context, {
      ...version,
      document: await versionDocument(partnershipName, version),
    });
    if (!added.ok && !added.errors.versionNumber)
      throw new Error(
        `The demo could not add ${version.versionNumber}: ${JSON.stringify(added.errors)}`,
      );
  }
  const current = await services.arrangements.reviewDate(context);
  const latest = DEMO_ARRANGEMENTS_VERSIONS.at(-1)!;
  const set = await services.arrangements.setReviewDate(context, {
    nextReviewDueOn: nextAnniversary(latest.issuedOn, services.governance.today()),
    version: current.version,
  });
  if (!set.ok)
    throw new Error(`The demo could not set the review date: ${JSON.stringify(set.errors)}`);
}
