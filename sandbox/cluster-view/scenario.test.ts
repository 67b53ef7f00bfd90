import { describe, expect, it } from 'vitest';
import { ScenarioPlayer, replaceDeletedPod } from './scenario.js';
import { stageOrder } from './timeline.js';

const manualTimer = { set: () => 1, clear: () => {} };

describe('replaceDeletedPod scenario', () => {
  it('plays to the end: three pods, one deleted, a replacement running', () => {
    const player = new ScenarioPlayer(replaceDeletedPod, manualTimer);
    const { snapshot } = player.feed.subscribe(() => {});
    expect(snapshot.model.items.filter((i) => i.kind === 'pod' && i.namespace === 'default')).toHaveLength(0);
    let ticks = 0;
    while (!player.done && ticks++ < 1000) player.tick(500);
    expect(player.done).toBe(true);
    const model = player.feed.recorder.model();
    const web = model.items.filter((i) => i.kind === 'pod' && i.namespace === 'default');
    expect(web.map((p) => p.status)).toEqual(['Running', 'Running', 'Running']);
    const chains = player.feed.recorder.timeline();
    // The default cluster's own bootstrap (a StorageClass made as kubectl would) comes first.
    expect(chains.slice(-2).map((c) => c.title)).toEqual(['create deployments.apps default/web', expect.stringMatching(/^delete pods default\/web-/)]);
    const deleteChain = chains.at(-1)!;
    expect(stageOrder(deleteChain)).toEqual(expect.arrayContaining(['kubectl', 'api-server', 'etcd', 'kubelet', 'replicaset-controller', 'scheduler']));
    const deleted = deleteChain.title.split('/')[1];
    expect(web.map((p) => p.name)).not.toContain(deleted);
  });
});
