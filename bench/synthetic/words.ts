/**
 * Fictional names and text for synthetic partnerships. Places are made of two syllables
 * that name no real town; people's names are common first names and surnames put together
 * at random; children's names are deliberately unusual, as in the demo. Nothing here is a
 * real person or record.
 */
import { PARTNERSHIP_STANDING_ITEMS } from '../../src/demo/demo-standing-items.js';

/** A list of single words, written as one string to keep the lists short. */
const words = (text: string): readonly string[] => text.split(' ');

export const PLACE_STARTS = words(
  'Ash Bram Cal Dun Elm Fen Gal Hart Kel Lang Mar Nor Orr Pen Quen Roth Sel Thorn Wyn Yar',
);
export const PLACE_ENDS = words('mere ford by ton ley wick field dale bury holm');

/** A place name: the nth of 200 made-up towns. */
export const placeName = (index: number) =>
  `${PLACE_STARTS[index % PLACE_STARTS.length]}${PLACE_ENDS[Math.floor(index / PLACE_STARTS.length) % PLACE_ENDS.length]}`;

export const FIRST_NAMES = words(
  'Aaron Abigail Adam Aisha Alan Alice Amara Amy Andrew Anita Ben Bethany Carl Caroline ' +
    'Catherine Chloe Colin Dami David Deborah Declan Eleanor Emma Eric Faisal Fiona Gareth ' +
    'Gemma Grace Hamza Harriet Helen Ian Imogen Isaac Jack Jane Jasmine Jenny Joel Julie ' +
    'Karen Kate Kofi Laura Leah Liam Lorna Mandeep Martin Matthew Mei Michael Nadia Naomi ' +
    'Neil Nicola Oliver Olivia Omar Paula Peter Rachel Rebecca Rhys Rosa Ruth Sadia Sarah ' +
    'Scott Simon Sophie Stephen Tanya Theo Tomasz Vicky Wendy Yusuf Zoe',
);

export const SURNAMES = words(
  'Adeyemi Ahmed Allen Atkinson Baker Barnes Bennett Bird Bower Brady Campbell Chandler ' +
    'Chowdhury Clarke Coleman Cooper Dale Davies Doherty Dunn Edwards Ellison Evans Farrell ' +
    'Fisher Fletcher Foster Gill Gordon Graham Griffiths Hall Harding Hayes Hewitt Holt ' +
    'Hughes Iqbal Jackson James Jenkins Kaur Kelly Khan Knight Lamb Lawson Lewis Lloyd Lowe ' +
    'Malik Marsh Mason Mensah Mills Moore Nash Nowak Oakley Owen Palmer Parry Patel Pearce ' +
    'Quinn Reid Rhodes Riley Sharma Shaw Singh Stone Sutton Taylor Thornton Turner Walsh Ward ' +
    'Webb Young',
);

export const CHILD_FIRST_NAMES = words(
  'Ellory Juniper Rowan Sable Odile Wren Linden Marlo Tamsin Caspian Briar Ottoline Perrin ' +
    'Saffi Lark Emrys Isolde Fenn Clover Aurek',
);
export const CHILD_SURNAMES = words(
  'Marchbank Ashcombe Tillbrook Fenwright Harrowgate Castlemaine Quillfeather Brackenridge ' +
    'Moorcroft Thistlewood Pellingham Ormsby-Vale Kestrelton Wildersley Amberhurst Corrowdale',
);
export const STREETS = [
  'Sorrel Yard',
  'Larch Row',
  'Kingfisher Walk',
  'Tannery Lane',
  'Orchard Rise',
  'Mill Court',
  'Heron Close',
  'Quarry Street',
  'Bellfounder Way',
  'Chapel Steps',
  'Weavers Terrace',
] as const;

