import { accountPolicies } from './modules/account/account.policy.js';
import { actionsPolicies } from './modules/actions/actions.policy.js';
import { administrationPolicies } from './modules/administration/administration.policy.js';
import { apiPolicies } from './modules/api/api.policy.js';
import { arrangementsPolicies } from './modules/arrangements/arrangements.policy.js';
import { calendarPolicies } from './modules/calendar/calendar.policy.js';
import { dashboardPolicies } from './modules/dashboard/dashboard.policy.js';
import { governancePolicies } from './modules/governance/governance.policy.js';
import { homePolicies } from './modules/home/home.policy.js';
import { invitationPolicies } from './modules/invitations/invitations.policy.js';
import { meetingsPolicies } from './modules/meetings/meetings.policy.js';
import { reviewsPolicies } from './modules/reviews/reviews.policy.js';
import type { NavigationArea } from './platform/http/navigation.js';

/**
 * Every area of MASA and its pages, in the order the navigation shows them. At most eight
 * areas sit at the top level: a new capability adds its pages to the area it belongs to
 * (plans, performance data, assurance, learning, engagement and levels of need to
 * "Assurance and learning"; child deaths and escalations to "Case reviews"; the yearly report
 * and finance to "Reports and finance"), and creates that area the first time one is needed.
 * Each page names its route's own policy object; the navigation test checks that it is.
 * See docs/decisions/0022-navigation.md.
 */
export const NAVIGATION: readonly NavigationArea[] = [
  {
    name: 'Home',
    pages: [
      { text: 'Home', href: '/', policy: homePolicies.home },
      { text: 'Dashboard', href: '/dashboard', policy: dashboardPolicies.read },
      { text: 'Working days', href: '/working-days', policy: calendarPolicies.count },
    ],
  },
  {
    name: 'Governance',
    pages: [
      { text: 'Overview', href: '/governance', policy: governancePolicies.read },
      { text: 'Agencies', href: '/agencies', policy: governancePolicies.read },
      { text: 'People', href: '/people', policy: governancePolicies.read },
      {
        text: 'Bodies',
        href: '/bodies',
        policy: governancePolicies.read,
        matches: ['/memberships'],
      },
      { text: 'Structure chart', href: '/governance/structure', policy: governancePolicies.read },
      { text: 'Membership matrix', href: '/governance/matrix', policy: governancePolicies.read },
      { text: 'Import from CSV', href: '/governance/import', policy: governancePolicies.manage },
      { text: 'Arrangements', href: '/arrangements', policy: arrangementsPolicies.read },
      {
        text: 'Amendment requests',
        href: '/arrangements/amendments',
        policy: arrangementsPolicies.manage,
      },
    ],
  },
  {
    name: 'Meetings',
    pages: [
      { text: 'Meetings', href: '/meetings', policy: meetingsPolicies.read },
      {
        text: 'Attendance statistics',
        href: '/meetings/attendance-statistics',
        policy: meetingsPolicies.read,
      },
    ],
  },
  {
    name: 'Actions',
    pages: [
      { text: 'Action log', href: '/actions', policy: actionsPolicies.read },
      { text: 'My actions', href: '/actions/mine', policy: actionsPolicies.read },
    ],
  },
  {
    name: 'Case reviews',
    pages: [
      { text: 'Cases', href: '/reviews', policy: reviewsPolicies.list },
      { text: 'Figures', href: '/reviews/figures', policy: reviewsPolicies.list },
    ],
  },
  {
    name: 'Administration',
    pages: [
      { text: 'Overview', href: '/admin', policy: administrationPolicies.overview },
      { text: 'People and roles', href: '/admin/people', policy: administrationPolicies.people },
      { text: 'Invitations', href: '/admin/invitations', policy: invitationPolicies.manage },
      { text: 'Audit trail', href: '/admin/audit', policy: administrationPolicies.auditTrail },
      { text: 'Mail outbox', href: '/admin/outbox', policy: administrationPolicies.outbox },
      { text: 'Working calendar', href: '/admin/calendar', policy: calendarPolicies.manage },
      { text: 'Statutory timescales', href: '/admin/timescales', policy: calendarPolicies.manage },
    ],
  },
  {
    name: 'Your account',
    placement: 'end',
    pages: [
      { text: 'Your account', href: '/account', policy: accountPolicies.ownAccount },
      { text: 'API documentation', href: '/api/docs', policy: apiPolicies.read },
    ],
  },
];
