// Before a command runs: find the kubeconfig (--kubeconfig, else the host's, else
// ~/.kube/config in the learner's filesystem), resolve the context, and make its namespace the
// default for the command. `kubectl config …` reads and writes the file itself.
import type { CommandIO } from '../shell/io.js';
import type { Vfs } from '../shell/vfs.js';
import { HOME } from '../shell/vfs.js';
import type { KubectlContext, KubectlHost } from './host.js';
import { defaultLearnerConfig, loadKubeconfig, resolveConfig, serializeKubeconfig, type ConfigOverrides, type KubeconfigStore } from './kubeconfig.js';

export const LEARNER_KUBECONFIG = `${HOME}/.kube/config`;

/** ~/.kube/config in the VFS; a fresh sandbox's is kubeadm's admin.conf until changed. */
export function vfsKubeconfigStore(fs: Vfs, path: string, server: string, fallbackToDefault: boolean): KubeconfigStore {
  const abs = fs.resolve(path);
  return {
    path: abs,
    read: () => (fs.exists(abs) ? fs.readFile(abs) : fallbackToDefault ? serializeKubeconfig(defaultLearnerConfig(server)) : undefined),
    write: (text) => {
      const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
      if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true });
      fs.writeFile(abs, text);
    },
  };
}

const VALUE_FLAGS: Record<string, keyof ConfigOverrides | 'kubeconfig'> = {
  '--kubeconfig': 'kubeconfig',
  '--context': 'context',
  '--cluster': 'cluster',
  '--user': 'user',
  '--server': 'server',
  '-s': 'server',
  '--token': 'token',
  '--namespace': 'namespace',
  '-n': 'namespace',
};

/** The global connection flags wherever they appear (each command still validates its own). */
export function scanGlobalFlags(args: string[], shadowed: readonly string[] = []): ConfigOverrides & { kubeconfig?: string } {
  const out: ConfigOverrides & { kubeconfig?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '--insecure-skip-tls-verify' || a === '--insecure-skip-tls-verify=true') out.insecureSkipTlsVerify = true;
    const eq = a.indexOf('=');
    const name = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
    const key = shadowed.includes(name) ? undefined : VALUE_FLAGS[name];
    if (key) (out as Record<string, string>)[key] = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : (args[++i] ?? '');
    else if (/^-n./.test(a)) out.namespace = a.slice(2).replace(/^=/, '');
  }
  return out;
}

/** `create rolebinding --user=u` names a subject: the command's own flag hides the global one. */
function shadowedFlags(verb: string, args: string[]): string[] {
  const sub = args.find((a) => !a.startsWith('-'));
  return verb === 'create' && (sub === 'rolebinding' || sub === 'clusterrolebinding') ? ['--user'] : [];
}

export function prepareContext(verb: string, args: string[], io: CommandIO, host: KubectlHost): KubectlContext {
  const flags = scanGlobalFlags(args, shadowedFlags(verb, args));
  const store = flags.kubeconfig
    ? (host.openKubeconfig?.(flags.kubeconfig) ?? vfsKubeconfigStore(host.fs, flags.kubeconfig, host.api.serverUrl, false))
    : (host.kubeconfig ?? vfsKubeconfigStore(host.fs, LEARNER_KUBECONFIG, host.api.serverUrl, true));
  const ctx: KubectlContext = { host, io, namespace: 'default', allNamespaces: false, kubeconfig: store };
  if (verb === 'config') return ctx;
  const resolved = resolveConfig(loadKubeconfig(store), flags);
  ctx.namespace = resolved.namespace;
  if (host.connect) ctx.host = { ...host, api: host.connect(resolved) };
  return ctx;
}