export const JOB_TITLES: Record<string, readonly string[]> = {
  local_authority: [
    "Director of Children's Services",
    'Head of Early Help',
    'Education Safeguarding Lead',
    'Consultant in Public Health',
    'Head of Housing Services',
    'Community Safety Manager',
    'Principal Education Welfare Officer',
    'Local Authority Designated Officer',
  ],
  childrens_trust: [
    'Chief Executive',
    'Principal Social Worker',
    'Head of Service, Children in Need',
    'Team Manager, Front Door',
    'Head of Service, Exploitation and Missing',
    'Independent Reviewing Officer',
    'Child Protection Chair',
    'Service Manager, Children in Care',
  ],
  police: [
    'Chief Superintendent',
    'Detective Chief Inspector',
    'Detective Inspector, Public Protection',
    'Detective Sergeant, Child Abuse Investigation',
    'Superintendent, Safeguarding',
    'Inspector, Neighbourhood Policing',
  ],
  health_commissioner: [
    'Chief Nursing Officer',
    'Designated Nurse – Safeguarding Children',
    'Designated Doctor for Safeguarding Children',
    'Named GP for Safeguarding Children',
    'Head of Safeguarding',
  ],
  health_provider: [
    'Named Nurse for Safeguarding Children',
    'Named Doctor',
    'Health Visiting Team Leader',
    'School Nurse',
    'Consultant Paediatrician',
    'Practice Manager',
    'Midwifery Safeguarding Lead',
  ],
  education: [
    'Headteacher',
    'Designated Safeguarding Lead',
    'Deputy Headteacher',
    'Nursery Manager',
    'Special Educational Needs Co-ordinator',
    'Attendance Officer',
  ],
  probation: ['Head of Public Protection', 'Senior Probation Officer', 'Probation Officer'],
  youth_justice: ['Head of Youth Justice', 'Youth Justice Practitioner', 'Team Manager'],
  voluntary_community: [
    'Chief Executive',
    'Safeguarding Officer',
    'Service Manager',
    'Volunteer Co-ordinator',
    'Youth Work Lead',
    'Project Worker',
  ],
  other: ['Independent Scrutineer', 'Lay Member', 'Independent Chair', 'Safeguarding Adviser'],
};

/** Relevant agencies by type: a name template filled with a town, and how common it is. */
export const AGENCY_KINDS = [
  {
    agencyType: 'education',
    weight: 34,
    names: [
      '{town} Primary School',
      '{town} Academy',
      "St Aldhelm's C of E Primary School, {town}",
      '{town} Day Nursery',
      '{town} Community College',
      '{town} Infant School',
    ],
  },
  {
    agencyType: 'health_provider',
    weight: 20,
    names: [
      '{town} Medical Practice',
      'The {town} Surgery',
      '{town} Health Centre',
      '{town} Dental Practice',
      '{town} Community Pharmacy',
    ],
  },
  {
    agencyType: 'voluntary_community',
    weight: 26,
    names: [
      '{town} Family Support',
      '{town} Young Carers',
      '{town} Food Bank',
      '{town} Youth Network',
      '{town} Rovers Junior Football Club',
      '{town} Methodist Church',
      "{town} Women's Aid",
      '{town} Scout Group',
    ],
  },
  {
    agencyType: 'other',
    weight: 12,
    names: [
      '{town} Housing Association',
      '{town} Leisure Centre',
      '{town} Library Service',
      '{town} Taxi Licensing',
    ],
  },
  { agencyType: 'probation', weight: 2, names: ['{town} Probation Office'] },
  { agencyType: 'youth_justice', weight: 2, names: ['{town} Youth Justice Team'] },
  {
    agencyType: 'health_provider',
    weight: 4,
    names: ['{town} and District Hospitals NHS Trust', '{town} Community Health NHS Trust'],
  },
] as const;

export const BODY_TOPICS = {
  sub_group: [
    'Quality Assurance and Performance',
    'Learning and Development',
    'Case Review Group',
    'Child Death Overview Panel',
    'Policy and Procedures',
    'Education Safeguarding',
    'Health Safeguarding',
    'Communications and Engagement',
    'Workforce and Training Pool',
    'Finance and Business Planning',
    'Multi-agency Audit',
    'Early Help',
  ],
  priority_group: [
    'Child Exploitation',
    'Tackling Neglect',
    'Domestic Abuse',
    'Online Safety',
    'Missing Children',
    'Contextual Safeguarding',
    'Harmful Sexual Behaviour',
    'Mental Health',
  ],
  reference_group: [
    'Designated Safeguarding Leads',
    'Voluntary Sector Forum',
    'Faith Communities',
    "Young People's Voice",
    'Health Partnership',
    'Practitioner Forum',
    'Parents and Carers',
  ],
  task_and_finish: [
    'Bruising in Non-Mobile Babies',
    'Safe Sleep',
    'Neglect Toolkit',
    'Escalation Policy',
    'Threshold Document',
    'Private Fostering Awareness',
    'Elective Home Education',
    'Transitions to Adult Services',
    'Serious Youth Violence',
    'Child Sexual Abuse in the Family',
  ],
} as const;

