// How kubectl reports failures (k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr): Invalid
// errors list their causes, other API errors print `Error from server (Reason): message`,
// usage errors print `error: message`. All exit with status 1.
import { StatusError } from '../engine/api/errors.js';
import { BareError, UsageError } from './host.js';

export function formatError(e: unknown): string {
  if (e instanceof StatusError) return formatStatusError(e);
  if (e instanceof BareError) return `${e.message}\n`;
  if (e instanceof UsageError) return `error: ${e.message}\n${e.hint ? e.hint + '\n' : ''}`;
  return `error: ${(e as Error).message}\n`;
}

function formatStatusError(e: StatusError): string {
  const s = e.status;
  if (s.reason === 'Invalid') {
    // Without details, or without kind, name and causes, the server's message is appended.
    if (!s.details) return `The request is invalid${s.message ? `: ${s.message}` : ''}\n`;
    const named = s.details.kind || s.details.name;
    const bare = !named && s.message && !(s.details.causes ?? []).length;
    const head = named ? `The ${s.details.kind ?? ''} ${JSON.stringify(s.details.name ?? '')} is invalid` : bare ? `The request is invalid: ${s.message}` : 'The request is invalid';
    const causes = (s.details.causes ?? []).map((c) => `${c.field}: ${c.message}`);
    if (causes.length === 0) return head + '\n';
    if (causes.length === 1) return `${head}: ${causes[0]}\n`;
    return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})\n`;
  return s.reason ? `Error from server (${s.reason}): ${s.message}\n` : `Error from server: ${s.message}\n`;
}

/** cmdutil.AddSourceToErr: `error when creating "web.yaml": …` for errors about a file's object. */
export function withSource(verb: string, source: string | undefined, e: unknown): unknown {
  if (!source || !(e instanceof StatusError)) return e;
  return new StatusError({ ...e.status, message: `error when ${verb} ${JSON.stringify(source)}: ${e.status.message}` });
}
