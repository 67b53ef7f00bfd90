// Prepares one exam cluster before the exam starts: every task done on it gets its setup objects
// (created through the API, as a lab's) and then its setup actions (a stopped kubelet, a failed
// node), in task order. The exam runtime and exams.test.ts both call this.
import type { Engine } from '../sandbox/engine/engine';
import { runLabAction } from '../labs/actions';
import { createSetupObject } from '../labs/setup';
import { tasksOn, type LoadedExam } from './load';

export function setupExamCluster(engine: Engine, exam: LoadedExam, context: string): void {
  if (!(context in exam.clusters)) throw new Error(`exam ${exam.slug} has no cluster ${context}`);
  const api = engine.client('kubelab-setup');
  const tasks = tasksOn(exam, context);
  for (const task of tasks) for (const obj of task.setupObjects) createSetupObject(api, obj);
  engine.runUntilIdle();
  for (const task of tasks) for (const action of task.setup.actions) runLabAction(engine, action);
  engine.runUntilIdle();
}
