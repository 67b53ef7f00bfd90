// Differential: kubectl explain (kinds, fields through arrays and maps, enums, --recursive,
// --api-version, resource.group prefixes, errors), ours against the real kubectl 1.32 reading
// our API server's /openapi/v3.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const EXPLAIN = [
  'kubectl explain pods',
  'kubectl explain pod.spec.containers',
  'kubectl explain deployment.spec',
  'kubectl explain deploy.spec.selector',
  'kubectl explain pods.metadata.labels',
  'kubectl explain pod.spec.containers.ports.containerPort',
  'kubectl explain pods --recursive',
  'kubectl explain pod.spec.containers.ports --recursive',
  'kubectl explain deployments --api-version=apps/v1',
  'kubectl explain hpa --api-version=autoscaling/v1',
  'kubectl explain hpa',
  'kubectl explain pods.foo',
  'kubectl explain foo',
  'kubectl explain',
  'kubectl explain pods --api-version=v2',
  'kubectl explain svc.spec.type',
  'kubectl explain svc.spec',
  'kubectl explain pods.spec.containers.resources.limits',
  'kubectl explain pod.metadata.managedFields.fieldsV1',
  'kubectl explain pod.spec.containers.name',
  'kubectl explain pods.status.conditions',
  'kubectl explain deployment --recursive',
  'kubectl explain svc --recursive',
  'kubectl explain cronjobs.spec.jobTemplate.spec.template.spec.containers.livenessProbe',
  'kubectl explain ingress.spec.rules',
  'kubectl explain nodes.status',
  'kubectl explain pods.spec.containers.foo',
  'kubectl explain pods.spec.containers.name.foo',
  'kubectl explain deploy.spec.template.spec.containers.image',
  'kubectl explain configmap',
  'kubectl explain secrets.type',
  'kubectl explain pvc.spec.accessModes',
  'kubectl explain sts.spec.updateStrategy',
  'kubectl explain netpol.spec --recursive',
  'kubectl explain ns',
  'kubectl explain events',
  'kubectl explain rolebinding.subjects',
  'kubectl explain pods extra',
  'kubectl explain deployments.apps',
  'kubectl explain deployments.apps.spec.replicas',
  'kubectl explain pods --api-version=apps/v1',
  'kubectl explain pods --api-version=v2',
  'kubectl explain jobs.spec.podFailurePolicy.rules --recursive',
  'kubectl explain pod.spec.volumes.configMap.items',
  'kubectl explain pods.spec.tolerations.operator',
  'kubectl explain node.spec.taints.effect',
];

describe.runIf(realKubectlAvailable())('differential: explain', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());

  it('explains kinds and fields as kubectl prints them', async () => {
    for (const line of EXPLAIN) await d.expectSame(line);
  });
});
