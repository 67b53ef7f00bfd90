import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionName, DEFINITIONS_FILE, generateDefinitionsJson } from './gen-schemas.js';

describe('gen-schemas', () => {
  it('maps kubernetes-models names to the real spec names', () => {
    expect(definitionName('IoK8sApiAppsV1DeploymentSpec')).toBe('io.k8s.api.apps.v1.DeploymentSpec');
    expect(definitionName('IoK8sApiRbacV1ClusterRole')).toBe('io.k8s.api.rbac.v1.ClusterRole');
    expect(definitionName('IoK8sApiAutoscalingV2beta2MetricSpec')).toBe('io.k8s.api.autoscaling.v2beta2.MetricSpec');
    expect(definitionName('IoK8sApimachineryPkgApisMetaV1ObjectMeta')).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(definitionName('IoK8sApimachineryPkgUtilIntstrIntOrString')).toBe('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(definitionName('IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSON')).toBeUndefined();
  });

  it('the committed definitions.json is what the generator writes (run npx tsx scripts/gen-schemas.ts)', async () => {
    expect(await generateDefinitionsJson()).toBe(readFileSync(DEFINITIONS_FILE, 'utf8'));
  }, 60_000);
});
