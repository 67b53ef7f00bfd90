// The core commands with the oldest and newest kubectl installed (1.27 speaks aggregated
// discovery v2beta1 and exec over SPDY only; 1.33 is the newest).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

for (const version of ['1.27', '1.33']) {
  describe.runIf(realKubectlAvailable())(`real kubectl ${version}: core commands`, () => {
    let c: CompatCluster;
    beforeAll(async () => {
      c = await CompatCluster.start(createLabEngine({ now: START }));
    });
    afterAll(() => c?.close());
    const k = (golden: string, args: string[], files?: Record<string, string>) => c.expect(`v${version}-${golden}`, args, { version, files });

    it('create, get, describe, apply, label, delete', async () => {
      await k('create-namespace', ['create', 'namespace', 'team-a']);
      await k('get-namespaces', ['get', 'namespaces']);
      await k('apply-create', ['apply', '-f', 'cm.yaml'], { 'cm.yaml': CM });
      await k('apply-configured', ['apply', '-f', 'cm.yaml'], { 'cm.yaml': CM.replace('fast', 'slow') });
      await k('get-cm-yaml', ['get', 'configmap', 'settings', '-o', 'yaml']);
      await k('describe-cm', ['describe', 'configmap', 'settings']);
      await k('label', ['label', 'configmap', 'settings', 'tier=web']);
      await k('get-cm-labels', ['get', 'cm', '--show-labels']);
      await k('get-nodes', ['get', 'nodes']);
      await k('delete', ['delete', 'configmap', 'settings']);
      await k('get-not-found', ['get', 'configmap', 'settings']);
    });
  });
}
