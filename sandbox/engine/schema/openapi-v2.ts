// /openapi/v2: one swagger 2.0 document with every served path and the definitions they use.
// kubectl falls back to it when /openapi/v3 is missing and reads it for client-side apply's
// strategic merge patch metadata (x-kubernetes-patch-* on the definitions).
import { GROUP_VERSIONS, RESOURCES } from '../api/resources.js';
import type { ResourceType } from '../api/types.js';
import { DEFINITIONS, referencedDefinitions } from './definitions.js';
import { groupVersionPaths, resourcesOperation, type OperationModel, type PathModel } from './openapi-operations.js';
import { PARAMETERS } from './openapi-parameters.js';
import { KUBERNETES_VERSION, resourcesAt } from './openapi-v3.js';

type Json = Record<string, unknown>;
const definitionRef = (name: string) => ({ $ref: `#/definitions/${name}` });
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
const PRODUCES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const STREAMING = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];

function parameterV2(name: string, kind: string): Json {
  const p = PARAMETERS[name];
  const out: Json = { description: p.description.replace('%KIND%', kind), in: p.in, name: p.name };
  if (p.required) out.required = true;
  return { ...out, type: p.type, uniqueItems: true };
}

function operationV2(op: OperationModel, kind: string): Json {
  const out: Json = { consumes: op.method === 'patch' ? PATCH_TYPES : ['*/*'], description: op.description, operationId: op.operationId };
  const params: Json[] = [];
  if (op.body) params.push({ in: 'body', name: 'body', ...(op.method === 'delete' ? {} : { required: true }), schema: definitionRef(op.body) });
  params.push(...[...op.query].sort().map((n) => parameterV2(n, kind)));
  if (params.length) out.parameters = params;
  out.produces = op.list ? [...PRODUCES, ...STREAMING] : PRODUCES;
  out.responses = Object.fromEntries(op.responses.map(([code, description, body]) => [code, body ? { description, schema: definitionRef(body) } : { description }]));
  out.schemes = ['https'];
  out.tags = [op.tag];
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = op.gvk;
  return out;
}

function pathV2(model: PathModel): Json {
  const out: Json = {};
  for (const op of model.operations) out[op.method] = operationV2(op, model.kind);
  if (model.params.length) out.parameters = [...model.params].sort().map((n) => parameterV2(n, model.kind));
  return out;
}

/** The swagger 2.0 document of every served group version. */
export function openapiV2Document(resources: readonly ResourceType[] = RESOURCES): Json {
  const models: PathModel[] = [];
  for (const { group, versions } of GROUP_VERSIONS) {
    for (const version of versions) models.push(resourcesOperation(group, version), ...groupVersionPaths(group, version, resourcesAt(group, version, resources)));
  }
  models.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const used = new Set<string>();
  for (const m of models) for (const op of m.operations) {
    if (op.body) used.add(op.body);
    for (const [, , body] of op.responses) if (body) used.add(body);
  }
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: Object.fromEntries(models.map((m) => [m.path, pathV2(m)])),
    definitions: Object.fromEntries(referencedDefinitions(used).map((name) => [name, DEFINITIONS[name]])),
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    security: [{ BearerToken: [] }],
  };
}
