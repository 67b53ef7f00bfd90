// Turns a lab's declarative check (declarative-schema.ts) into a CheckDefinition: a pure function
// of GradingState whose failure message says what is missing and what to do about it.
import type { KubeObject } from '../engine/objects';
import { fail, pass, type CheckDefinition, type CheckOutcome, type GradingState } from './check';
import type { CheckSpec, Expectation } from './declarative-schema';
import { evaluateJsonPath, formatJsonPathResult } from './jsonpath';
import { isNamespacedKind } from './kinds';
import { conditionOf, matchesSelector, wasApplied } from './queries';

/** A check written in TypeScript (labs/functions.ts registers them by name). */
export interface FunctionCheck {
  /** The kinds of object the function reads, so grading lists them. */
  kinds: string[];
  evaluate(state: GradingState): CheckOutcome;
}

/** A compiled check plus the kinds it needs listed from the cluster. */
export interface CompiledCheck extends CheckDefinition {
  kinds: string[];
}

const code = (s: string) => `\`${s}\``;
const where = (kind: string, namespace?: string) => (isNamespacedKind(kind) ? ` in namespace ${code(namespace ?? 'default')}` : '');

function find(state: GradingState, ref: { kind: string; name: string; namespace?: string }): KubeObject | undefined {
  const ns = isNamespacedKind(ref.kind) ? (ref.namespace ?? 'default') : undefined;
  return state.objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name && o.metadata.namespace === ns);
}

function expectationHolds(obj: unknown, e: Expectation): { ok: boolean; got: string } {
  const got = formatJsonPathResult(evaluateJsonPath(obj, e.path));
  const ok = e.equals !== undefined ? got === String(e.equals) : new RegExp(e.matches!).test(got);
  return { ok, got };
}

const describeExpectation = (e: Expectation) => (e.equals !== undefined ? code(String(e.equals)) : `something matching ${code(e.matches!)}`);

function objectTest(spec: NonNullable<CheckSpec['object']>, state: GradingState): CheckOutcome {
  const obj = find(state, spec);
  const label = `${spec.kind} ${code(spec.name)}`;
  if (!obj) return fail(`No ${label}${where(spec.kind, spec.namespace)} yet.`);
  for (const e of spec.expect ?? []) {
    const r = expectationHolds(obj, e);
    if (!r.ok) return fail(`${label} has ${code(e.path)} = ${r.got === '' ? 'nothing' : code(r.got)}; it should be ${describeExpectation(e)}.`);
  }
  return pass(`${label} exists${spec.expect?.length ? ' and looks right' : ''}.`);
}

function countTest(spec: NonNullable<CheckSpec['count']>, state: GradingState): CheckOutcome {
  const matching = state.objects.filter(
    (o) =>
      o.kind === spec.kind &&
      (spec.namespace === undefined || o.metadata.namespace === spec.namespace) &&
      (spec.selector === undefined || matchesSelector(o.metadata.labels, spec.selector)) &&
      (spec.where === undefined || expectationHolds(o, spec.where).ok),
  );
  const what = [spec.selector && `labelled ${code(spec.selector)}`, spec.where && `with ${code(spec.where.path)} = ${describeExpectation(spec.where)}`].filter(Boolean).join(' ');
  const scope = spec.namespace ? ` in namespace ${code(spec.namespace)}` : isNamespacedKind(spec.kind) ? ' in all namespaces' : '';
  const seen = `${matching.length} ${spec.kind}${matching.length === 1 ? '' : 's'}${what ? ' ' + what : ''}${scope}`;
  if (spec.min !== undefined && matching.length < spec.min) return fail(`Found ${seen}; expected at least ${spec.min}.`);
  if (spec.max !== undefined && matching.length > spec.max) return fail(`Found ${seen}; expected at most ${spec.max}.`);
  return pass(`Found ${seen}.`);
}

function conditionTest(spec: NonNullable<CheckSpec['condition']>, state: GradingState): CheckOutcome {
  const obj = find(state, spec);
  const label = `${spec.kind} ${code(spec.name)}`;
  if (!obj) return fail(`No ${label}${where(spec.kind, spec.namespace)} yet.`);
  const c = conditionOf(obj, spec.type);
  if (!c) return fail(`${label} has no ${spec.type} condition yet; give it a moment.`);
  if (c.status !== spec.status) return fail(`${label} is ${spec.type}=${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : ''}; waiting for ${spec.type}=${spec.status}.`);
  return pass(`${label} is ${spec.type}=${spec.status}.`);
}

function appliedTest(spec: NonNullable<CheckSpec['applied']>, state: GradingState): CheckOutcome {
  const obj = find(state, spec);
  const label = `${spec.kind} ${code(spec.name)}`;
  if (!obj) return fail(`No ${label}${where(spec.kind, spec.namespace)} yet.`);
  if (!wasApplied(obj)) return fail(`${label} exists but was not created with ${code('kubectl apply')} (it has no last-applied configuration).`);
  return pass(`${label} is managed by ${code('kubectl apply')}.`);
}

function commandTest(spec: NonNullable<CheckSpec['command']>, state: GradingState): CheckOutcome {
  const re = new RegExp(spec.matches);
  const used = (state.history ?? []).find((line) => re.test(line));
  return used ? pass(`You ran ${code(used)}.`) : fail(`You have not run a command matching ${code(spec.matches)} yet.`);
}

function fileTest(spec: NonNullable<CheckSpec['file']>, state: GradingState): CheckOutcome {
  const text = state.files.get(spec.path);
  if (text === undefined) return fail(`There is no file ${code(spec.path)} yet.`);
  if (spec.contains && !new RegExp(spec.contains, 'm').test(text)) return fail(`${code(spec.path)} does not contain ${code(spec.contains)} yet.`);
  return pass(`${code(spec.path)} is there${spec.contains ? ' with the right content' : ''}.`);
}

function kindsOf(spec: CheckSpec, fn?: FunctionCheck): string[] {
  const ref = spec.object ?? spec.count ?? spec.condition ?? spec.applied;
  return ref ? [ref.kind] : (fn?.kinds ?? []);
}

/** Compile one declarative check; throws on an unknown function name (labs:check reports it). */
export function compileCheck(spec: CheckSpec, functions: Readonly<Record<string, FunctionCheck>>): CompiledCheck {
  const fn = spec.fn !== undefined ? functions[spec.fn] : undefined;
  if (spec.fn !== undefined && !fn) throw new Error(`no TypeScript check named ${spec.fn} (known: ${Object.keys(functions).join(', ') || 'none'})`);
  const test = (state: GradingState): CheckOutcome => {
    if (spec.object) return objectTest(spec.object, state);
    if (spec.count) return countTest(spec.count, state);
    if (spec.condition) return conditionTest(spec.condition, state);
    if (spec.applied) return appliedTest(spec.applied, state);
    if (spec.command) return commandTest(spec.command, state);
    if (spec.file) return fileTest(spec.file, state);
    return fn!.evaluate(state);
  };
  return {
    id: spec.id,
    title: spec.title,
    kinds: kindsOf(spec, fn),
    evaluate: (state) => {
      const outcome = test(state);
      return !outcome.passed && spec.hint ? fail(`${outcome.message} ${spec.hint}`) : outcome;
    },
  };
}
