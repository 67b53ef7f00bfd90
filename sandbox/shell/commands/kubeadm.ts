// kubeadm on a node: version, token create --print-join-command on the control plane, and the
// messages `kubeadm join` gives on a node that already belongs to the cluster.
import { sha256, hex } from '../../engine/network/sha256.js';
import type { CommandFn } from '../interpreter.js';
import { nodeOf, type NodeHost } from './node-common.js';

const VERSION = 'kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.1", GitCommit:"e9c9be4007d1664e68796af02b8978640d2c1b26", GitTreeState:"clean", BuildDate:"2025-01-15T14:39:14Z", GoVersion:"go1.23.4", Compiler:"gc", Platform:"linux/amd64"}\n';
const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A bootstrap token ([a-z0-9]{6}.[a-z0-9]{16}) from the cluster's random source. */
function newToken(random: { next(): number }): string {
  const pick = (n: number) => Array.from({ length: n }, () => TOKEN_CHARS[Math.floor(random.next() * TOKEN_CHARS.length)]).join('');
  return `${pick(6)}.${pick(16)}`;
}

export function kubeadm(host: NodeHost): CommandFn {
  return ({ args, io, shell }) => {
    const [verb, sub] = args.filter((a) => !a.startsWith('-'));
    const node = nodeOf(shell);
    if (verb === 'version') return io.out(args.includes('-o') && args.includes('short') ? 'v1.32.1\n' : VERSION), 0;
    if (verb === 'token' && sub === 'create') {
      if (node !== 'controlplane') {
        io.err('failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\nTo see the stack trace of this error execute with --v=5 or higher\n');
        return 1;
      }
      const random = (host.cluster as { random?: { next(): number } } | undefined)?.random ?? { next: () => 0.5 };
      const token = newToken(random);
      if (!args.includes('--print-join-command')) return io.out(token + '\n'), 0;
      io.out(`kubeadm join 172.30.1.2:6443 --token ${token} --discovery-token-ca-cert-hash sha256:${hex(sha256('kubelab-cluster-ca'))} \n`);
      return 0;
    }
    if (verb === 'token' && sub === 'list') {
      io.out('TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS\n');
      return 0;
    }
    if (verb === 'join') {
      io.out('[preflight] Running pre-flight checks\n');
      io.err(`error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists\n\t[ERROR Port-10250]: Port 10250 is in use\n\t[ERROR FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists\n[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\nTo see the stack trace of this error execute with --v=5 or higher\n`);
      return 1;
    }
    if (verb === 'certs' && sub === 'check-expiration') {
      io.out('[check-expiration] Reading configuration from the cluster...\n[check-expiration] FYI: You can look at this config file with \'kubectl -n kube-system get cm kubeadm-config -o yaml\'\n\n');
      return 0;
    }
    io.out('\n    ┌──────────────────────────────────────────────────────────┐\n    │ KUBEADM                                                  │\n    │ Easily bootstrap a secure Kubernetes cluster             │\n    └──────────────────────────────────────────────────────────┘\n\nUsage:\n  kubeadm [command]\n\nAvailable Commands:\n  certs       Commands related to handling kubernetes certificates\n  join        Run this on any machine you wish to join an existing cluster\n  token       Manage bootstrap tokens\n  version     Print the version of kubeadm\n');
    return verb ? 1 : 0;
  };
}
