// Prepares one exam cluster before the exam starts: for every task done on it, its node file edits
// and node commands (what breaks), then its setup objects (created through the API, as a lab's),
// a minute for Pods to start, then its setup actions (a failed node, time moved on), in task
// order. The exam runtime and exams.test.ts both call this.
import type { Engine } from '../sandbox/engine/engine';
import { refreshComponents } from '../sandbox/engine/components';
import { nodeFiles } from '../sandbox/engine/node-files';
import { runLabAction } from '../labs/actions';
import { createSetupObject } from '../labs/setup';
import { tasksOn, type LoadedExam, type LoadedTask } from './load';
import { runNodeCommand } from './node-commands';

/** Simulated time the cluster gets between its setup objects and its setup actions. */
const SETTLE_MS = 60_000;

export function setupExamCluster(engine: Engine, exam: LoadedExam, context: string): void {
  if (!(context in exam.clusters)) throw new Error(`exam ${exam.slug} has no cluster ${context}`);
  const api = engine.client('kubelab-setup');
  const tasks = tasksOn(exam, context);
  // What is broken is broken before the objects arrive (a Deployment created while the scheduler
  // still ran would already have its Pods placed).
  for (const task of tasks) editNodeFiles(engine, task);
  for (const task of tasks) for (const { node, command } of task.setup.nodeCommands) runNodeCommand(engine, node, command);
  refreshComponents(engine);
  engine.runUntilIdle();
  const objects = tasks.flatMap((t) => t.setupObjects);
  // Namespaces first, and time for their controllers: Pods need the namespace's default ServiceAccount.
  // Several tasks may work in one namespace and each name it in its setup: create it once.
  const namespaces = new Map(objects.filter((o) => o.kind === 'Namespace').map((o) => [(o.metadata as { name?: string } | undefined)?.name, o]));
  for (const obj of namespaces.values()) createSetupObject(api, obj);
  engine.runUntilIdle();
  for (const obj of objects.filter((o) => o.kind !== 'Namespace')) createSetupObject(api, obj);
  engine.runUntilIdle();
  // The exam's clusters are ready before the candidate arrives: images pulled, Pods running.
  engine.advance(SETTLE_MS);
  for (const task of tasks) for (const action of task.setup.actions) runLabAction(engine, action);
  engine.runUntilIdle();
}

function editNodeFiles(engine: Engine, task: LoadedTask): void {
  for (const edit of task.setup.nodeFiles) {
    const files = nodeFiles(engine, edit.node);
    if (!files) throw new Error(`task ${task.id}: the cluster has no node ${edit.node}`);
    if (edit.content !== undefined) {
      files.write(edit.path, edit.content);
      continue;
    }
    const before = files.read(edit.path);
    if (before === undefined) throw new Error(`task ${task.id}: ${edit.node} has no file ${edit.path}`);
    if (!before.includes(edit.replace!.from)) throw new Error(`task ${task.id}: ${edit.node}:${edit.path} does not contain ${JSON.stringify(edit.replace!.from)}`);
    files.write(edit.path, before.replace(edit.replace!.from, edit.replace!.to));
  }
}
