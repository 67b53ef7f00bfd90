// The workshop socket.io namespace: the instructor's live dashboard, the read-only observer
// terminal, and the learner's banner (broadcasts, revealed hints, the workshop's end). Its own
// namespace, so none of the sandbox events (terminal input above all) exist on it.
import { z } from 'zod';
import type { LabCell } from './progress';

export const WORKSHOP_NAMESPACE = '/workshop';

const id = z.string().min(1).max(200);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);

export const WatchRequest = z.object({ workshopId: id });
export const ObserveRequest = z.object({ workshopId: id, userId: id, labSlug: slug });
export const FollowRequest = z.object({ labSlug: slug });

export interface WorkshopMessageView {
  id: string;
  kind: 'broadcast' | 'hint';
  text: string;
  labSlug?: string;
  stepId?: string;
  stepTitle?: string;
  createdAt: string;
}

export interface ParticipantView {
  userId: string;
  displayName: string;
  joinedAt: string;
  cells: LabCell[];
}

export interface WorkshopView {
  id: string;
  title: string;
  code: string;
  labs: { slug: string; title: string; steps: { id: string; title: string; hints: string[]; checks: { id: string; title: string }[] }[] }[];
  startsAt: string;
  endsAt: string;
  endedAt?: string;
  stuckMinutes: number;
}

export interface DashboardSnapshot {
  workshop: WorkshopView;
  participants: ParticipantView[];
  messages: WorkshopMessageView[];
}

export interface WorkshopTimesView {
  workshopId: string;
  startsAt: string;
  endsAt: string;
  endedAt?: string;
}

/** What the learner's banner shows on a lab page: per workshop they joined that has this lab. */
export interface FollowView {
  workshopId: string;
  title: string;
  endsAt: string;
  endedAt?: string;
  messages: WorkshopMessageView[];
}

export type WsError = { ok: false; code: 'unauthenticated' | 'forbidden' | 'not-found' | 'bad-request' | 'unavailable'; message: string };
export type WatchResult = ({ ok: true } & DashboardSnapshot) | WsError;
export type ObserveResult = { ok: true; screen: string } | WsError;
export type FollowResult = { ok: true; workshops: FollowView[] } | WsError;

export interface WorkshopClientEvents {
  'workshop:watch': (req: z.infer<typeof WatchRequest>, ack: (r: WatchResult) => void) => void;
  'workshop:observe': (req: z.infer<typeof ObserveRequest>, ack: (r: ObserveResult) => void) => void;
  'workshop:unobserve': () => void;
  'workshop:follow': (req: z.infer<typeof FollowRequest>, ack: (r: FollowResult) => void) => void;
}

export interface WorkshopServerEvents {
  /** A participant's lab cell changed (a check passed or failed). */
  'workshop:progress': (m: { workshopId: string; userId: string; cell: LabCell }) => void;
  'workshop:participant': (m: { workshopId: string; participant: ParticipantView }) => void;
  'workshop:message': (m: { workshopId: string; message: WorkshopMessageView }) => void;
  'workshop:times': (m: WorkshopTimesView) => void;
  /** The observed terminal's output, after the screen the observe ack carried. */
  'observe:output': (m: { userId: string; labSlug: string; data: string }) => void;
  'observe:ended': (m: { userId: string; labSlug: string; reason: string }) => void;
}

/** socket.io rooms (they work across processes with the Redis adapter). */
export const rooms = {
  instructors: (workshopId: string) => `workshop:${workshopId}:instructors`,
  learners: (workshopId: string) => `workshop:${workshopId}:learners`,
};
