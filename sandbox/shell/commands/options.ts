// Minimal getopt for the coreutils: short flags (bundled: -la), flags with values (-n 5, -n5),
// long flags (--lines=5), and `--` ending options.

export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  /** The first unknown option, to report as coreutils does. */
  unknown?: string;
}

export function getopt(args: string[], spec: { flags?: string; valued?: string; long?: Record<string, string> }): ParsedOptions {
  const out: ParsedOptions = { flags: new Set(), values: new Map(), operands: [] };
  const flags = spec.flags ?? '';
  const valued = spec.valued ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const [name, value] = a.slice(2).split(/=(.*)/s);
      const short = spec.long[name];
      if (!short) out.unknown ??= a;
      else if (valued.includes(short)) out.values.set(short, value ?? args[++i] ?? '');
      else out.flags.add(short);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (valued.includes(ch)) {
          out.values.set(ch, a.slice(j + 1) || args[++i] || '');
          break;
        }
        if (flags.includes(ch)) out.flags.add(ch);
        else out.unknown ??= `-${ch}`;
      }
      continue;
    }
    out.operands.push(a);
  }
  return out;
}

/** `head: invalid option -- 'z'` plus the usage hint, as GNU tools print it. */
export function invalidOption(tool: string, opt: string): string {
  const text = opt.startsWith('--') ? `unrecognized option '${opt}'` : `invalid option -- '${opt.slice(1)}'`;
  return `${tool}: ${text}\nTry '${tool} --help' for more information.\n`;
}