export const LOCATIONS = [
  'Council House, Committee Room 2',
  'Civic Centre, Room 4',
  'Police Headquarters, Conference Room',
  'Online (Microsoft Teams)',
  'Online (Microsoft Teams)',
  'Education Centre, Seminar Room',
  'Community Hub, Main Hall',
  'Integrated Care Board Offices, Boardroom',
] as const;

/** Section 15's eight for the Partnership (as the demo has them), then two more for others. */
export const STANDING_ITEMS = [
  ...PARTNERSHIP_STANDING_ITEMS,
  'Progress reports from the sub-groups',
  'Risk register',
  'Performance scorecard',
] as const;

export const AGENDA_ITEMS = [
  'Multi-agency audit findings',
  'Section 11 audit returns',
  'Draft yearly report',
  'Budget and partner contributions',
  'Training needs analysis',
  'Neglect strategy refresh',
  'Exploitation data profile',
  'Thresholds document review',
  'Voice of the child survey results',
  'Independent scrutineer’s report',
  'Escalation policy use',
  'Ofsted inspection preparation',
  'Learning review briefing',
  'Domestic abuse notifications pilot',
  'Early help performance',
  'Elective home education update',
  'Private fostering awareness',
  'Child death review themes',
  'Risk register review',
  'Communications plan',
  'Practitioner survey',
  'Business plan progress',
  'Safeguarding in schools audit',
  'Health visiting capacity',
  'Missing episodes data',
  'Online safety campaign',
  'Policy update: safe sleep',
  'Working Together changes',
] as const;

export const PRESENTERS = [
  'Business manager',
  'Independent chair',
  'Independent scrutineer',
  'Designated nurse',
  'Head of service',
  'Detective inspector',
  'Principal social worker',
  'Education lead',
  '',
] as const;

export const MINUTE_SENTENCES = [
  'The group received the report and asked questions of the lead officer.',
  'Members noted the progress made since the last meeting.',
  'Partners agreed that the findings should be shared with every agency’s safeguarding lead.',
  'The chair asked for an update at the next meeting.',
  'Discussion focused on the capacity of front-line teams over the winter.',
  'Members welcomed the improvement in timeliness and asked for the data by locality.',
  'Concerns were raised about late information sharing; the group agreed to escalate them.',
  'The paper was taken as read; there were no questions.',
  'Members agreed the recommendations subject to the comments made.',
  'The lead officer explained the reasons for the delay and the revised timetable.',
] as const;

export const DECISIONS = [
  'Approve the refreshed neglect strategy for publication.',
  'Adopt the revised escalation policy across all agencies from next quarter.',
  'Agree the multi-agency training programme for the coming year.',
  'Endorse the audit action plan and monitor it at each meeting.',
  'Approve the partnership budget and partner contributions.',
  'Agree the priorities of the business plan.',
  'Commission a thematic review of exploitation cases.',
  'Publish the learning briefing to practitioners.',
  'Approve the terms of reference as amended.',
  'Agree that the sub-group reports quarterly on its performance measures.',
] as const;

export const ACTION_VERBS = [
  'Circulate',
  'Share',
  'Review',
  'Update',
  'Bring back',
  'Publish',
  'Audit',
  'Report on',
  'Agree',
  'Draft',
  'Present',
  'Collect',
] as const;
export const ACTION_OBJECTS = [
  'the audit findings',
  'the training evaluation',
  'the data profile',
  'the risk register',
  'the escalation policy',
  'the learning briefing',
  'the section 11 returns',
  'the business plan',
  'the terms of reference',
  'the performance scorecard',
  'the threshold document',
  'the communications plan',
  'the practitioner survey results',
  'the safe sleep leaflet',
] as const;
export const ACTION_AUDIENCES = [
  'to all agencies',
  'to the next meeting',
  'to designated safeguarding leads',
  'to the Chairs Consultation Forum',
  'with the health partners',
  'to front-line managers',
  'on the partnership website',
  'with the schools',
] as const;

