import { describe, expect, it } from 'vitest';
import { builtinCommands } from './commands/builtins.js';
import { fileCommands } from './commands/files.js';
import { textCommands } from './commands/text.js';
import { Shell, type CommandFn } from './interpreter.js';
import { Interrupt, type CommandIO } from './io.js';
import { Vfs } from './vfs.js';

function newShell() {
  const commands = new Map<string, CommandFn>([...Object.entries(builtinCommands), ...Object.entries(fileCommands), ...Object.entries(textCommands)]);
  let now = 0;
  const shell = new Shell({
    fs: new Vfs(),
    commands,
    now: () => now,
    sleep: async (ms, interrupt) => {
      now += ms;
      void interrupt;
    },
  });
  const run = async (src: string) => {
    let out = '';
    const io: CommandIO = { stdin: '', stdinIsTerminal: true, stdoutIsTerminal: false, out: (s) => (out += s), err: (s) => (out += s), interrupt: new Interrupt() };
    const status = await shell.runSource(src, io);
    return { out, status };
  };
  return { shell, run };
}

describe('shell interpreter', () => {
  it('runs pipelines, lists and exit statuses', async () => {
    const { run } = newShell();
    expect(await run('echo one two | wc -w')).toEqual({ out: '2\n', status: 0 });
    expect(await run('false && echo no || echo yes')).toEqual({ out: 'yes\n', status: 0 });
    expect(await run('true; echo $?; false; echo $?')).toEqual({ out: '0\n1\n', status: 0 });
    expect(await run('nosuchcmd')).toEqual({ out: 'bash: nosuchcmd: command not found\n', status: 127 });
  });

  it('expands variables, defaults, command substitution and field splitting', async () => {
    const { run } = newShell();
    await run('export NS=web; X="a  b"');
    expect((await run('echo $NS ${MISSING:-fallback} "$X" $X')).out).toBe('web fallback a  b a b\n');
    expect((await run('echo "ns=$(echo $NS)"')).out).toBe('ns=web\n');
    expect((await run('echo ${#NS}')).out).toBe('3\n');
  });

  it('writes and appends files through redirections, and reads here-documents', async () => {
    const { run, shell } = newShell();
    await run('echo first > notes.txt; echo second >> notes.txt');
    expect(shell.fs.readFile('/root/notes.txt')).toBe('first\nsecond\n');
    await run('cat <<EOF > web.yaml\nkind: Deployment\nname: $HOME\nEOF\n');
    expect(shell.fs.readFile('/root/web.yaml')).toBe('kind: Deployment\nname: /root\n');
    await run("cat <<'EOF' > raw.txt\n$HOME\nEOF\n");
    expect(shell.fs.readFile('/root/raw.txt')).toBe('$HOME\n');
    expect((await run('cat missing.txt')).out).toBe('cat: missing.txt: No such file or directory\n');
  });

  it('supports aliases, functions, if, for and while', async () => {
    const { run } = newShell();
    await run("alias hi='echo hello'");
    expect((await run('hi world')).out).toBe('hello world\n');
    expect((await run('alias')).out).toBe("alias hi='echo hello'\n");
    await run('greet() { echo "hi $1"; }');
    expect((await run('greet ana')).out).toBe('hi ana\n');
    expect((await run('for i in 1 2 3; do echo -n $i; done; echo')).out).toBe('123\n');
    expect((await run('if [ -f /root/x ]; then echo yes; else echo no; fi')).out).toBe('no\n');
    expect((await run('n=0; while [ $n -lt 3 ]; do n=$(echo $n | wc -c); echo $n; break; done')).out).toBe('2\n');
  });

  it('globs files and keeps an unmatched pattern as typed', async () => {
    const { run } = newShell();
    await run('touch a.yaml b.yaml c.txt');
    expect((await run('echo *.yaml')).out).toBe('a.yaml b.yaml\n');
    expect((await run('echo *.json')).out).toBe('*.json\n');
    expect((await run("echo '*.yaml'")).out).toBe('*.yaml\n');
  });

  it('filters text like coreutils', async () => {
    const { run } = newShell();
    await run('printf "b\\na\\nb\\nc\\n" > f');
    expect((await run('sort f | uniq -c')).out).toBe('      1 a\n      2 b\n      1 c\n');
    expect((await run('grep -n b f')).out).toBe('1:b\n3:b\n');
    // Context as GNU grep prints it (checked against grep 3.8): `-` on context lines, `--` between groups.
    await run('printf "one\\nTaints: x\\nUnschedulable: false\\nLease:\\nHolder: n\\nRenew: t\\nx\\ny\\nTaints: z\\nend\\n" > g');
    expect((await run('grep -A1 Taints g')).out).toBe('Taints: x\nUnschedulable: false\n--\nTaints: z\nend\n');
    expect((await run('grep -n -B1 -A1 Lease g')).out).toBe('3-Unschedulable: false\n4:Lease:\n5-Holder: n\n');
    expect((await run('grep -C1 -n Taints g')).out).toBe('1-one\n2:Taints: x\n3-Unschedulable: false\n--\n8-y\n9:Taints: z\n10-end\n');
    expect(await run('grep -A x Taints g')).toEqual({ out: 'grep: x: invalid context length argument\n', status: 2 });
    expect((await run('head -2 f; tail -n 1 f')).out).toBe('b\na\nc\n');
    expect((await run('echo hello | base64 | base64 -d')).out).toBe('hello\n');
    expect((await run('echo a:b:c | cut -d: -f2,3')).out).toBe('b:c\n');
    expect((await run('echo Hello | tr a-z A-Z')).out).toBe('HELLO\n');
  });

  it('reports syntax errors as bash does', async () => {
    const { run } = newShell();
    expect(await run('echo a ;; b')).toEqual({ out: "bash: syntax error near unexpected token `;;'\n", status: 2 });
  });
});
