// create token SERVICE_ACCOUNT (create_token.go): a TokenRequest to the service account's token
// subresource, printing the issued token. No --dry-run or -o: kubectl's command has neither.
import { ConnectionRefusedError } from '../../client.js';
import type { FlagSpec } from '../../flags.js';
import { UsageError, type KubectlContext } from '../../host.js';
import { refOf, resolveType } from '../../resource-types.js';
import { parseDuration } from '../waiting.js';
import { stringList } from './generator.js';

export const TOKEN_FLAGS: FlagSpec[] = [
  { name: 'audience', type: 'stringArray' },
  { name: 'duration', type: 'string', default: '0s' },
  { name: 'bound-object-kind', type: 'string' },
  { name: 'bound-object-name', type: 'string' },
  { name: 'bound-object-uid', type: 'string' },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1', Node: 'v1' };

export async function createToken(ctx: KubectlContext, name: string, flags: Record<string, unknown>): Promise<number> {
  const ms = parseDuration(String(flags.duration), 'duration');
  if (ms < 0) throw new UsageError('--duration must be greater than or equal to 0');
  if (ms % 1000 !== 0) throw new UsageError('--duration cannot be expressed in units less than seconds');
  const spec: Record<string, unknown> = { audiences: stringList(flags.audience).length ? stringList(flags.audience) : null };
  if (ms > 0) spec.expirationSeconds = ms / 1000;
  const kind = flags['bound-object-kind'] as string | undefined;
  if (kind) {
    if (!BOUND_KINDS[kind]) throw new UsageError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`);
    if (!flags['bound-object-name']) throw new UsageError('--bound-object-name is required if --bound-object-kind is provided');
    spec.boundObjectRef = { kind, apiVersion: BOUND_KINDS[kind], name: flags['bound-object-name'], uid: flags['bound-object-uid'] ?? '' };
  } else if (flags['bound-object-name']) throw new UsageError('--bound-object-name can only be set if --bound-object-kind is provided');
  const body = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { token: '', expirationTimestamp: null } };
  let result;
  try {
    result = await ctx.host.api.create({ ...refOf(resolveType('serviceaccounts'), ctx.namespace, name), subresource: 'token' }, body, {});
  } catch (e) {
    if (e instanceof ConnectionRefusedError) throw new UsageError(`failed to create token: ${e.requestError('Post', `${e.server}/api/v1/namespaces/${ctx.namespace}/serviceaccounts/${name}/token`)}`);
    throw new UsageError(`failed to create token: ${(e as Error).message}`);
  }
  // kubectl prints the token without a newline.
  ctx.io.out((result as unknown as { status: { token: string } }).status.token);
  return 0;
}
