// What the cluster view sends over the lab page's socket (sandbox/protocol.ts names the events).
import type { ObjectDetail } from './detail.js';
import type { ModelDiff } from './diff.js';
import type { ObjectLink } from './facts.js';
import type { ClusterModel, MapItem, ServicePath } from './model.js';
import type { Chain, Stage, Step } from './timeline.js';

export type { Chain, ClusterModel, MapItem, ModelDiff, ObjectDetail, ObjectLink, ServicePath, Stage, Step };

export interface ClusterViewSnapshot {
  model: ClusterModel;
  chains: Chain[];
}

/** A chain that is new or changed: its steps from index `from` on (the ones before are as sent). */
export type ChainUpdate = Chain & { from: number };

/** A throttled update: the map's diff and the chains that are new or grew. */
export interface ClusterViewUpdate {
  diff: ModelDiff;
  chains: ChainUpdate[];
}

/** The receiving side of a ChainUpdate. */
export function mergeChain(old: Chain | undefined, u: ChainUpdate): Chain {
  const { from, ...chain } = u;
  return { ...chain, steps: [...(old?.steps.slice(0, from) ?? []), ...u.steps] };
}

/** The timeline keeps this many recent commands. */
export const MAX_CHAINS = 30;
/** Updates go out at most this often, so a burst of commits is one message. */
export const UPDATE_INTERVAL_MS = 250;

/** A lesson's demonstration, as the page shows it (scenario.ts has the acts' code). */
export interface DemoInfo {
  title: string;
  acts: Array<{ command: string; narration: string }>;
  conclusion: string;
}

export type DemoStartResult = ({ ok: true; demo: DemoInfo } & ClusterViewSnapshot) | { ok: false; message: string };

/** The `/cluster-demo` socket namespace: no learner, no sandbox; one scripted cluster per socket. */
export interface DemoClientEvents {
  'demo:start': (msg: { scenario: string }, ack: (res: DemoStartResult) => void) => void;
  'cluster-view:inspect': (msg: ObjectLink, ack: (res: { ok: true; detail: ObjectDetail } | { ok: false; message: string }) => void) => void;
}

export interface DemoServerEvents {
  'cluster-view:update': (msg: ClusterViewUpdate) => void;
  /** The act now playing; `done` once the last has played. */
  'demo:act': (msg: { act: number; done: boolean }) => void;
}

export const DEMO_NAMESPACE = '/cluster-demo';
