// Writing answers: JSON bodies with the Content-Type the real API server uses, Status errors.
import type { ServerResponse } from 'node:http';
import { internalError, isStatusError, type Status } from '../engine/api/errors.js';

export const JSON_TYPE = 'application/json';

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = JSON_TYPE): void {
  const text = JSON.stringify(body) + '\n';
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** Any thrown error as the Status the real server would answer (unknown errors are 500s). */
export function toStatus(err: unknown): Status {
  if (isStatusError(err)) return err.status;
  const message = err instanceof Error ? err.message : String(err);
  return internalError(message).status;
}

export function sendError(res: ServerResponse, err: unknown): void {
  const status = toStatus(err);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

/** 404 for a path no handler serves, as the real server's NotFound handler answers it. */
export function pathNotFound(): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  };
}
