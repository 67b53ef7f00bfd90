// A node's network as its tools show it: kube-proxy's rules (iptables, iptables-save, ipvsadm,
// rendered by sandbox/engine/network) and the node's addresses and routes (ip addr, ip route).
import { nodeIP, podCIDR } from '../../engine/cluster-nodes.js';
import { networkOptionsOf, renderProxyRules } from '../../engine/network/index.js';
import type { CommandFn } from '../interpreter.js';
import { netContext, type NetHost } from './net-common.js';
import { handlesOf, nodeOf } from './node-common.js';

const IPTABLES_USAGE = 'iptables v1.8.7 (nf_tables): no command specified\nTry `iptables -h\' or \'iptables --help\' for more information.\n';

export function iptables(host: NetHost): CommandFn {
  return ({ args, io, shell }) => {
    let table: string = 'filter';
    let list = false;
    let chain: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-t' || a === '--table') table = args[++i];
      else if (a === '-L' || a === '--list' || /^-[nvL]+$/.test(a)) {
        if (a.includes('L')) {
          list = true;
          if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i];
        }
      } else if (a === '--line-numbers') continue;
    }
    if (!list) {
      io.err(IPTABLES_USAGE);
      return 2;
    }
    if (table !== 'nat' && table !== 'filter') {
      io.out(table === 'mangle' || table === 'raw' ? '' : '');
      if (table !== 'mangle' && table !== 'raw') {
        io.err(`iptables v1.8.7 (nf_tables): table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`);
        return 3;
      }
      return 0;
    }
    const ctx = netContext(host);
    const text = renderProxyRules(ctx, nodeOf(shell), { command: 'iptables-list', table, chain });
    io.out(text);
    return 0;
  };
}

export function iptablesSave(host: NetHost): CommandFn {
  return ({ io, shell }) => {
    io.out(renderProxyRules(netContext(host), nodeOf(shell), { command: 'iptables-save' }));
    return 0;
  };
}

export function ipvsadm(host: NetHost): CommandFn {
  return ({ io, shell }) => {
    io.out(renderProxyRules(netContext(host), nodeOf(shell), { command: 'ipvsadm' }));
    return 0;
  };
}

/** The node's interfaces: loopback, eth0 on the node network, and the CNI's tunnel. */
export function ip(host: NetHost): CommandFn {
  return ({ args, io, shell }) => {
    const names = handlesOf(host)?.nodeNames ?? ['controlplane'];
    const node = nodeOf(shell);
    const index = Math.max(0, names.indexOf(node));
    const myIP = nodeIP(index);
    const cni = networkOptionsOf(host.cluster).cni;
    const object = args.filter((a) => !a.startsWith('-'))[0] ?? '';
    if (['a', 'addr', 'address'].includes(object)) {
      const mac = `52:54:00:${(0x10 + index).toString(16)}:4a:${(0x20 + index).toString(16)}`;
      const tunnel = cni === 'flannel' ? 'flannel.1' : 'tunl0';
      const podNet = podCIDR(index).replace('.0/24', '.0/32');
      io.out(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
          `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n    inet ${myIP}/24 brd 172.30.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n` +
          `3: ${tunnel}: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/ipip 0.0.0.0 brd 0.0.0.0\n    inet ${podNet} scope global ${tunnel}\n       valid_lft forever preferred_lft forever\n`,
      );
      return 0;
    }
    if (['r', 'ro', 'route'].includes(object)) {
      let out = `default via 172.30.1.1 dev eth0 proto dhcp src ${myIP} metric 100\n`;
      names.forEach((_, i) => {
        if (i === index) return;
        out += cni === 'flannel' ? `${podCIDR(i)} via ${podCIDR(i).split('/')[0]} dev flannel.1 onlink \n` : `${podCIDR(i)} via ${nodeIP(i)} dev tunl0 proto bird onlink \n`;
      });
      out += `172.30.1.0/24 dev eth0 proto kernel scope link src ${myIP} metric 100 \n`;
      io.out(out);
      return 0;
    }
    io.err('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | route | link | neigh }\n');
    return 255;
  };
}
