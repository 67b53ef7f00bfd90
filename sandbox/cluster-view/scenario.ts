// Scripted demonstrations a lesson plays in the page: a small default cluster of its own (played
// on the server by demo-server.ts), acts that run a command and then let the cluster react for
// some simulated time. The player advances in small slices so the view animates.
import { createDefaultCluster } from '../engine/cluster.js';
import { ManualClock, SeededRandom } from '../engine/clock.js';
import type { Engine } from '../engine/engine.js';
import { ClusterViewFeed, type FeedTimer } from './feed.js';

export interface ScenarioAct {
  /** The command as the learner would type it (shown, not parsed). */
  command: string;
  /** What to watch for, shown while the act plays. */
  narration: string;
  run(engine: Engine): void;
  /** Simulated time the cluster gets to react before the next act. */
  playMs: number;
}

export interface Scenario {
  id: string;
  title: string;
  acts: ScenarioAct[];
  /** Shown when the last act has played. */
  conclusion: string;
}

const DEMO_EPOCH = Date.parse('2026-01-05T09:00:00Z');
const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };
const pods = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

export const replaceDeletedPod: Scenario = {
  id: 'replace-deleted-pod',
  title: 'Delete a pod and watch the ReplicaSet controller replace it',
  acts: [
    {
      command: 'kubectl create deployment web --image=nginx --replicas=3',
      narration: 'The Deployment controller creates a ReplicaSet, the ReplicaSet controller three pods, the scheduler places them and each kubelet starts its containers.',
      run: (engine) =>
        engine.client('kubectl').create(deployments, {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', labels: { app: 'web' } },
          spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
        }),
      playMs: 10_000,
    },
    {
      command: 'kubectl delete pod <the first web pod>',
      narration: 'The pod goes Terminating; the ReplicaSet controller counts two of three and creates a replacement, which the scheduler and a kubelet bring up.',
      run: (engine) => {
        const victim = engine.client('kubectl').list(pods).items.find((p) => p.metadata.name?.startsWith('web-'));
        if (victim?.metadata.name) engine.client('kubectl').delete({ ...pods, name: victim.metadata.name });
      },
      playMs: 40_000,
    },
  ],
  conclusion: 'Three pods run again: nobody recreated the pod by hand, the ReplicaSet controller did, because the desired state (replicas: 3) never changed.',
};

export const SCENARIOS: Record<string, Scenario> = { [replaceDeletedPod.id]: replaceDeletedPod };

/** Plays a scenario on its own cluster; tick() moves simulated time and runs acts when due. */
export class ScenarioPlayer {
  readonly engine: Engine;
  readonly feed: ClusterViewFeed;
  /** The act playing (acts.length when done). */
  act = -1;
  private left = 0;

  constructor(
    readonly scenario: Scenario,
    timer?: FeedTimer,
  ) {
    this.engine = createDefaultCluster({ clock: new ManualClock(DEMO_EPOCH), random: new SeededRandom(42), settleMs: 30_000 });
    this.feed = new ClusterViewFeed(this.engine, timer);
  }

  get done(): boolean {
    return this.act >= this.scenario.acts.length;
  }

  /** Lets the cluster run for ms of simulated time, starting the next act when the current one has played. */
  tick(ms: number): void {
    if (this.done) return;
    if (this.left <= 0) {
      this.act++;
      if (this.done) return;
      const act = this.scenario.acts[this.act];
      act.run(this.engine);
      this.left = act.playMs;
    }
    const slice = Math.min(ms, this.left);
    this.engine.advance(slice);
    this.left -= slice;
    if (this.left <= 0 && this.act === this.scenario.acts.length - 1) this.act++;
  }
}
