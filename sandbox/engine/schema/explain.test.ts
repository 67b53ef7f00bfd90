import { describe, expect, it } from 'vitest';
import { explainType, fieldsAt } from './explain.js';

describe('fieldsAt', () => {
  it('describes a kind with its top-level fields', () => {
    const node = fieldsAt('apps/v1', 'Deployment', []);
    expect(node).toMatchObject({ group: 'apps', version: 'v1', kind: 'Deployment', type: 'Object', description: 'Deployment enables declarative updates for Pods and ReplicaSets.' });
    expect(node?.fields.map((f) => `${f.name} <${f.type}>`)).toEqual(['apiVersion <string>', 'kind <string>', 'metadata <ObjectMeta>', 'spec <DeploymentSpec>', 'status <DeploymentStatus>']);
  });

  it('describes a scalar field', () => {
    const node = fieldsAt('apps/v1', 'Deployment', ['spec', 'replicas']);
    expect(node).toMatchObject({ field: 'replicas', type: 'integer', required: false, fields: [] });
    expect(node?.description).toBe('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.');
  });

  it('walks through lists and marks required fields', () => {
    const node = fieldsAt('v1', 'Pod', ['spec', 'containers']);
    expect(node).toMatchObject({ type: '[]Container', required: true, typeDescription: 'A single application container that you want to run within a pod.' });
    expect(node?.fields.find((f) => f.name === 'name')).toMatchObject({ type: 'string', required: true });
    expect(node?.fields.find((f) => f.name === 'ports')).toMatchObject({ type: '[]ContainerPort', required: false });
    expect(fieldsAt('v1', 'Pod', ['spec', 'containers', 'imagePullPolicy'])?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('names scalar references by their type and others by their name', () => {
    expect(fieldsAt('v1', 'Pod', ['metadata', 'creationTimestamp'])?.type).toBe('string');
    expect(fieldsAt('apps/v1', 'Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])?.type).toBe('IntOrString');
    expect(fieldsAt('v1', 'Pod', ['spec', 'containers', 'resources', 'limits'])?.type).toBe('map[string]Quantity');
    expect(explainType({ type: 'object', additionalProperties: { type: 'string' } })).toBe('map[string]string');
  });

  it('is undefined for a field that does not exist or a kind without a schema', () => {
    expect(fieldsAt('apps/v1', 'Deployment', ['spec', 'foo'])).toBeUndefined();
    expect(fieldsAt('example.com/v1', 'Widget', [])).toBeUndefined();
  });
});
