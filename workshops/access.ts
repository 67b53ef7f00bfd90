// Who may do what with a workshop. The instructor who created it, or an admin, manages it (its
// dashboard, results, observer terminals, actions); nobody else learns it exists.
import { hasRole, type Identity } from '../server/identity';

export function canCreateWorkshops(identity: Identity | undefined): boolean {
  return hasRole(identity, 'instructor');
}

export function canManage(identity: Identity | undefined, workshop: { instructorId: string }): boolean {
  if (!identity) return false;
  if (identity.role === 'admin') return true;
  return hasRole(identity, 'instructor') && identity.userId === workshop.instructorId;
}

export type WorkshopPhase = 'scheduled' | 'running' | 'ended';

export interface WorkshopTimes {
  startsAt: Date;
  endsAt: Date;
  endedAt?: Date | null;
}

export function phaseOf(w: WorkshopTimes, nowMs: number): WorkshopPhase {
  if (w.endedAt || nowMs >= w.endsAt.getTime()) return 'ended';
  return nowMs < w.startsAt.getTime() ? 'scheduled' : 'running';
}
