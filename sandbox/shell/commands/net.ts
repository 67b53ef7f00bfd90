// The network commands of the learner's shell, run from the control-plane node: curl, wget (see
// net-curl.ts, net-wget.ts), nslookup and dig (bind9 9.18 on Ubuntu 22.04), ping (iputils).
import { CLUSTER_DNS_IP, connect, lookupHost, pingable, queryCoreDns, resolverFor, type DnsAnswer } from '../../engine/network/index.js';
import { candidates } from '../../engine/network/dns.js';
import type { CommandFn } from '../interpreter.js';
import { curlCommand } from './net-curl.js';
import { netContext, SHELL_SOURCE, wait, type NetHost } from './net-common.js';
import { wgetCommand } from './net-wget.js';

type Ctx = ReturnType<typeof netContext>;

interface DnsExchange {
  server: string;
  /** No server answered (CoreDNS down or unreachable). */
  unreachable: boolean;
  answer?: DnsAnswer;
}

/** One name through a server: CoreDNS when the server is kube-dns's IP, else the node's stub resolver. */
function ask(ctx: Ctx, name: string, server: string | undefined, search: boolean): DnsExchange {
  const conf = resolverFor(ctx, SHELL_SOURCE);
  const srv = server ?? conf.nameserver;
  const clusterDns = srv === CLUSTER_DNS_IP || (!server && conf.clusterDns);
  // The query travels to kube-dns's ClusterIP like any packet: it needs a ready CoreDNS behind it.
  if (clusterDns && connect(ctx, SHELL_SOURCE, CLUSTER_DNS_IP, 53, 'UDP').kind !== 'connected') return { server: srv, unreachable: true };
  const names = search ? candidates(name, { ...conf, clusterDns }) : [name.replace(/\.$/, '')];
  let last: DnsAnswer | undefined;
  for (const n of names) {
    last = clusterDns ? queryCoreDns(ctx, n) : nodeHostsAnswer(ctx, n);
    if (last.rcode === 'NOERROR' && (last.addresses.length || last.cname)) break;
  }
  return { server: srv, unreachable: false, answer: last };
}

/** systemd-resolved on the node: /etc/hosts names the nodes; the cluster domain is unknown upstream. */
function nodeHostsAnswer(ctx: Ctx, name: string): DnsAnswer {
  const node = ctx.view.nodes.find((n) => n.metadata?.name === name);
  const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  return ip ? { rcode: 'NOERROR', name, addresses: [ip], authoritative: false } : { rcode: 'NXDOMAIN', name, addresses: [], authoritative: false };
}

