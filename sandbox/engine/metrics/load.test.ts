import { describe, expect, it } from 'vitest';
import { ref, settledCluster } from '../controllers/scenario-helpers.test-util.js';
import { createPhpApache } from '../controllers/hpa.test-util.js';
import { generateLoad, LOAD_ANNOTATION, loadByPod, WGET_LOOP_RPS } from './load.js';

describe('simulated load', () => {
  it('counts the docs load-generator loop against the Service it requests', () => {
    const e = settledCluster();
    createPhpApache(e);
    e.api.create(ref('', 'pods', 'default'), {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'load-generator' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'load-generator', image: 'busybox:1.28', args: ['/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://php-apache; done'] }] },
    });
    e.advance(30_000);
    const load = [...loadByPod(e.api).values()];
    expect(load).toEqual([WGET_LOOP_RPS * 5]); // one php-apache pod; 5 millicores per request per second
  });

  it('keeps a lab action load as an annotation on its target, and removes it when stopped', () => {
    const e = settledCluster();
    createPhpApache(e);
    e.advance(30_000);
    generateLoad(e, { namespace: 'default', deployment: 'php-apache', cpuMillicoresPerPod: 300 });
    const annotations = () => (e.api.get(ref('apps', 'deployments', 'default', 'php-apache')).metadata.annotations ?? {}) as Record<string, string>;
    expect(annotations()[LOAD_ANNOTATION]).toBe('{"cpuMillicoresPerPod":300}');
    expect([...loadByPod(e.api).values()]).toEqual([300]);
    generateLoad(e, { namespace: 'default', deployment: 'php-apache' });
    expect(annotations()[LOAD_ANNOTATION]).toBeUndefined();
  });
});
