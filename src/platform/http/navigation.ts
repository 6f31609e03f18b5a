import type { Policy, Principal } from '../policy.js';

/**
 * The navigation is data: areas (the top level, in the GOV.UK service navigation) and each
 * area's pages (its sub-navigation), every page with the policy of its route. A page is shown
 * only to those its policy lets in, and an area only when one of its pages is, so what the
 * navigation offers can never drift from what the routes allow. See docs/decisions/0022.
 */
export interface NavigationPage {
  text: string;
  href: string;
  /** The policy of the route at `href`: the same object the route declares. */
  policy: Policy;
  /** Other addresses whose pages belong under this one (a record's pages under its list). */
  matches?: string[];
}

export interface NavigationArea {
  name: string;
  pages: NavigationPage[];
  /** `end`: a person's own things (their account), after the areas, beside "Sign out". */
  placement?: 'end';
}

export interface NavigationLink {
  text: string;
  href: string;
  /** The page shown is this one (aria-current="page"). */
  current?: boolean;
  /** The page shown is inside this one (aria-current="true"). */
  active?: boolean;
}

export interface Navigation {
  areas: NavigationLink[];
  end: NavigationLink[];
  /** The current area's pages, when it has more than one to offer. */
  subNavigation: { label: string; items: NavigationLink[] } | null;
}

const NONE: Navigation = { areas: [], end: [], subNavigation: null };

/** How closely a page's addresses cover a path: the longest that is the path or a parent of it. */
function coverage(page: NavigationPage, path: string) {
  const prefixes = [page.href, ...(page.matches ?? [])];
  const lengths = prefixes
    .filter((prefix) =>
      prefix === '/' ? path === '/' : path === prefix || path.startsWith(`${prefix}/`),
    )
    .map((prefix) => prefix.length);
  return lengths.length ? Math.max(...lengths) : 0;
}

/** The areas and pages this principal may open, with the one that holds `path` marked. */
export function navigationFor(
  areas: readonly NavigationArea[],
  principal: Principal | null,
  path: string,
): Navigation {
  if (!principal) return NONE;
  const visible = areas
    .map((area) => ({
      ...area,
      pages: area.pages.filter((page) => page.policy.decide(principal) === 'allow'),
    }))
    .filter((area) => area.pages.length > 0);
  let best: { area: string; page: NavigationPage; length: number } | null = null;
  for (const area of visible)
    for (const page of area.pages) {
      const length = coverage(page, path);
      if (length > (best?.length ?? 0)) best = { area: area.name, page, length };
    }
  const link = (area: (typeof visible)[number]): NavigationLink => {
    const here = best?.area === area.name;
    const first = area.pages[0]!;
    return {
      text: area.name,
      href: first.href,
      current: here && best!.page === first && path === first.href,
      active: here,
    };
  };
  const current = visible.find((area) => area.name === best?.area);
  return {
    areas: visible.filter((area) => area.placement !== 'end').map(link),
    end: visible.filter((area) => area.placement === 'end').map(link),
    subNavigation:
      current && current.pages.length > 1
        ? {
            label: `${current.name} pages`,
            items: current.pages.map((page) => ({
              text: page.text,
              href: page.href,
              current: best!.page === page && path === page.href,
              active: best!.page === page,
            })),
          }
        : null,
  };
}
