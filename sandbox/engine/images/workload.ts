// What a container asks of its node while it runs, from its image and arguments: the memory its
// process holds and the CPU it would burn if nothing throttled it. Stress tools say so in their
// flags (polinux/stress `--vm 1 --vm-bytes 150M`, vish/stress `-cpus 2`, the docs' resource
// examples); servers use their idle figures plus whatever load is sent to them (metrics/load.ts).
import type { Container } from 'kubernetes-types/core/v1';

const KI = 1024;
const MI = 1024 * KI;

export interface Demand {
  /** Resident memory, bytes. */
  memoryBytes: number;
  /** CPU wanted, millicores (before a CPU limit throttles it). */
  cpuMilli: number;
}

/** stress(1) sizes: a number with an optional B/K/M/G suffix, powers of 1024. */
function stressBytes(s: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s ?? '');
  if (!m) return undefined;
  const unit = { '': 1, b: 1, k: KI, m: MI, g: 1024 * MI }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function flag(argv: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1];
      if (argv[i].startsWith(`${n}=`)) return argv[i].slice(n.length + 1);
    }
  }
  return undefined;
}

/** The demand of a stress tool's process, or undefined when the container runs no stress tool. */
export function stressDemand(c: Container): Demand | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])].flatMap((a) => a.split(/\s+/)).filter(Boolean);
  const image = c.image ?? '';
  const isStress = /(^|\/)stress(-ng)?(:|$)/.test(image.split('@')[0]) || argv.some((a) => /(^|\/)stress(-ng)?$/.test(a));
  if (!isStress) return undefined;
  const workers = Number(flag(argv, '--vm', '-m') ?? 0);
  const perWorker = stressBytes(flag(argv, '--vm-bytes')) ?? 256 * MI; // stress's default --vm-bytes
  const cpus = Number(flag(argv, '--cpu', '-c', '-cpus') ?? 0);
  // The stress binary itself and its libc: about 5.4 MiB besides what the workers hold.
  // A vm worker with --vm-hang sleeps between touching its memory; without it, it spins a core.
  const hangs = flag(argv, '--vm-hang') !== undefined;
  return { memoryBytes: Math.round(5.4 * MI + workers * perWorker), cpuMilli: cpus * 1000 + (hangs ? 0 : workers * 1000) };
}
