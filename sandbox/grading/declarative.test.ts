import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine/objects.js';
import type { GradingState } from './check.js';
import { CheckSpec } from './declarative-schema.js';
import { compileCheck } from './declarative.js';
import { compileQuestion, QuestionSpec } from './questions.js';

const pod = (name: string, labels: Record<string, string>, phase = 'Running', ns = 'default'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] } }) as KubeObject;
const state = (objects: KubeObject[], extra: Partial<GradingState> = {}): GradingState => ({ objects, files: new Map(), ...extra });
const check = (spec: unknown) => compileCheck(CheckSpec.parse({ id: 'c', title: 'C', ...(spec as object) }), {});

describe('declarative checks', () => {
  it('object: exists and matches JSONPath expectations, naming what differs', () => {
    const c = check({ object: { kind: 'Pod', name: 'a', expect: [{ path: '{.status.phase}', equals: 'Running' }] } });
    expect(c.evaluate(state([])).message).toBe('No Pod `a` in namespace `default` yet.');
    expect(c.evaluate(state([pod('a', {}, 'Pending')])).message).toBe('Pod `a` has `{.status.phase}` = `Pending`; it should be `Running`.');
    expect(c.evaluate(state([pod('a', {})])).passed).toBe(true);
    expect(c.kinds).toEqual(['Pod']);
  });

  it('count: selector, where, min and max', () => {
    const c = check({ count: { kind: 'Pod', namespace: 'default', selector: 'app=web', where: { path: '{.status.phase}', equals: 'Running' }, min: 2 } });
    const objects = [pod('a', { app: 'web' }), pod('b', { app: 'web' }, 'Pending'), pod('c', { app: 'db' }), pod('d', { app: 'web' }, 'Running', 'other')];
    expect(c.evaluate(state(objects)).message).toBe('Found 1 Pod labelled `app=web` with `{.status.phase}` = `Running` in namespace `default`; expected at least 2.');
    expect(c.evaluate(state([...objects, pod('e', { app: 'web' })])).passed).toBe(true);
    expect(check({ count: { kind: 'Pod', selector: 'app!=web', max: 0 } }).evaluate(state(objects)).passed).toBe(false);
  });

  it('condition, applied, command and file', () => {
    expect(check({ condition: { kind: 'Pod', name: 'a', type: 'Ready' } }).evaluate(state([pod('a', {}, 'Pending')])).message).toBe('Pod `a` is Ready=False; waiting for Ready=True.');
    const applied = { ...pod('a', {}), metadata: { name: 'a', namespace: 'default', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } } as KubeObject;
    const a = check({ applied: { kind: 'Pod', name: 'a' }, hint: 'Use kubectl apply -f pod.yaml.' });
    expect(a.evaluate(state([pod('a', {})])).message).toBe('Pod `a` exists but was not created with `kubectl apply` (it has no last-applied configuration). Use kubectl apply -f pod.yaml.');
    expect(a.evaluate(state([applied])).passed).toBe(true);
    const cmd = check({ command: { matches: 'kubectl get nodes.*-o wide' } });
    expect(cmd.evaluate(state([], { history: ['ls'] })).passed).toBe(false);
    expect(cmd.evaluate(state([], { history: ['kubectl get nodes -o wide'] })).message).toBe('You ran `kubectl get nodes -o wide`.');
    const file = check({ file: { path: '/root/a.yaml', contains: '^kind: Pod' } });
    expect(file.evaluate(state([])).message).toBe('There is no file `/root/a.yaml` yet.');
    expect(file.evaluate(state([], { files: new Map([['/root/a.yaml', 'apiVersion: v1\nkind: Pod\n']]) })).passed).toBe(true);
  });

  it('the schema wants exactly one test per check, and knows cluster-scoped kinds', () => {
    const two = CheckSpec.safeParse({ id: 'x', title: 'X', command: { matches: 'a' }, file: { path: '/root/a' } });
    expect(two.success ? '' : two.error.issues[0].message).toBe('a check needs exactly one of object, count, condition, applied, command, file, fn; found command, file');
    const ns = CheckSpec.safeParse({ id: 'x', title: 'X', object: { kind: 'Node', name: 'node01', namespace: 'default' } });
    expect(ns.success ? '' : ns.error.issues[0].message).toBe('Node is cluster-scoped: leave out namespace');
    expect(() => compileCheck(CheckSpec.parse({ id: 'x', title: 'X', fn: 'nope' }), {})).toThrow('no TypeScript check named nope');
  });
});

describe('questions', () => {
  it('grade multiple choice exactly and short answers loosely', () => {
    const mc = compileQuestion(QuestionSpec.parse({ id: 'q', prompt: 'Which?', choices: ['a', 'b'], answer: 'b', explanation: 'Because.' }));
    expect(mc.evaluate(state([])).message).toBe('Not answered yet.');
    expect(mc.evaluate(state([], { answers: { q: 'a' } })).passed).toBe(false);
    expect(mc.evaluate(state([], { answers: { q: 'b' } })).message).toBe('Correct. Because.');
    const short = compileQuestion(QuestionSpec.parse({ id: 'n', prompt: 'How many?', answer: '3', accept: ['three'] }));
    expect(short.evaluate(state([], { answers: { n: ' 3 ' } })).passed).toBe(true);
    expect(short.evaluate(state([], { answers: { n: 'Three' } })).passed).toBe(true);
    expect(short.evaluate(state([], { answers: { n: '4' } })).passed).toBe(false);
    expect(QuestionSpec.safeParse({ id: 'q', prompt: 'P', choices: ['a', 'b'], answer: 'c' }).success).toBe(false);
  });
});
