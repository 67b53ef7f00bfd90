import { describe, expect, it } from 'vitest';
import { RESOURCES, apiVersionOf } from '../api/resources.js';
import { DEFINITIONS, definitionNameForKind, goTypeOfDefinition } from './definitions.js';

describe('definitions', () => {
  it.each(RESOURCES.map((r) => [apiVersionOf(r), r.kind, r.listKind, r.verbs.includes('list')] as const))('%s %s has a definition tagged with its kind', (apiVersion, kind, listKind, listable) => {
    const name = definitionNameForKind(apiVersion, kind);
    expect(name).toBeDefined();
    expect(DEFINITIONS[name!].properties?.kind?.type).toBe('string');
    if (listable) expect(definitionNameForKind(apiVersion, listKind)).toBeDefined();
  });

  it('has the meta types, Scale, Eviction and TokenRequest', () => {
    for (const [apiVersion, kind] of [['v1', 'Status'], ['v1', 'APIResourceList'], ['v1', 'DeleteOptions'], ['autoscaling/v1', 'Scale'], ['policy/v1', 'Eviction'], ['authentication.k8s.io/v1', 'TokenRequest'], ['authorization.k8s.io/v1', 'SubjectAccessReview']]) {
      expect(definitionNameForKind(apiVersion, kind), `${apiVersion} ${kind}`).toBeDefined();
    }
    expect(definitionNameForKind('v1', 'Event')).toBe('io.k8s.api.core.v1.Event');
    expect(definitionNameForKind('events.k8s.io/v1', 'Event')).toBe('io.k8s.api.events.v1.Event');
    expect(definitionNameForKind('apps/v1', 'DeleteOptions')).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions');
  });

  it('spells scalars as the real spec does', () => {
    expect(DEFINITIONS['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(DEFINITIONS['io.k8s.apimachinery.pkg.apis.meta.v1.Time']).toMatchObject({ type: 'string', format: 'date-time' });
    expect(DEFINITIONS['io.k8s.apimachinery.pkg.api.resource.Quantity'].type).toBe('string');
    expect(DEFINITIONS['io.k8s.api.core.v1.Secret'].properties?.data?.additionalProperties).toEqual({ type: 'string', format: 'byte' });
    expect(DEFINITIONS['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties?.generation).toMatchObject({ type: 'integer', format: 'int64' });
    expect(DEFINITIONS['io.k8s.api.core.v1.ContainerPort'].properties?.containerPort).toMatchObject({ type: 'integer', format: 'int32' });
    expect(DEFINITIONS['io.k8s.api.core.v1.ObjectMeta' as string]).toBeUndefined();
  });

  it('keeps descriptions with their paragraphs', () => {
    expect(DEFINITIONS['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties?.creationTimestamp.description).toContain('It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only.');
  });

  it('names Go types as encoding/json prints them', () => {
    expect(goTypeOfDefinition('io.k8s.api.apps.v1.DeploymentSpec')).toBe('v1.DeploymentSpec');
    expect(goTypeOfDefinition('io.k8s.apimachinery.pkg.api.resource.Quantity')).toBe('resource.Quantity');
  });
});
