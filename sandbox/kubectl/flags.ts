// Flag parsing with cobra/pflag's rules and messages: --name=value, --name value, -n value,
// -nvalue, bundled boolean shorthands, `--` ends flags, unknown flags are errors.
import { UsageError } from './host.js';

export interface FlagSpec {
  name: string;
  short?: string;
  /** Boolean flags take no value unless written --flag=false. */
  type: 'bool' | 'string' | 'int' | 'stringArray';
  default?: string | number | boolean;
  /** pflag's NoOptDefVal: the value of `--flag` given alone (the next argument is not taken). */
  noOptDefault?: string;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'cache-dir', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
];

export function parseFlags(args: string[], specs: FlagSpec[], command: string): { flags: FlagValues; positional: string[]; dashArgs: string[] } {
  const all = [...specs, ...GLOBAL_FLAGS];
  const flags: FlagValues = {};
  for (const s of all) if (s.default !== undefined) flags[s.name] = s.default;
  const positional: string[] = [];
  const hint = `See 'kubectl ${command} --help' for usage.`;
  const set = (spec: FlagSpec, raw: string) => {
    if (spec.type === 'int') {
      const n = Number(raw);
      if (!/^-?\d+$/.test(raw)) throw new UsageError(`invalid argument "${raw}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`, hint);
      flags[spec.name] = n;
    } else if (spec.type === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) throw new UsageError(`invalid argument "${raw}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`, hint);
      flags[spec.name] = ['true', '1', 't', 'TRUE', 'True'].includes(raw);
    } else if (spec.type === 'stringArray') flags[spec.name] = [...((flags[spec.name] as string[]) ?? []), raw];
    else flags[spec.name] = raw;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return { flags, positional, dashArgs: args.slice(i + 1) };
    if (a.startsWith('--')) {
      const [name, value] = splitOnce(a.slice(2));
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`, hint);
      if (value !== undefined) set(spec, value);
      else if (spec.type === 'bool') flags[spec.name] = true;
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < args.length) set(spec, args[++i]);
      else throw new UsageError(`flag needs an argument: --${name}`, hint);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const spec = all.find((s) => s.short === ch);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${ch}' in ${a}`, hint);
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2));
            break;
          }
          flags[spec.name] = true;
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest) set(spec, rest);
        else if (i + 1 < args.length) set(spec, args[++i]);
        else throw new UsageError(`flag needs an argument: '${ch}' in -${ch}`, hint);
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { flags, positional, dashArgs: [] };
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf('=');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
