import { describe, expect, it } from 'vitest';
import { NAV_LINKS, currentMark, linksFor, parseRole } from './site-links';

const link = (label: string) => NAV_LINKS.find((l) => l.label === label)!;

describe('main navigation', () => {
  it('shows Workshops to instructors and admins only', () => {
    const labels = (role?: Parameters<typeof linksFor>[0]) => linksFor(role).map((l) => l.label);
    expect(labels(undefined)).not.toContain('Workshops');
    expect(labels('guest')).not.toContain('Workshops');
    expect(labels('learner')).not.toContain('Workshops');
    expect(labels('instructor')).toContain('Workshops');
    expect(labels('admin')).toEqual(['Courses', 'Lessons', 'Labs', 'Exams', 'Workshops', 'Dashboard']);
  });

  it('marks the link of the page itself, and its section for pages inside it', () => {
    expect(currentMark('/labs', link('Labs'))).toBe('page');
    expect(currentMark('/labs/deploy-nginx', link('Labs'))).toBe('true');
    expect(currentMark('/lessons/architecture', link('Lessons'))).toBe('true');
    expect(currentMark('/lessons', link('Lessons'))).toBe('page');
    expect(currentMark('/course', link('Courses'))).toBe('true');
    expect(currentMark('/courses/cka', link('Courses'))).toBe('true');
  });

  it('does not mark a link whose address merely starts the same way', () => {
    expect(currentMark('/lessons-old', link('Lessons'))).toBeUndefined();
    expect(currentMark('/labsx', link('Labs'))).toBeUndefined();
    expect(currentMark('/', link('Courses'))).toBeUndefined();
  });

  it('accepts only known roles from the server', () => {
    expect(parseRole('instructor')).toBe('instructor');
    expect(parseRole('root')).toBeUndefined();
    expect(parseRole(undefined)).toBeUndefined();
  });
});
