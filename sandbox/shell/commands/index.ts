// The command registry of a learner's shell: builtins, coreutils, and kubectl.
import type { Clock } from '../../engine/clock.js';
import type { ApiClient } from '../../engine/api/types.js';
import { inProcessClient } from '../../kubectl/client.js';
import { runKubectl } from '../../kubectl/index.js';
import type { CommandFn } from '../interpreter.js';
import { builtinCommands } from './builtins.js';
import { fileCommands } from './files.js';
import { awk } from './awk.js';
import { miscCommands } from './misc.js';
import { netCommands } from './net.js';
import { sed } from './sed.js';
import { textCommands } from './text.js';
import { crictl } from './crictl.js';
import { etcdctl } from './etcdctl.js';
import { jq, yq } from './jq.js';
import { kubeadm } from './kubeadm.js';
import { help, man, watch } from './man.js';
import { ip, iptables, iptablesSave, ipvsadm } from './node-net.js';
import { journalctl, systemctl } from './systemctl.js';
import { nodeOf } from './node-common.js';
import type { KubectlHost } from '../../kubectl/host.js';

/** The node tools: what a shell on a kubeadm node has (sandbox/shell/commands/*). */
function nodeCommands(host: { api: ApiClient; clock: Clock; cluster?: object }): Array<[string, CommandFn]> {
  return [
    ['systemctl', systemctl(host)],
    ['journalctl', journalctl(host)],
    ['crictl', crictl(host)],
    ['etcdctl', etcdctl(host)],
    ['kubeadm', kubeadm(host)],
    ['iptables', iptables(host)],
    ['iptables-save', iptablesSave(host)],
    ['ipvsadm', ipvsadm(host)],
    ['ip', ip(host)],
    ['jq', jq],
    ['yq', yq],
    ['man', man],
    ['help', help],
    ['watch', watch],
  ];
}

/** kubectl on a worker has no kubeconfig (only the control plane has /etc/kubernetes/admin.conf). */
const NO_KUBECONFIG = 'E1101 09:00:00.000000    4242 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n';

/** `connect`: kubectl's client per kubeconfig context, when the terminal has several clusters (shell/contexts.ts). */
export function createCommands(host: { api: ApiClient; clock: Clock; cluster?: object; connect?: KubectlHost['connect'] }): Map<string, CommandFn> {
  const client = inProcessClient(host.api, host.clock, host.cluster);
  const kubectl: CommandFn = ({ args, io, shell }) => nodeOf(shell) !== 'controlplane' && !shell.getVar('KUBECONFIG') ? (io.err(NO_KUBECONFIG), 1) : runKubectl(args, io, { api: client, clock: host.clock, fs: shell.fs, sleep: (ms, interrupt) => shell.host.sleep(ms, interrupt), connect: host.connect });
  return new Map<string, CommandFn>([...Object.entries(builtinCommands), ...Object.entries(fileCommands), ...Object.entries(textCommands), ...Object.entries(miscCommands), ...Object.entries(netCommands(host)), ['sed', sed], ['awk', awk], ['kubectl', kubectl], ...nodeCommands(host)]);
}
