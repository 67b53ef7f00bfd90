import { describe, expect, it } from 'vitest';
import { eventsFor, get, list, ref, settledCluster } from './scenario-helpers.test-util.js';

describe('ReplicationController controller', () => {
  it('keeps spec.replicas pods from the template and reports status (docs nginx RC)', () => {
    const e = settledCluster();
    e.api.create(ref('', 'replicationcontrollers', 'default'), {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'nginx' },
      spec: { replicas: 3, selector: { app: 'nginx' }, template: { metadata: { name: 'nginx', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
    });
    e.advance(30_000);
    const pods = list(e, '', 'pods', 'default').filter((p) => p.metadata.name!.startsWith('nginx-'));
    expect(pods).toHaveLength(3);
    expect(pods[0].metadata.ownerReferences![0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'nginx', controller: true });
    expect(get(e, '', 'replicationcontrollers', 'default', 'nginx').status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(eventsFor(e, 'default', 'ReplicationController', 'nginx')[0]).toMatch(/^Normal SuccessfulCreate replication-controller: Created pod: nginx-[a-z0-9]{5}$/);
    e.api.patch(ref('', 'replicationcontrollers', 'default', 'nginx'), 'merge', { spec: { replicas: 1 } });
    e.advance(60_000);
    expect(list(e, '', 'pods', 'default').filter((p) => p.metadata.name!.startsWith('nginx-'))).toHaveLength(1);
  });
});
