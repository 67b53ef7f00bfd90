// The shell's syntax tree: the bash subset learners and the Kubernetes docs use.

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean; op?: ':-' | '-' | ':=' | '#'; arg?: Word }
  | { kind: 'cmd'; script: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
}

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '<<' | '>&' | '&>';
  target?: Word;
  heredoc?: { body: string; expand: boolean };
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Array<{ name: string; value: Word }>;
  words: Word[];
  redirects: Redirect[];
}
export interface IfCommand {
  type: 'if';
  branches: Array<{ cond: Script; body: Script }>;
  elseBody?: Script;
  redirects: Redirect[];
}
export interface LoopCommand {
  type: 'while' | 'until';
  cond: Script;
  body: Script;
  redirects: Redirect[];
}
export interface ForCommand {
  type: 'for';
  variable: string;
  items?: Word[]; // undefined: "$@"
  body: Script;
  redirects: Redirect[];
}
export interface GroupCommand {
  type: 'group' | 'subshell';
  body: Script;
  redirects: Redirect[];
}
export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
}
export type Command = SimpleCommand | IfCommand | LoopCommand | ForCommand | GroupCommand | FunctionDef;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
  background: boolean;
}
export type Script = AndOr[];

/** Thrown when the input ends inside a quote, here-document or compound command: ask for more. */
export class IncompleteInput extends Error {
  constructor(what: string) {
    super(`incomplete: ${what}`);
  }
}

/** A syntax error, with bash's wording (`syntax error near unexpected token `fi'`). */
export class ShellSyntaxError extends Error {}
