// Runs a lab action (lab.yaml `steps[].actions`, schema LabActionSpec) against a cluster engine.
// labs:check's replay calls it for a solution's `actions`; the learner's session calls it when
// the step's button is pressed. Returns the line the terminal shows, so the learner sees that
// something happened outside their own commands.
import type { Engine } from '../sandbox/engine/engine';
import { startComponent, stopComponent } from '../sandbox/engine/components';
import { generateLoad } from '../sandbox/engine/metrics/index';
import { failNode, recoverNode } from '../sandbox/engine/node-faults';
import type { LabActionSpec } from './schema';

export function runLabAction(engine: Engine, action: LabActionSpec): string {
  if (action.advanceSeconds !== undefined) {
    engine.advance(action.advanceSeconds * 1000);
    return `kubelab: ${formatSeconds(action.advanceSeconds)} of cluster time passed`;
  }
  if (action.failNode !== undefined) {
    failNode(engine, action.failNode);
    engine.runUntilIdle();
    return `kubelab: ${action.failNode} lost power (its kubelet stopped)`;
  }
  if (action.recoverNode !== undefined) {
    recoverNode(engine, action.recoverNode);
    return `kubelab: ${action.recoverNode} is back (its kubelet started)`;
  }
  if (action.stopComponent !== undefined) {
    const { name, node } = action.stopComponent;
    stopComponent(engine, name, node);
    engine.runUntilIdle();
    return `kubelab: ${name}${node ? ` on ${node}` : ''} stopped`;
  }
  if (action.startComponent !== undefined) {
    const { name, node } = action.startComponent;
    startComponent(engine, name, node);
    engine.runUntilIdle();
    return `kubelab: ${name}${node ? ` on ${node}` : ''} started`;
  }
  if (action.generateLoad !== undefined) {
    const { service, namespace, requestsPerSecond } = action.generateLoad;
    generateLoad(engine, { service, namespace, requestsPerSecond });
    engine.runUntilIdle();
    return requestsPerSecond > 0 ? `kubelab: ${requestsPerSecond} requests per second now go to service ${namespace}/${service}` : `kubelab: the load on service ${namespace}/${service} stopped`;
  }
  throw new Error(`action ${action.id} has no effect`);
}

/** Finds a step's action by id (undefined if the lab or step has none by that id). */
export function findAction(steps: readonly { id: string; actions: readonly LabActionSpec[] }[], stepId: string, actionId: string): LabActionSpec | undefined {
  return steps.find((s) => s.id === stepId)?.actions.find((a) => a.id === actionId);
}

function formatSeconds(s: number): string {
  if (s % 60 === 0) return s === 60 ? '1 minute' : `${s / 60} minutes`;
  return s === 1 ? '1 second' : `${s} seconds`;
}
