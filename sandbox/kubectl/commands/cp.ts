// kubectl cp: files out of a container (`kubectl cp [ns/]pod:/path local`), read through exec
// in the container as kubectl streams them with tar: tar's "Removing leading `/'" notice for an
// absolute path, and for a missing file tar's errors with exit status 0 (kubectl/kubectl#980).
// Copying into a container needs a writable container filesystem the engine does not have yet.
import { distroOf } from '../../engine/exec/container-env.js';
import { parseFlags } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { refOf, resolveType } from '../resource-types.js';

interface Remote {
  namespace?: string;
  pod: string;
  path: string;
}

/** `pod:/path` or `ns/pod:/path`; local paths have no colon (kubectl's rule too). */
function parseSpec(spec: string): Remote | undefined {
  const colon = spec.indexOf(':');
  if (colon <= 0) return undefined;
  const [target, path] = [spec.slice(0, colon), spec.slice(colon + 1)];
  const slash = target.indexOf('/');
  return slash < 0 ? { pod: target, path } : { namespace: target.slice(0, slash), pod: target.slice(slash + 1), path };
}

export async function cp(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'container', short: 'c', type: 'string' },
      { name: 'no-preserve', type: 'bool' },
      { name: 'retries', type: 'int', default: 0 },
    ],
    'cp',
  );
  if (positional.length !== 2) throw new UsageError('source and destination are required');
  const [src, dest] = positional.map(parseSpec);
  if (src && dest) throw new UsageError('one of src or dest must be a local file specification');
  if (!src && !dest) throw new UsageError('one of src or dest must be a remote file specification');
  if (!(src ?? dest)!.path) throw new UsageError('filepath can not be empty');
  if (dest) {
    if (!ctx.host.fs.exists(positional[0])) throw new UsageError(`${positional[0]} doesn't exist in local filesystem`);
    throw new UsageError('copying into a container is not simulated in this sandbox (its filesystem is read-only here)');
  }
  return copyFromPod(ctx, src!, positional[1], flags.container as string | undefined);
}

async function copyFromPod(ctx: KubectlContext, src: Remote, localPath: string, container: string | undefined): Promise<number> {
  const namespace = src.namespace ?? ctx.namespace;
  const pods = resolveType('pods');
  const pod = await ctx.host.api.get(refOf(pods, namespace, src.pod));
  if (!ctx.host.api.exec) throw new UsageError('unable to upgrade connection: exec is not served by this cluster');
  const containers = (pod.spec as { containers: Array<{ name: string; image?: string }> }).containers;
  const chosen = containers.find((c) => c.name === container) ?? containers[0];
  if (!container && containers.length > 1) ctx.io.err(`Defaulted container "${chosen.name}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
  const gnu = distroOf(chosen.image ?? '') === 'debian';
  if (src.path.startsWith('/')) ctx.io.err(gnu ? "tar: Removing leading `/' from member names\n" : "tar: removing leading '/' from member names\n");
  let content = '';
  const result = await ctx.host.api.exec(refOf(pods, namespace, src.pod), { container: chosen.name, command: ['cat', src.path], stdin: false, tty: false }, { stdout: (s) => (content += s), stderr: () => {}, tty: false });
  if (result.exitCode !== 0) {
    ctx.io.err(gnu ? `tar: ${src.path}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n` : `tar: ${src.path}: No such file or directory\n`);
    return 0;
  }
  const fs = ctx.host.fs;
  const target = fs.exists(localPath) && fs.stat(localPath).type === 'dir' ? `${localPath.replace(/\/$/, '')}/${src.path.split('/').pop()}` : localPath;
  fs.writeFile(target, content);
  return 0;
}
