import { describe, expect, it } from 'vitest';
import type { Identity } from '../server/identity.js';
import { canCreateWorkshops, canManage, phaseOf } from './access.js';

const who = (userId: string, role: Identity['role']): Identity => ({ userId, role });
const workshop = { instructorId: 'teach-1' };

describe('workshop access', () => {
  it('lets instructors and admins create workshops, not learners or guests', () => {
    expect(canCreateWorkshops(who('a', 'instructor'))).toBe(true);
    expect(canCreateWorkshops(who('a', 'admin'))).toBe(true);
    expect(canCreateWorkshops(who('a', 'learner'))).toBe(false);
    expect(canCreateWorkshops(who('a', 'guest'))).toBe(false);
    expect(canCreateWorkshops(undefined)).toBe(false);
  });

  it('lets only the workshop’s own instructor, or an admin, manage it', () => {
    expect(canManage(who('teach-1', 'instructor'), workshop)).toBe(true);
    expect(canManage(who('teach-2', 'instructor'), workshop)).toBe(false);
    expect(canManage(who('boss', 'admin'), workshop)).toBe(true);
    // A demoted instructor (now a learner) no longer manages even their own workshop.
    expect(canManage(who('teach-1', 'learner'), workshop)).toBe(false);
    expect(canManage(who('teach-1', 'guest'), workshop)).toBe(false);
    expect(canManage(undefined, workshop)).toBe(false);
  });

  it('knows when a workshop runs', () => {
    const w = { startsAt: new Date(1000), endsAt: new Date(5000) };
    expect(phaseOf(w, 999)).toBe('scheduled');
    expect(phaseOf(w, 1000)).toBe('running');
    expect(phaseOf(w, 5000)).toBe('ended');
    expect(phaseOf({ ...w, endedAt: new Date(2000) }, 2500)).toBe('ended');
  });
});
