// etcdctl on the control plane, over the engine's store (its keys are the API server's etcd
// layout: /registry/pods/default/web-1). Like kubeadm's etcd it needs the client certificates
// (--cacert/--cert/--key or ETCDCTL_* variables); without them the TLS handshake never completes.
// Values print as JSON (the real API server stores most built-in kinds as protobuf).
import type { Engine } from '../../engine/engine.js';
import type { CommandFn } from '../interpreter.js';
import { nodeOf, type NodeHost } from './node-common.js';

const VERSION = 'etcdctl version: 3.5.16\nAPI version: 3.5\n';
const TIMEOUT = `{"level":"warn","ts":"2026-11-01T09:00:05.000Z","logger":"etcd-client","caller":"v3@v3.5.16/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc0004a8000/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"error reading server preface: EOF\\""}\nError: context deadline exceeded\n`;

interface Flags {
  prefix: boolean;
  keysOnly: boolean;
  countOnly: boolean;
  limit?: number;
  tls: boolean;
  positional: string[];
}

function parse(args: string[], env: Record<string, string>): Flags {
  const f: Flags = { prefix: false, keysOnly: false, countOnly: false, tls: false, positional: [] };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split('=', 2);
    if (!name.startsWith('--')) f.positional.push(args[i]);
    else if (name === '--prefix') f.prefix = true;
    else if (name === '--keys-only') f.keysOnly = true;
    else if (name === '--count-only') f.countOnly = true;
    else if (name === '--limit') f.limit = Number(inline ?? args[++i]);
    else if (['--cacert', '--cert', '--key', '--endpoints', '--write-out', '-w'].includes(name)) {
      seen.add(name);
      if (inline === undefined) i++;
    }
  }
  const has = (flag: string, variable: string) => seen.has(flag) || !!env[variable];
  f.tls = has('--cacert', 'ETCDCTL_CACERT') && has('--cert', 'ETCDCTL_CERT') && has('--key', 'ETCDCTL_KEY');
  return f;
}

export function etcdctl(host: NodeHost): CommandFn {
  return ({ args, io, shell }) => {
    if (nodeOf(shell) !== 'controlplane') {
      io.err('bash: etcdctl: command not found\n');
      return 127;
    }
    const f = parse(args, shell.environment());
    const [verb, ...rest] = f.positional;
    if (verb === 'version' || args.includes('--version')) return io.out(VERSION), 0;
    if (!verb) {
      io.out('NAME:\n\tetcdctl - A simple command line client for etcd3.\n\nUSAGE:\n\tetcdctl [flags]\n');
      return 0;
    }
    if (!f.tls) {
      io.err(TIMEOUT);
      return 1;
    }
    const store = (host.cluster as Engine | undefined)?.store;
    switch (verb) {
      case 'get': {
        if (!store || !rest[0]) {
          io.err('Error: get command needs one argument as key and an optional argument as range_end\n');
          return 1;
        }
        let keys = f.prefix ? store.keys(rest[0]).sort() : store.get(rest[0]) ? [rest[0]] : [];
        if (f.limit) keys = keys.slice(0, f.limit);
        if (f.countOnly) return io.out(`${keys.length}\n`), 0;
        for (const key of keys) io.out(f.keysOnly ? `${key}\n\n` : `${key}\n${JSON.stringify(store.get(key))}\n`);
        return 0;
      }
      case 'member':
        io.out('8e9e05c52164694d, started, controlplane, https://172.30.1.2:2380, https://172.30.1.2:2379, false\n');
        return 0;
      case 'endpoint':
        io.out(rest[0] === 'health' ? '127.0.0.1:2379 is healthy: successfully committed proposal: took = 9.31ms\n' : '127.0.0.1:2379, 8e9e05c52164694d, 3.5.16, 6.2 MB, true, false, 4, 21843, 21843, \n');
        return 0;
      case 'snapshot': {
        const file = rest[1];
        if (rest[0] !== 'save' || !file) {
          io.err('Error: snapshot save expects one argument\n');
          return 1;
        }
        shell.fs.writeFile(file, JSON.stringify(store?.snapshot() ?? {}));
        io.out(`Snapshot saved at ${file}\n`);
        return 0;
      }
      default:
        io.err(`Error: unknown command "${verb}" for "etcdctl"\nRun 'etcdctl --help' for usage.\n`);
        return 1;
    }
  };
}