export function nslookupCommand(host: NetHost): CommandFn {
  return ({ args, io }) => {
    const operands = args.filter((a) => !a.startsWith('-'));
    const [name, server] = operands;
    if (!name) {
      io.err('nslookup: interactive mode is not available here\n');
      return 1;
    }
    const x = ask(netContext(host), name, server, true);
    const port = '#53';
    if (x.unreachable) {
      io.out(';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
    let out = `Server:\t\t${x.server}\nAddress:\t${x.server}${port}\n\n`;
    const a = x.answer!;
    if (a.rcode !== 'NOERROR' || (!a.addresses.length && !a.cname)) {
      io.out(`${out}** server can't find ${name.replace(/\.$/, '')}: ${a.rcode === 'NOERROR' ? 'NXDOMAIN' : a.rcode}\n\n`);
      return 1;
    }
    if (!a.authoritative) out += 'Non-authoritative answer:\n';
    if (a.cname) out += `${a.name}\tcanonical name = ${a.cname.replace(/\.?$/, '.')}\n`;
    for (const ip of a.addresses) out += `Name:\t${a.cname ?? a.name}\nAddress: ${ip}\n`;
    io.out(`${out}\n`);
    return 0;
  };
}

export function digCommand(host: NetHost): CommandFn {
  return ({ args, io }) => {
    const server = args.find((a) => a.startsWith('@'))?.slice(1);
    const short = args.includes('+short');
    const search = args.includes('+search');
    const name = args.find((a) => !a.startsWith('@') && !a.startsWith('+') && !a.startsWith('-') && !/^(A|IN)$/i.test(a)) ?? '.';
    const ctx = netContext(host);
    const x = ask(ctx, name, server, search);
    if (x.unreachable) {
      io.out(`;; communications error to ${x.server}#53: timed out\n;; communications error to ${x.server}#53: timed out\n;; communications error to ${x.server}#53: timed out\n\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`);
      return 9;
    }
    const a = x.answer!;
    const fq = (n: string) => n.replace(/\.?$/, '.');
    const records = [...(a.cname ? [`${fq(a.name)}\t\t30\tIN\tCNAME\t${fq(a.cname)}`] : []), ...a.addresses.map((ip) => `${fq(a.cname ?? a.name)}\t30\tIN\tA\t${ip}`)];
    if (short) {
      io.out([...(a.cname ? [fq(a.cname)] : []), ...a.addresses].map((l) => `${l}\n`).join(''));
      return 0;
    }
    const id = Math.floor(ctx.random.next() * 65536);
    const flags = a.authoritative ? 'qr aa rd' : 'qr rd ra';
    const when = new Date(ctx.now).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5 UTC $4');
    io.out(`\n; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${id}\n;; flags: ${flags}; QUERY: 1, ANSWER: ${records.length}, AUTHORITY: ${a.rcode === 'NXDOMAIN' ? 1 : 0}, ADDITIONAL: 1\n${a.authoritative ? ';; WARNING: recursion requested but not available\n' : ''}\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${a.authoritative ? 1232 : 65494}\n;; QUESTION SECTION:\n;${fq(a.name)}\t\tIN\tA\n\n${records.length ? `;; ANSWER SECTION:\n${records.join('\n')}\n\n` : ''};; Query time: 0 msec\n;; SERVER: ${x.server}#53(${x.server}) (UDP)\n;; WHEN: ${when}\n;; MSG SIZE  rcvd: ${40 + fq(a.name).length * 2 + records.length * 16}\n\n`);
    return 0;
  };
}

export function pingCommand(host: NetHost): CommandFn {
  return async ({ args, io, shell }) => {
    let count = Infinity;
    let quiet = false;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-c') count = Number(args[++i]);
      else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2));
      else if (args[i] === '-q') quiet = true;
      else if (['-W', '-i', '-w', '-s'].includes(args[i])) i++;
      else operands.push(args[i]);
    }
    const target = operands[0];
    if (!target) {
      io.err('ping: usage error: Destination address required\n');
      return 1;
    }
    const ctx = netContext(host);
    const found = lookupHost(ctx, SHELL_SOURCE, target);
    if (!found.ok) {
      io.err(`ping: ${target}: ${found.reason === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`);
      return 2;
    }
    const ip = found.addresses[0];
    io.out(`PING ${target} (${ip}) 56(84) bytes of data.\n`);
    const times: number[] = [];
    let sent = 0;
    const started = ctx.now;
    while (sent < count) {
      const p = pingable(netContext(host), SHELL_SOURCE, ip);
      sent++;
      if (p.reply) {
        const t = Math.round((p.ttl === 64 ? 0.03 + ctx.random.next() * 0.05 : 0.3 + ctx.random.next() * 0.4) * 1000) / 1000;
        times.push(t);
        if (!quiet) io.out(`64 bytes from ${ip}: icmp_seq=${sent} ttl=${p.ttl} time=${t.toFixed(3)} ms\n`);
      }
      if (sent < count && (await wait(shell, 1000, io.interrupt))) break;
    }
    if (io.interrupt.interrupted) io.out('^C');
    const elapsed = Math.max(0, host.clock.now() - started) + (times.length ? 2 : 40);
    const loss = Math.round(((sent - times.length) / sent) * 100);
    io.out(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${times.length} received, ${loss}% packet loss, time ${elapsed}ms\n`);
    if (times.length) {
      const avg = times.reduce((s, t) => s + t, 0) / times.length;
      const mdev = Math.sqrt(times.reduce((s, t) => s + (t - avg) ** 2, 0) / times.length);
      io.out(`rtt min/avg/max/mdev = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)}/${mdev.toFixed(3)} ms\n`);
    }
    io.out(times.length || sent === 0 ? '' : '\n');
    return times.length ? 0 : 1;
  };
}

/** The shell's network commands, bound to the sandbox's cluster. */
export function netCommands(host: NetHost): Record<string, CommandFn> {
  return { curl: curlCommand(host), wget: wgetCommand(host), nslookup: nslookupCommand(host), dig: digCommand(host), ping: pingCommand(host) };
}
