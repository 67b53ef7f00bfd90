import { describe, expect, it } from 'vitest';
import { IncompleteInput, ShellSyntaxError } from './ast.js';
import { parse } from './parser.js';

const words = (src: string) =>
  parse(src).map((a) => a.first.commands.map((c) => (c.type === 'simple' ? c.words.map((w) => w.parts.map((p) => (p.kind === 'lit' ? p.text : `<${p.kind}:${p.kind === 'param' ? p.name : p.script}>`)).join('')) : c.type)));

describe('shell parser', () => {
  it('splits pipelines, lists and quoted words', () => {
    expect(words(`kubectl get pods -o name | grep web; echo "a b" 'c d' e\\ f`)).toEqual([
      [['kubectl', 'get', 'pods', '-o', 'name'], ['grep', 'web']],
      [['echo', 'a b', 'c d', 'e f']],
    ]);
  });

  it('keeps parameter and command substitutions as parts', () => {
    expect(words('echo $HOME "${NS:-default}" $(kubectl get ns)')).toEqual([[['echo', '<param:HOME>', '<param:NS>', '<cmd:kubectl get ns>']]]);
  });

  it('reads here-document bodies after the line', () => {
    const [list] = parse('cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nEOF\n');
    const cat = list.first.commands[0];
    expect(cat.type === 'simple' && cat.redirects[0].heredoc).toEqual({ body: 'apiVersion: v1\nkind: Namespace\n', expand: true });
  });

  it('asks for more input inside quotes, here-documents and compound commands', () => {
    for (const src of ['echo "abc', "echo 'x", 'cat <<EOF\nline', 'if true; then', 'for i in 1 2; do echo $i', 'echo \\']) {
      expect(() => parse(src), src).toThrow(IncompleteInput);
    }
  });

  it('reports syntax errors with bash wording', () => {
    expect(() => parse('echo a ;; b')).toThrow(ShellSyntaxError);
    expect(() => parse('fi')).toThrow("syntax error near unexpected token `fi'");
  });

  it('parses if, for, while and functions', () => {
    const [a, b, c, d] = parse('if true; then echo y; else echo n; fi\nfor i in 1 2 3; do echo $i; done\nwhile false; do :; done\nf() { echo hi; }');
    expect([a, b, c, d].map((x) => x.first.commands[0].type)).toEqual(['if', 'for', 'while', 'function']);
  });

  it('treats assignments before a command as assignments', () => {
    const [list] = parse('A=1 B="x y" env');
    const cmd = list.first.commands[0];
    expect(cmd.type === 'simple' && cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
  });
});
