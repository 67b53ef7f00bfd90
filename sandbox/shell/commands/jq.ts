// jq (the real jq 1.7, compiled to WebAssembly by the jq-wasm package) and yq (mikefarah's yq v4
// language is jq's for the paths and pipes learners use: YAML in, jq over it, YAML out).
import { raw as jqRaw } from 'jq-wasm';
import { parseAllDocuments, stringify } from 'yaml';
import type { CommandFn, CommandContext } from '../interpreter.js';

/** jq's flags that take no value, passed through to jq itself. */
const JQ_FLAGS = new Set(['-r', '-j', '-c', '-n', '-s', '-e', '-S', '-C', '-M', '-a', '--raw-output', '--join-output', '--compact-output', '--null-input', '--slurp', '--exit-status', '--sort-keys', '--tab', '--ascii-output', '-R', '--raw-input']);

interface JqArgs {
  filter?: string;
  files: string[];
  flags: string[];
}

function parseJqArgs(args: string[]): JqArgs | string {
  const out: JqArgs = { files: [], flags: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--arg' || a === '--argjson') {
      if (args[i + 2] === undefined) return `jq: error: ${a} takes two parameters (e.g. ${a} varname value)`;
      out.flags.push(a, args[i + 1], args[i + 2]);
      i += 2;
    } else if (a === '--indent') out.flags.push(a, args[++i] ?? '2');
    else if (/^-[a-zA-Z]{2,}$/.test(a) && [...a.slice(1)].every((c) => JQ_FLAGS.has(`-${c}`))) out.flags.push(...[...a.slice(1)].map((c) => `-${c}`));
    else if (JQ_FLAGS.has(a)) out.flags.push(a);
    else if (a.startsWith('-') && a !== '-') return `jq: Unknown option: ${a}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq`;
    else if (out.filter === undefined) out.filter = a;
    else out.files.push(a);
  }
  return out;
}

function readInputs(ctx: CommandContext, files: string[]): string | undefined {
  if (!files.length) return ctx.io.stdin;
  let text = '';
  for (const f of files) {
    if (!ctx.shell.fs.exists(f)) {
      ctx.io.err(`jq: error: Could not open ${f}: No such file or directory\n`);
      return undefined;
    }
    text += ctx.shell.fs.readFile(f) + '\n';
  }
  return text;
}

/** jq's own error texts, with the input named as jq names standard input. */
function jqError(message: string, input = ''): { text: string; status: number } {
  // jq names standard input <stdin> and counts the lines it has read.
  const lines = (input.match(/\n/g) ?? []).length;
  const text = message.replace(/^Failed to execute raw query: /, '').replace(/\(at \/dev\/stdin:\d+\)/g, `(at <stdin>:${lines})`);
  return { text: text.endsWith('\n') ? text : text + '\n', status: /compile error/.test(text) ? 3 : 5 };
}

export const jq: CommandFn = async (ctx) => {
  const parsed = parseJqArgs(ctx.args);
  if (typeof parsed === 'string') {
    ctx.io.err(parsed + '\n');
    return 2;
  }
  if (parsed.filter === undefined) {
    ctx.io.err('Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter\'s results as JSON on\nstandard output.\n\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n');
    return 2;
  }
  const input = readInputs(ctx, parsed.files);
  if (input === undefined) return 2;
  const nullInput = parsed.flags.includes('-n') || parsed.flags.includes('--null-input');
  if (!input.trim() && !nullInput) return 0;
  try {
    const out = await jqRaw(nullInput ? 'null' : input, parsed.filter, parsed.flags);
    const joined = parsed.flags.includes('-j') || parsed.flags.includes('--join-output');
    ctx.io.out(out === '' || joined ? out : out + '\n');
    if (parsed.flags.includes('-e') || parsed.flags.includes('--exit-status')) {
      const last = out.trim().split('\n').at(-1);
      return last === undefined || last === '' ? 4 : last === 'false' || last === 'null' ? 1 : 0;
    }
    return 0;
  } catch (e) {
    const { text, status } = jqError((e as Error).message, input);
    ctx.io.err(text);
    return status;
  }
};

/** yq [eval] EXPR [FILE...]: YAML (or JSON) documents in, jq's language over each, YAML out. */
export const yq: CommandFn = async (ctx) => {
  let args = ctx.args;
  if (args[0] === 'eval' || args[0] === 'e') args = args.slice(1);
  const outputJson = args.some((a) => a === '-o=json' || a === '-oj' || a === '--output-format=json') || (args.includes('-o') && args[args.indexOf('-o') + 1] === 'json');
  const rawOut = args.includes('-r');
  const positional = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-o');
  const [expr = '.', ...files] = positional;
  const input = readInputs(ctx, files);
  if (input === undefined) return 1;
  let docs: unknown[];
  try {
    docs = parseAllDocuments(input).map((d) => d.toJS());
  } catch (e) {
    ctx.io.err(`Error: bad file '-': ${(e as Error).message}\n`);
    return 1;
  }
  let status = 0;
  for (const [i, doc] of docs.entries()) {
    try {
      const out = await jqRaw(JSON.stringify(doc ?? null), expr, ['-c']);
      const values = out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
      if (i > 0 && !outputJson) ctx.io.out('---\n');
      for (const v of values) ctx.io.out(outputJson ? JSON.stringify(v, null, 2) + '\n' : typeof v === 'string' && (rawOut || true) ? v + '\n' : v === null ? 'null\n' : stringify(v));
    } catch (e) {
      ctx.io.err(`Error: ${jqError((e as Error).message).text.replace(/^jq: error: /, '')}`);
      status = 1;
    }
  }
  return status;
};
