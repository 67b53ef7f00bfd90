// ClusterIP and NodePort allocation, as the service REST storage does it: ClusterIPs from the
// service CIDR 10.96.0.0/12 (10.96.0.1 is the `kubernetes` Service, 10.96.0.10 kube-dns by kubeadm
// convention), NodePorts from 30000–32767; random but deterministic (the injected Random), never
// twice, released when the Service goes away.
import type { Random } from '../clock.js';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_RANGE = { base: 30000, size: 2768 };
const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export const numberToIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export type AllocationFailure = 'invalid' | 'range' | 'allocated' | 'full';

export interface AllocatorSnapshot {
  clusterIPs: string[];
  nodePorts: number[];
}

export class Allocators {
  private ips = new Set<string>();
  private ports = new Set<number>();

  constructor(private random: Random) {}

  /** Allocates a given ClusterIP, or explains why not. */
  claimClusterIP(ip: string): AllocationFailure | undefined {
    const n = ipToNumber(ip);
    if (n === undefined) return 'invalid';
    const offset = n - CIDR_BASE;
    // The network and broadcast addresses are never handed out.
    if (offset <= 0 || offset >= CIDR_SIZE - 1) return 'range';
    if (this.ips.has(ip)) return 'allocated';
    this.ips.add(ip);
    return undefined;
  }

  /** A random free ClusterIP (the real allocator avoids the low 1/16 of the range for dynamic IPs when large). */
  nextClusterIP(): string | undefined {
    const lowBand = Math.min(Math.max(16, Math.floor(CIDR_SIZE / 16)), 256);
    for (let attempt = 0; attempt < 64; attempt++) {
      const offset = lowBand + Math.floor(this.random.next() * (CIDR_SIZE - 1 - lowBand));
      const ip = numberToIp(CIDR_BASE + offset);
      if (!this.ips.has(ip)) {
        this.ips.add(ip);
        return ip;
      }
    }
    return undefined;
  }

  releaseClusterIP(ip: string): void {
    this.ips.delete(ip);
  }

  claimNodePort(port: number): AllocationFailure | undefined {
    if (port < NODE_PORT_RANGE.base || port >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) return 'range';
    if (this.ports.has(port)) return 'allocated';
    this.ports.add(port);
    return undefined;
  }

  /**
   * A random free NodePort, from the upper band first: the lowest ports (min(max(16, size/32), 128)
   * of them) are kept for Services that ask for a port (ServiceNodePortStaticSubrange).
   */
  nextNodePort(): number | undefined {
    const { base, size } = NODE_PORT_RANGE;
    const staticBand = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    return this.freePortIn(base + staticBand, size - staticBand) ?? this.freePortIn(base, staticBand);
  }

  private freePortIn(from: number, count: number): number | undefined {
    const offset = Math.floor(this.random.next() * count);
    for (let i = 0; i < count; i++) {
      const port = from + ((offset + i) % count);
      if (!this.ports.has(port)) {
        this.ports.add(port);
        return port;
      }
    }
    return undefined;
  }

  releaseNodePort(port: number): void {
    this.ports.delete(port);
  }

  isClusterIPAllocated(ip: string): boolean {
    return this.ips.has(ip);
  }

  snapshot(): AllocatorSnapshot {
    return { clusterIPs: [...this.ips].sort(), nodePorts: [...this.ports].sort((a, b) => a - b) };
  }

  restore(s: AllocatorSnapshot): void {
    this.ips = new Set(s.clusterIPs);
    this.ports = new Set(s.nodePorts);
  }
}
