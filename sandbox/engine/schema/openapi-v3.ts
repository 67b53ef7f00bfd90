// /openapi/v3: the root listing one document per group version, and those documents (OpenAPI
// 3.0.0 with paths and every schema they reference). kubectl reads them for client-side apply,
// edit and `create -f` (to learn that PATCH takes fieldValidation) and for `kubectl explain`.
import { RESOURCES, SERVED_EXTRA_VERSIONS } from '../api/resources.js';
import type { ResourceType } from '../api/types.js';
import { DEFINITIONS, referencedDefinitions } from './definitions.js';
import { documentHash } from './openapi-hash.js';
import { groupVersionKey, groupVersionPath } from './openapi-names.js';
import { groupVersionPaths, resourcesOperation, type OperationModel, type PathModel } from './openapi-operations.js';
import { PARAMETERS } from './openapi-parameters.js';
import { refName, type Schema } from './types.js';

const SCHEMA_PREFIX = '#/components/schemas/';
const JSON_YAML_PROTOBUF = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const STREAMING = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
export const KUBERNETES_VERSION = 'v1.32.0';

type Json = Record<string, unknown>;
const schemaRef = (name: string) => ({ $ref: `${SCHEMA_PREFIX}${name}` });

/** The resources served at a group version, including versions served besides the preferred one. */
export function resourcesAt(group: string, version: string, all: readonly ResourceType[] = RESOURCES): ResourceType[] {
  const direct = all.filter((r) => r.group === group && r.version === version);
  const extra = SERVED_EXTRA_VERSIONS.find((e) => e.group === group && e.version === version);
  if (!extra) return direct;
  const aliased = all.filter((r) => r.group === group && extra.resources.includes(r.resource)).map((r) => ({ ...r, version }));
  return [...direct, ...aliased];
}

function parameterV3(name: string, kind: string): Json {
  const p = PARAMETERS[name];
  const out: Json = { name: p.name, in: p.in, description: p.description.replace('%KIND%', kind) };
  if (p.required) out.required = true;
  out.schema = p.type === 'string' ? { type: 'string', uniqueItems: true } : { type: p.type, uniqueItems: true };
  return out;
}

function content(types: string[], name: string): Json {
  return Object.fromEntries(types.map((t) => [t, { schema: schemaRef(name) }]));
}

function operationV3(op: OperationModel, kind: string): Json {
  const out: Json = { tags: [op.tag], description: op.description, operationId: op.operationId };
  if (op.query.length) out.parameters = [...op.query].sort().map((n) => parameterV3(n, kind));
  if (op.body) {
    const types = op.method === 'patch' ? PATCH_TYPES : ['*/*'];
    out.requestBody = { content: content(types, op.body), ...(op.method === 'delete' ? {} : { required: true }) };
  }
  out.responses = Object.fromEntries(op.responses.map(([code, description, body]) => {
    if (!body) return [code, { description }];
    return [code, { description, content: content(op.list ? [...JSON_YAML_PROTOBUF, ...STREAMING] : JSON_YAML_PROTOBUF, body) }];
  }));
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = op.gvk;
  return out;
}

function pathV3(model: PathModel): Json {
  const out: Json = {};
  for (const op of model.operations) out[op.method] = operationV3(op, model.kind);
  if (model.params.length) out.parameters = [...model.params].sort().map((n) => parameterV3(n, model.kind));
  return out;
}

/**
 * A definition in v3 form: `$ref` cannot have siblings in OpenAPI 3.0, so a described reference
 * becomes `allOf: [{$ref}]`; IntOrString and Quantity become `oneOf` their JSON types, as
 * kube-openapi publishes them (which is why `kubectl explain` prints `<IntOrString>`).
 */
export function toV3(schema: Schema): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, toV3(v)]));
    else if (key === 'items' || key === 'additionalProperties') out[key] = toV3(value as Schema);
    else if (key !== '$ref') out[key] = value;
  }
  if (!schema.$ref) return out;
  const ref = schemaRef(refName(schema.$ref));
  return Object.keys(out).length ? { allOf: [ref], ...out } : ref;
}

const ONE_OF: Record<string, Json> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

function componentSchema(name: string): Json {
  const def = DEFINITIONS[name];
  if (ONE_OF[name]) return { description: def.description, ...ONE_OF[name] };
  return toV3(def);
}

const cache = new Map<string, { doc: Json; hash: string }>();

/** The OpenAPI 3.0 document of one group version. */
export function openapiV3Document(group: string, version: string, resources: readonly ResourceType[] = resourcesAt(group, version)): Json {
  return cachedDocument(group, version, resources).doc;
}

function cachedDocument(group: string, version: string, resources: readonly ResourceType[]) {
  const key = `${group}/${version}:${resources.map((r) => `${r.group}/${r.version}/${r.resource}`).join(',')}`;
  let entry = cache.get(key);
  if (!entry) {
    const doc = buildDocument(group, version, resources);
    entry = { doc, hash: documentHash(JSON.stringify(doc)) };
    cache.set(key, entry);
  }
  return entry;
}

function buildDocument(group: string, version: string, resources: readonly ResourceType[]): Json {
  const models = [resourcesOperation(group, version), ...groupVersionPaths(group, version, resources)];
  const used = new Set<string>();
  for (const m of models) for (const op of m.operations) {
    if (op.body) used.add(op.body);
    for (const [, , body] of op.responses) if (body) used.add(body);
  }
  const schemas = Object.fromEntries(referencedDefinitions(used).map((name) => [name, componentSchema(name)]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: Object.fromEntries(models.map((m) => [m.path, pathV3(m)])),
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
    security: [{ BearerToken: [] }],
  };
}

/** `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}, …}}`. */
export function openapiV3Root(groupVersions: ReadonlyArray<{ group: string; version: string }>, resources: readonly ResourceType[] = RESOURCES): Json {
  const paths: Json = {};
  for (const { group, version } of groupVersions) {
    const { hash } = cachedDocument(group, version, resourcesAt(group, version, resources));
    paths[groupVersionKey(group, version)] = { serverRelativeURL: `/openapi/v3${groupVersionPath(group, version)}?hash=${hash}` };
  }
  return { paths };
}
