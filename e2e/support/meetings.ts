import { expect, type Page } from '@playwright/test';
import { ukDate } from '../../src/platform/dates.js';
import { workingCalendar, type IsoDate } from '../../src/platform/working-days.js';
import { meetingsRegistry, registry } from './fixtures.js';
import type { Masa } from './masa.js';
import { banner } from './registry.js';

const calendar = workingCalendar();
const todayInUk = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/**
 * A working day `count` working days from today. Each journey meets on its own days, so
 * journeys running side by side never become each other's next or previous meeting.
 */
export const workingDaysAhead = (count: number): IsoDate =>
  calendar.addWorkingDays(todayInUk(), count);

/** A day as MASA writes it, like 27 November 2026. */
export const ukDay = (day: IsoDate) => ukDate(`${day}T12:00:00Z`);

/** Fills a GOV.UK date input (day, month, year boxes) named `name`. */
export async function fillDate(page: Page, name: string, day: IsoDate) {
  const [year, month, date] = day.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(date)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year!);
}

/** Schedules a meeting through /meetings, as the business unit would; returns its path. */
export async function scheduleMeeting(masa: Masa, body: string, day: IsoDate) {
  await masa.visit('/meetings');
  await masa.press('Schedule a meeting');
  await expect(masa.heading()).toHaveText('Schedule a meeting');
  await masa.field('Body').selectOption({ label: body });
  await fillDate(masa.page, 'day', day);
  await masa.press('Schedule meeting');
  await expect(banner(masa.page)).toContainText(`Meeting scheduled for ${ukDay(day)}`);
  await expect(masa.heading()).toHaveText(`Meeting on ${ukDay(day)}`);
  return new URL(masa.page.url()).pathname;
}

type Seat = keyof typeof meetingsRegistry.members;
const agencyOf: Record<Seat, string> = {
  council: registry.agencies.council,
  police: registry.agencies.police,
  health: registry.agencies.health,
  trust: registry.agencies.trust,
};

/** A member's line on the attendance form: a group of radios named for them and their agency. */
export const seatOnForm = (page: Page, seat: Seat) =>
  page.getByRole('group', {
    name: `${meetingsRegistry.members[seat].fullName}, ${agencyOf[seat]}`,
  });

/** The deputy's choice on the attendance form, as the select names them. */
export const policeDeputyChoice = `${meetingsRegistry.policeDeputy.fullName} (delegation from 1 April 2024)`;

/** Records every member present on the meeting's attendance form. */
export async function recordEveryonePresent(masa: Masa, meetingPath: string) {
  await masa.visit(`${meetingPath}/attendance`);
  for (const seat of Object.keys(agencyOf) as Seat[])
    await seatOnForm(masa.page, seat).getByRole('radio', { name: 'Present', exact: true }).check();
  await masa.press('Save attendance');
  await expect(banner(masa.page)).toContainText('Attendance saved');
  await expect(quorum(masa.page)).toContainText('Quorate');
}

/** The meeting page's quorum section. */
export const quorum = (page: Page) => page.locator('#quoracy');

/** The agenda items' titles on the meeting page, in order. */
export const agendaTitles = (page: Page) => page.locator('.masa-agenda > li > h3');

/** An agenda item on the meeting page, by its title. */
export const agendaItem = (page: Page, title: string) =>
  page.locator('.masa-agenda > li').filter({
    has: page.getByRole('heading', { level: 3, name: title, exact: true }),
  });
