// `/openapi/v2` and `/openapi/v3[/<group-version>]`. Until the engine's schema module provides
// the documents the server answers like one without OpenAPI (404), which kubectl tolerates
// for v2 and reports for v3 with its real message.
import type { RequestContext } from './context.js';
import { pathNotFound, sendJson } from './respond.js';

export async function serveOpenApi(ctx: RequestContext, _path: string): Promise<boolean> {
  sendJson(ctx.res, 404, pathNotFound());
  return true;
}
