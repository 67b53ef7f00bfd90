// Prepares one exam cluster before the exam starts: every task done on it gets its setup objects
// (created through the API, as a lab's), its node file edits, then its setup actions (a stopped
// kubelet, a failed node), in task order. The exam runtime and exams.test.ts both call this.
import type { Engine } from '../sandbox/engine/engine';
import { refreshComponents } from '../sandbox/engine/components';
import { nodeFiles } from '../sandbox/engine/node-files';
import { runLabAction } from '../labs/actions';
import { createSetupObject } from '../labs/setup';
import { tasksOn, type LoadedExam, type LoadedTask } from './load';

export function setupExamCluster(engine: Engine, exam: LoadedExam, context: string): void {
  if (!(context in exam.clusters)) throw new Error(`exam ${exam.slug} has no cluster ${context}`);
  const api = engine.client('kubelab-setup');
  const tasks = tasksOn(exam, context);
  const objects = tasks.flatMap((t) => t.setupObjects);
  // Namespaces first, and time for their controllers: Pods need the namespace's default ServiceAccount.
  for (const obj of objects.filter((o) => o.kind === 'Namespace')) createSetupObject(api, obj);
  engine.runUntilIdle();
  for (const obj of objects.filter((o) => o.kind !== 'Namespace')) createSetupObject(api, obj);
  engine.runUntilIdle();
  for (const task of tasks) editNodeFiles(engine, task);
  refreshComponents(engine);
  engine.runUntilIdle();
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
