// The REST operations of a group version, as the API server's installer registers them, in a form
// neutral between OpenAPI v2 and v3 (openapi-v2.ts and openapi-v3.ts render it).
import type { ResourceType, SubresourceType } from '../api/types.js';
import { definitionNameForKind } from './definitions.js';
import { apiVersionOf, collectionPath, groupVersionPath, operationInfix, tagOf } from './openapi-names.js';
import { DELETE_COLLECTION_QUERY, DELETE_QUERY, LIST_QUERY, PATCH_QUERY, WRITE_QUERY } from './openapi-parameters.js';
import type { GroupVersionKind } from './types.js';

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

export interface OperationModel {
  method: Method;
  description: string;
  operationId: string;
  tag: string;
  action: string; // x-kubernetes-action
  query: string[];
  /** Definition name of the request body; for PATCH the body is a meta.v1.Patch in four media types. */
  body?: string;
  /** Responses: code → [description, definition name of the body]. */
  responses: Array<[code: string, description: string, body?: string]>;
  /** A list (or watch) operation: also answers in the streaming media types. */
  list?: boolean;
  gvk?: GroupVersionKind;
}

export interface PathModel {
  path: string;
  /** Path-level parameters: name and/or namespace, then pretty. */
  params: string[];
  kind: string; // for the `name` parameter's description
  operations: OperationModel[];
}

const STATUS = 'io.k8s.apimachinery.pkg.apis.meta.v1.Status';
const DELETE_OPTIONS = 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions';

function gvkOf(group: string, version: string, kind: string): GroupVersionKind {
  return { group, kind, version };
}

/** The definition name of a kind, or undefined when we have no schema for it. */
const definitionOf = (group: string, version: string, kind: string) => definitionNameForKind(apiVersionOf(group, version), kind);

function collectionOperations(r: ResourceType, def: string): PathModel {
  const infix = operationInfix(r.group, r.version);
  const scope = r.namespaced ? 'Namespaced' : '';
  const tag = tagOf(r.group, r.version);
  const gvk = gvkOf(r.group, r.version, r.kind);
  const listDef = definitionOf(r.group, r.version, r.listKind);
  const ops: OperationModel[] = [];
  if (r.verbs.includes('list') && listDef) {
    ops.push({ method: 'get', description: `list or watch objects of kind ${r.kind}`, operationId: `list${infix}${scope}${r.kind}`, tag, action: 'list', query: LIST_QUERY, responses: [['200', 'OK', listDef], ['401', 'Unauthorized']], list: true, gvk });
  }
  if (r.verbs.includes('create')) {
    ops.push({ method: 'post', description: `create ${article(r.kind)} ${r.kind}`, operationId: `create${infix}${scope}${r.kind}`, tag, action: 'post', query: WRITE_QUERY, body: def, responses: [['200', 'OK', def], ['201', 'Created', def], ['202', 'Accepted', def], ['401', 'Unauthorized']], gvk });
  }
  if (r.verbs.includes('deletecollection')) {
    ops.push({ method: 'delete', description: `delete collection of ${r.kind}`, operationId: `deleteCollection${infix}${scope}${r.kind}`, tag, action: 'deletecollection', query: DELETE_COLLECTION_QUERY, body: DELETE_OPTIONS, responses: [['200', 'OK', STATUS], ['401', 'Unauthorized']], gvk });
  }
  return { path: collectionPath(r), params: r.namespaced ? ['namespace', 'pretty'] : ['pretty'], kind: r.kind, operations: ops };
}

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? 'an' : 'a');

function itemOperations(r: ResourceType, def: string): PathModel | undefined {
  if (!r.verbs.includes('get')) return undefined;
  const infix = operationInfix(r.group, r.version);
  const scope = r.namespaced ? 'Namespaced' : '';
  const tag = tagOf(r.group, r.version);
  const gvk = gvkOf(r.group, r.version, r.kind);
  const ops: OperationModel[] = [
    { method: 'get', description: `read the specified ${r.kind}`, operationId: `read${infix}${scope}${r.kind}`, tag, action: 'get', query: [], responses: [['200', 'OK', def], ['401', 'Unauthorized']], gvk },
  ];
  if (r.verbs.includes('update')) {
    ops.push({ method: 'put', description: `replace the specified ${r.kind}`, operationId: `replace${infix}${scope}${r.kind}`, tag, action: 'put', query: WRITE_QUERY, body: def, responses: [['200', 'OK', def], ['201', 'Created', def], ['401', 'Unauthorized']], gvk });
  }
  if (r.verbs.includes('delete')) {
    ops.push({ method: 'delete', description: `delete ${article(r.kind)} ${r.kind}`, operationId: `delete${infix}${scope}${r.kind}`, tag, action: 'delete', query: DELETE_QUERY, body: DELETE_OPTIONS, responses: [['200', 'OK', STATUS], ['202', 'Accepted', STATUS], ['401', 'Unauthorized']], gvk });
  }
  if (r.verbs.includes('patch')) ops.push(patchOperation(r, `patch${infix}${scope}${r.kind}`, `partially update the specified ${r.kind}`, def, gvk));
  return { path: `${collectionPath(r)}/{name}`, params: r.namespaced ? ['name', 'namespace', 'pretty'] : ['name', 'pretty'], kind: r.kind, operations: ops };
}

