import { describe, expect, it } from 'vitest';
import { GROUP_VERSIONS } from '../api/resources.js';
import { documentHash } from './openapi-hash.js';
import { openapiV2Document } from './openapi-v2.js';
import { openapiV3Document, openapiV3Root } from './openapi-v3.js';

type Json = Record<string, any>;
const ALL = GROUP_VERSIONS.flatMap((g) => g.versions.map((version) => ({ group: g.group, version })));

/** Every `$ref` target in a value. */
function refs(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('openapiV3Root', () => {
  it('lists every group version with a stable hash of its document', () => {
    const root = openapiV3Root(ALL) as Json;
    expect(Object.keys(root.paths)).toContain('api/v1');
    expect(Object.keys(root.paths)).toContain('apis/apps/v1');
    expect(Object.keys(root.paths)).toContain('apis/autoscaling/v1');
    const url: string = root.paths['apis/apps/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    expect(url.split('hash=')[1]).toBe(documentHash(JSON.stringify(openapiV3Document('apps', 'v1'))));
    expect((openapiV3Root(ALL) as Json).paths['apis/apps/v1'].serverRelativeURL).toBe(url);
  });
});

describe('openapiV3Document', () => {
  it.each(ALL)('$group/$version: every PATCH has its GVK and fieldValidation; every reference resolves', ({ group, version }) => {
    const doc = openapiV3Document(group, version) as Json;
    expect(doc.openapi).toBe('3.0.0');
    const patches = Object.values(doc.paths as Json).flatMap((p: Json) => (p.patch ? [p.patch] : []));
    const createOnly = group === 'authentication.k8s.io' || group === 'authorization.k8s.io';
    if (createOnly) expect(patches).toEqual([]);
    else expect(patches.length).toBeGreaterThan(0);
    for (const op of patches) {
      expect(op['x-kubernetes-group-version-kind']).toBeDefined();
      expect(op.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query')).toBe(true);
    }
    for (const ref of refs(doc)) expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
  });

  it('has the real shape for deployments', () => {
    const doc = openapiV3Document('apps', 'v1') as Json;
    const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(Object.keys(item)).toEqual(['get', 'put', 'delete', 'patch', 'parameters']);
    expect(item.patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(Object.keys(item.patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(doc.paths['/apis/apps/v1/deployments'].get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    const spec = doc.components.schemas['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(spec.properties.template).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec' }], description: 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".' });
    expect(spec.required).toEqual(['selector', 'template']);
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
  });

  it('serves namespaces cluster-scoped and pods with their subresources', () => {
    const doc = openapiV3Document('', 'v1') as Json;
    expect(doc.paths['/api/v1/namespaces/{name}'].patch.operationId).toBe('patchCoreV1Namespace');
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}/status'].patch.operationId).toBe('patchCoreV1NamespacedPodStatus');
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind']).toEqual({ group: 'policy', kind: 'Eviction', version: 'v1' });
    expect(doc.components.schemas['io.k8s.api.core.v1.Container'].properties.ports['x-kubernetes-patch-merge-key']).toBe('containerPort');
  });
});

describe('openapiV2Document', () => {
  it('is swagger 2.0 with every reference resolved and the patch extensions', () => {
    const doc = openapiV2Document() as Json;
    expect(doc.swagger).toBe('2.0');
    for (const ref of refs(doc)) expect(doc.definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters.map((p: Json) => p.name)).toEqual(['body', 'dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(doc.definitions['io.k8s.api.core.v1.PodSpec'].properties.containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' });
  });
});

describe('documentHash', () => {
  it('is FNV-1a 64 in its first lane and differs for different documents', () => {
    expect(documentHash('a').slice(0, 16)).toBe('AF63DC4C8601EC8C');
    expect(documentHash('')).toHaveLength(128);
    expect(documentHash('{"a":1}')).not.toBe(documentHash('{"a":2}'));
  });
});
