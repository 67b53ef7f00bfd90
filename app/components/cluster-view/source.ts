// Where a cluster view gets its data: the learner's sandbox over the lab socket, or a scripted
// demonstration cluster. Both give a snapshot, then updates that apply to it.
import type { ClusterViewSnapshot, ClusterViewUpdate, ObjectDetail, ObjectLink } from '../../../sandbox/cluster-view/wire';

export interface ViewSource {
  /** Starts the feed; returns a stop function. */
  start(handlers: { snapshot(s: ClusterViewSnapshot): void; update(u: ClusterViewUpdate): void; error(message: string): void }): () => void;
  inspect(link: ObjectLink): Promise<ObjectDetail | { error: string }>;
}
