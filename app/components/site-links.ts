// The main navigation: which links the header shows, and which one is the current page.
// Pure data and functions so the rules are tested without a browser.

export type NavRole = 'guest' | 'learner' | 'instructor' | 'admin';

export interface NavLink {
  href: string;
  label: string;
  /** Other path prefixes that belong to this section (a lab page is under Labs). */
  sections: string[];
  /** Least role that sees the link; everyone when absent. */
  least?: NavRole;
}

export const NAV_LINKS: readonly NavLink[] = [
  { href: '/courses', label: 'Courses', sections: ['/courses', '/course', '/certificates'] },
  { href: '/lessons', label: 'Lessons', sections: ['/lessons'] },
  { href: '/labs', label: 'Labs', sections: ['/labs'] },
  { href: '/exams', label: 'Exams', sections: ['/exams'] },
  { href: '/workshops', label: 'Workshops', sections: ['/workshops'], least: 'instructor' },
  { href: '/dashboard', label: 'Dashboard', sections: ['/dashboard'] },
];

const RANK: Record<NavRole, number> = { guest: 0, learner: 1, instructor: 2, admin: 3 };

export function linksFor(role: NavRole | undefined): NavLink[] {
  return NAV_LINKS.filter((l) => !l.least || (role !== undefined && RANK[role] >= RANK[l.least]));
}

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** 'page' on the link's own address, 'true' anywhere else in its section, else undefined. */
export function currentMark(pathname: string, link: NavLink): 'page' | 'true' | undefined {
  if (pathname === link.href) return 'page';
  return link.sections.some((s) => under(pathname, s)) ? 'true' : undefined;
}

export function parseRole(value: unknown): NavRole | undefined {
  return value === 'guest' || value === 'learner' || value === 'instructor' || value === 'admin' ? value : undefined;
}
