// `/openapi/v2` and `/openapi/v3[/<group-version>]` from the engine's schema module. kubectl
// 1.28+ reads v3 for server-side field validation; older kubectl reads v2 in protobuf only.
import { GROUP_VERSIONS } from '../engine/api/resources.js';
import { openapiV2Document } from '../engine/schema/openapi-v2.js';
import { openapiV3Document, openapiV3Root } from '../engine/schema/openapi-v3.js';
import type { RequestContext } from './context.js';
import { isServedGroupVersion } from './discovery.js';
import { parseAccept } from './negotiate.js';
import { encodeOpenApiV2, OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_ANSWER } from './openapi-v2-proto.js';
import { pathNotFound, sendJson } from './respond.js';

const ALL_GROUP_VERSIONS = GROUP_VERSIONS.flatMap((g) => g.versions.map((version) => ({ group: g.group, version })));

function acceptsJson(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return ranges.length === 0 || ranges.some((r) => r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*');
}

let v2Protobuf: Buffer | undefined;

function sendProtobufV2(ctx: RequestContext): void {
  v2Protobuf ??= Buffer.from(encodeOpenApiV2(openapiV2Document() as Record<string, unknown>));
  ctx.res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF_ANSWER, 'Content-Length': v2Protobuf.length });
  ctx.res.end(v2Protobuf);
}

export async function serveOpenApi(ctx: RequestContext, path: string): Promise<boolean> {
  const { res, req } = ctx;
  if (path === '/openapi/v2') {
    if (acceptsJson(req.headers.accept)) sendJson(res, 200, openapiV2Document());
    else if (parseAccept(req.headers.accept).some((r) => r.type === OPENAPI_V2_PROTOBUF)) sendProtobufV2(ctx);
    else sendJson(res, 404, pathNotFound());
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
