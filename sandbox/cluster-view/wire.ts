// What the cluster view sends over the lab page's socket (sandbox/protocol.ts names the events).
import type { ObjectDetail } from './detail.js';
import type { ModelDiff } from './diff.js';
import type { ObjectLink } from './facts.js';
import type { ClusterModel } from './model.js';
import type { Chain } from './timeline.js';

export type { Chain, ClusterModel, ModelDiff, ObjectDetail, ObjectLink };

export interface ClusterViewSnapshot {
  model: ClusterModel;
  chains: Chain[];
}

/** A throttled update: the map's diff and the chains that are new or grew. */
export interface ClusterViewUpdate {
  diff: ModelDiff;
  chains: Chain[];
}

/** The timeline keeps this many recent commands. */
export const MAX_CHAINS = 30;
/** Updates go out at most this often, so a burst of commits is one message. */
export const UPDATE_INTERVAL_MS = 250;