function patchOperation(r: ResourceType, operationId: string, description: string, def: string, gvk: GroupVersionKind): OperationModel {
  const responses: OperationModel['responses'] = [['200', 'OK', def], ['201', 'Created', def], ['401', 'Unauthorized']];
  return { method: 'patch', description, operationId, tag: tagOf(r.group, r.version), action: 'patch', query: PATCH_QUERY, body: 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', responses, gvk };
}

/** status, scale, ephemeralcontainers, resize: get/put/patch of the response kind; binding, eviction, token: post. */
function subresourceOperations(r: ResourceType, sub: SubresourceType): PathModel | undefined {
  const def = definitionOf(sub.group, sub.version, sub.kind);
  if (!def) return undefined; // connect subresources (log, exec, proxy…) have option kinds without schemas here
  const infix = operationInfix(r.group, r.version);
  const scope = r.namespaced ? 'Namespaced' : '';
  const suffix = sub.name[0].toUpperCase() + sub.name.slice(1);
  const tag = tagOf(r.group, r.version);
  const gvk = gvkOf(sub.group, sub.version, sub.kind);
  const ops: OperationModel[] = [];
  const of = `${sub.name} of the specified ${r.kind}`;
  if (sub.verbs.includes('get')) ops.push({ method: 'get', description: `read ${of}`, operationId: `read${infix}${scope}${r.kind}${suffix}`, tag, action: 'get', query: [], responses: [['200', 'OK', def], ['401', 'Unauthorized']], gvk });
  if (sub.verbs.includes('update')) ops.push({ method: 'put', description: `replace ${of}`, operationId: `replace${infix}${scope}${r.kind}${suffix}`, tag, action: 'put', query: WRITE_QUERY, body: def, responses: [['200', 'OK', def], ['201', 'Created', def], ['401', 'Unauthorized']], gvk });
  if (sub.verbs.includes('patch')) ops.push(patchOperation(r, `patch${infix}${scope}${r.kind}${suffix}`, `partially update ${of}`, def, gvk));
  if (sub.verbs.includes('create')) ops.push({ method: 'post', description: `create ${sub.name} of ${article(r.kind)} ${r.kind}`, operationId: `create${infix}${scope}${r.kind}${suffix}`, tag, action: 'post', query: WRITE_QUERY, body: def, responses: [['200', 'OK', def], ['201', 'Created', def], ['202', 'Accepted', def], ['401', 'Unauthorized']], gvk });
  if (!ops.length) return undefined;
  return { path: `${collectionPath(r)}/{name}/${sub.name}`, params: r.namespaced ? ['name', 'namespace', 'pretty'] : ['name', 'pretty'], kind: r.kind, operations: ops };
}

function allNamespacesList(r: ResourceType): PathModel | undefined {
  const listDef = definitionOf(r.group, r.version, r.listKind);
  if (!r.namespaced || !r.verbs.includes('list') || !listDef) return undefined;
  const op: OperationModel = {
    method: 'get', description: `list or watch objects of kind ${r.kind}`, operationId: `list${operationInfix(r.group, r.version)}${r.kind}ForAllNamespaces`, tag: tagOf(r.group, r.version),
    action: 'list', query: [], responses: [['200', 'OK', listDef], ['401', 'Unauthorized']], list: true, gvk: gvkOf(r.group, r.version, r.kind),
  };
  return { path: `${groupVersionPath(r.group, r.version)}/${r.resource}`, params: [...LIST_QUERY, 'pretty'], kind: r.kind, operations: [op] };
}

/** Every path of a group version's resources, sorted by path like the real documents. */
export function groupVersionPaths(group: string, version: string, resources: readonly ResourceType[]): PathModel[] {
  const paths: PathModel[] = [];
  for (const r of resources) {
    if (r.group !== group || r.version !== version) continue;
    const def = definitionOf(r.group, r.version, r.kind);
    if (!def) continue;
    paths.push(collectionOperations(r, def));
    const item = itemOperations(r, def);
    if (item) paths.push(item);
    for (const sub of r.subresources) {
      const model = subresourceOperations(r, sub);
      if (model) paths.push(model);
    }
    const all = allNamespacesList(r);
    if (all) paths.push(all);
  }
  return paths.filter((p) => p.operations.length).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The `GET /apis/apps/v1/` discovery operation every group-version document starts with. */
export function resourcesOperation(group: string, version: string): PathModel {
  const op: OperationModel = {
    method: 'get', description: 'get available resources', operationId: `get${operationInfix(group, version)}APIResources`, tag: tagOf(group, version), action: '',
    query: [], responses: [['200', 'OK', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList'], ['401', 'Unauthorized']],
  };
  return { path: `${groupVersionPath(group, version)}/`, params: [], kind: '', operations: [op] };
}
