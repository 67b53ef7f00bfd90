// `/openapi/v2` and `/openapi/v3[/<group-version>]` from the engine's schema module. kubectl
// apply/edit/create -f read v3 for server-side field validation; v2 is asked for in protobuf
// only, which we do not serve: like a server without it we answer 404, which kubectl tolerates.
import { GROUP_VERSIONS } from '../engine/api/resources.js';
import { openapiV2Document } from '../engine/schema/openapi-v2.js';
import { openapiV3Document, openapiV3Root } from '../engine/schema/openapi-v3.js';
import type { RequestContext } from './context.js';
import { isServedGroupVersion } from './discovery.js';
import { parseAccept } from './negotiate.js';
import { pathNotFound, sendJson } from './respond.js';

const ALL_GROUP_VERSIONS = GROUP_VERSIONS.flatMap((g) => g.versions.map((version) => ({ group: g.group, version })));

function acceptsJson(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return ranges.length === 0 || ranges.some((r) => r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*');
}

export async function serveOpenApi(ctx: RequestContext, path: string): Promise<boolean> {
  const { res, req } = ctx;
  if (path === '/openapi/v2') {
    if (!acceptsJson(req.headers.accept)) sendJson(res, 404, pathNotFound());
    else sendJson(res, 200, openapiV2Document());
    return true;
  }
  if (path === '/openapi/v3') {
    sendJson(res, 200, openapiV3Root(ALL_GROUP_VERSIONS));
    return true;
  }
  const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  const [group, version] = m ? (m[1] ? ['', m[1]] : [m[2], m[3]]) : ['', ''];
  if (!m || !isServedGroupVersion(group, version)) {
    sendJson(res, 404, pathNotFound());
    return true;
  }
  sendJson(res, 200, openapiV3Document(group, version));
  return true;
}