export const UPDATE_NOTES = [
  'Work has started; a first draft is with the lead officer.',
  'Discussed with the team managers; on track.',
  'Waiting for two agencies to send their information.',
  'Shared with the sub-group for comment.',
  'Completed and sent to all partners.',
  'Delayed by staff absence; expected within the month.',
  'Draft reviewed by the business unit.',
  'Data received from all agencies and being analysed.',
  'Presented at the practitioner forum.',
  'Agreed with the chair.',
] as const;

export const CLOSING_EVIDENCE = [
  'Report circulated to all agencies; see the minutes of the next meeting.',
  'Published on the partnership website.',
  'Audit completed and findings presented to the sub-group.',
  'Policy updated and version recorded in the procedures manual.',
  'Training delivered to 120 practitioners; evaluation attached to the minutes.',
  'Confirmed by every agency in writing.',
] as const;

export const CANCEL_REASONS = [
  'Superseded by a new action agreed at a later meeting.',
  'No longer needed after the change in national guidance.',
  'Merged with another action of the business plan.',
] as const;

export const MEETING_CANCEL_REASONS = [
  'Too few members could attend; the items move to the next meeting.',
  'Cancelled because of the inspection; the business is taken at the next meeting.',
  'Cancelled for the severe weather warning.',
] as const;

export const GUEST_ROLES = [
  'Observer from a neighbouring partnership',
  'Presenting an item',
  'Student social worker',
  'Ofsted inspector (observing)',
  'Note taker',
] as const;

export const REVIEW_TEXTS = {
  methodology: [
    'Systems review with a practitioner learning event',
    'Appreciative inquiry with the families and practitioners',
    'Single-agency chronologies merged, then a reflective workshop',
  ],
  reviewers: [
    'An independent lead reviewer commissioned by the partnership',
    'Two independent reviewers with a panel of senior managers',
  ],
  termsOfReference: [
    'How agencies recognised and responded to neglect, and how information was shared.',
    'How the voice of the child was heard in assessments and plans.',
    'How agencies worked together when the family moved between areas.',
  ],
  rationale: [
    'Agencies held information that was not brought together; a local review can examine how they worked together.',
    'The case meets the criteria and raises issues of importance for the whole area.',
    'Learning is single-agency and is being taken forward by the agency concerned.',
    'The incident raises issues of national importance that the Panel should consider.',
  ],
  panelResponse: [
    'The Panel agreed with the decision.',
    'The Panel agreed and asked to see the final report.',
    'The Panel agreed and noted the learning identified.',
  ],
  milestones: [
    'Agency chronologies merged',
    'Practitioner learning event',
    'Family contacted',
    'First draft report to the review group',
    'Final draft to the safeguarding partners',
  ],
  draftRequests: [
    'Please send the first draft to the review group two weeks before its next meeting.',
    'Please send the revised draft with the comments of the partners addressed.',
  ],
  delayReasons: [
    'Parallel criminal proceedings: the review waits for the trial.',
    'The family asked for more time before meeting the reviewer.',
  ],
  recommendations: [
    'Agencies should share concerns about neglect through a single multi-agency chronology.',
    'Police and health should agree how domestic abuse notifications reach the health visitor within one working day.',
    'Schools should record and share patterns of absence with children’s social care.',
    'The partnership should audit the use of the escalation policy within six months.',
    'Agencies should make sure fathers and male carers are included in assessments.',
    'Training on safe sleep should reach every practitioner who visits families with babies.',
  ],
  learning: [
    'Neglect is cumulative: a single chronology shows what separate records hide.',
    'Ask who else knows the family before closing a referral.',
    'Professional curiosity about new adults in the household saves lives.',
    'Children’s own words belong in every assessment.',
    'Escalate when a plan is not working; do not wait for the next review.',
  ],
  closeReasons: [
    'Action plan complete and learning shared.',
    'No review required; single-agency learning taken forward by the agency.',
    'National review concluded by the Panel; local learning shared.',
  ],
  notPublished: ['Publication would identify the family; the Panel was consulted.'],
} as const;
