// man, help and watch. The manual pages are short: the name, the synopsis and what the command
// does in this sandbox, for every command the shell has.
import type { CommandFn } from '../interpreter.js';
import { formatDate } from './misc.js';

/** name → [synopsis, what it does]. */
export const MANUAL: Record<string, [string, string]> = {
  kubectl: ['kubectl [command] [TYPE] [NAME] [flags]', 'controls the Kubernetes cluster manager. Try kubectl --help and kubectl explain.'],
  ssh: ['ssh [user@]node [command]', 'logs in to a node of the cluster (controlplane, node01, node02); exit or Ctrl-D comes back.'],
  systemctl: ['systemctl status|start|stop|restart|is-active UNIT', 'controls the node\'s services: kubelet and containerd.'],
  journalctl: ['journalctl [-u UNIT] [-n N] [-f]', 'prints the node\'s journal: systemd\'s messages and the kubelet\'s log.'],
  crictl: ['crictl ps [-a] | pods | images | logs ID | inspect ID', 'lists the containers, pod sandboxes and images of the node\'s container runtime.'],
  etcdctl: ['etcdctl [--endpoints=…] --cacert=… --cert=… --key=… get KEY [--prefix] [--keys-only]', 'reads the cluster\'s etcd on the control plane (keys under /registry/).'],
  kubeadm: ['kubeadm version | token create --print-join-command | join …', 'bootstraps clusters: tokens to join nodes.'],
  iptables: ['iptables [-t nat|filter] -L [CHAIN] [-n]', 'lists the node\'s packet filter rules (kube-proxy\'s KUBE-* chains).'],
  'iptables-save': ['iptables-save', 'dumps every table of the node\'s rules.'],
  ipvsadm: ['ipvsadm -Ln', 'lists the IPVS virtual servers (kube-proxy in ipvs mode).'],
  ip: ['ip addr | ip route', 'shows the node\'s addresses and routes.'],
  jq: ['jq [-r] [-c] [-e] [--arg NAME VALUE] FILTER [FILE...]', 'the JSON processor (jq 1.7).'],
  yq: ['yq [eval] EXPR [FILE...] [-o json]', 'jq\'s language over YAML documents.'],
  vi: ['vi FILE', 'opens FILE in the page\'s editor; the terminal waits until you close it (Ctrl-C gives up).'],
  nano: ['nano FILE', 'opens FILE in the page\'s editor, as vi does.'],
  watch: ['watch [-n SECONDS] COMMAND', 'runs COMMAND again every 2 seconds (or SECONDS), full screen, until Ctrl-C.'],
  curl: ['curl [-s] [-v] [-I] [-o FILE] URL', 'transfers a URL: Services, Pods and forwarded localhost ports.'],
  wget: ['wget [-qO- ] URL', 'downloads a URL.'],
  jobs: ['jobs', 'lists the background jobs started with &.'],
  kill: ['kill %N | PID', 'stops a background job.'],
  grep: ['grep [-i] [-v] [-n] [-c] [-E] [-A N] [-B N] [-C N] PATTERN [FILE...]', 'prints lines that match PATTERN.'],
  sed: ['sed [-n] [-i] [-e SCRIPT] [FILE...]', 'the stream editor.'],
  awk: ['awk [-F SEP] PROGRAM [FILE...]', 'pattern scanning and processing.'],
  ls: ['ls [-l] [-a] [FILE...]', 'lists directory contents.'],
  cat: ['cat [FILE...]', 'concatenates files and prints them.'],
  cd: ['cd [DIR]', 'changes the working directory.'],
  alias: ['alias [NAME=VALUE]', 'defines or shows aliases (alias k=kubectl).'],
  export: ['export NAME=VALUE', 'sets an environment variable for the commands that follow.'],
};

export const man: CommandFn = ({ args, io }) => {
  const name = args.filter((a) => !a.startsWith('-')).at(-1);
  if (!name) {
    io.err('What manual page do you want?\nFor example, try \'man man\'.\n');
    return 1;
  }
  const page = MANUAL[name];
  if (!page) {
    io.err(`No manual entry for ${name}\n`);
    return 16;
  }
  const title = `${name.toUpperCase()}(1)`;
  io.out(`${title}${' '.repeat(Math.max(1, 78 - 2 * title.length))}${title}\n\nNAME\n       ${name} - ${page[1]}\n\nSYNOPSIS\n       ${page[0]}\n\n`);
  return 0;
};

export const help: CommandFn = ({ args, io }) => {
  if (args[0]) return man({ name: 'man', args, io, shell: undefined as never });
  const width = Math.max(...Object.keys(MANUAL).map((n) => n.length));
  io.out('Commands in this sandbox (man NAME for more; kubectl --help for kubectl):\n\n' + Object.entries(MANUAL).map(([n, [, what]]) => ` ${n.padEnd(width)}  ${what}\n`).join(''));
  return 0;
};

/** watch: the command's output, full screen, again every interval until Ctrl-C. */
export const watch: CommandFn = async ({ args, io, shell }) => {
  let interval = 2;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-n' || args[i] === '--interval') interval = Number(args[++i]);
    else if (args[i].startsWith('-n')) interval = Number(args[i].slice(2));
  }
  const command = args.slice(i).join(' ');
  if (!command || !(interval > 0)) {
    io.err(command ? `watch: failed to parse argument: '${args[i - 1]}'\n` : 'Usage:\n watch [options] command\n');
    return 1;
  }
  const host = shell.getVar('HOSTNAME') ?? 'controlplane';
  while (!io.interrupt.interrupted) {
    let output = '';
    const capture = { ...io, stdoutIsTerminal: false, out: (s: string) => (output += s), err: (s: string) => (output += s), input: undefined };
    await shell.runSource(command, capture);
    const left = `Every ${interval.toFixed(1)}s: ${command}`;
    const right = `${host}: ${formatDate(shell.host.now(), '%a %b %e %H:%M:%S %Y')}`;
    io.out(`\x1b[H\x1b[2J${left}${' '.repeat(Math.max(1, 80 - left.length - right.length))}${right}\n\n${output}`);
    await shell.host.sleep(interval * 1000, io.interrupt);
  }
  io.out('\n');
  return 0;
};
