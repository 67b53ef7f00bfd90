'use client';
// One lab page's shared client state: the sandbox connection and the latest check results. The
// workspace (terminal, editor) publishes here; the step text's buttons, hints and questions,
// rendered by the server around it, read and act through it.
import { useSyncExternalStore } from 'react';
import type { ChecksUpdate, LabActionResult, QuestionAnswerResult } from '../../../../sandbox/protocol';
import type { SandboxConnection } from './connection';

type Listener = () => void;

let connection: SandboxConnection | undefined;
let checks: ChecksUpdate = { checks: [], allPassed: false };
const listeners = new Set<Listener>();
const openFileListeners = new Set<(path: string) => void>();

function notify(): void {
  for (const l of listeners) l();
}

export const labBus = {
  setConnection(c: SandboxConnection | undefined): void {
    connection = c;
    notify();
  },
  setChecks(update: ChecksUpdate): void {
    checks = update;
    notify();
  },
  /** Types a command into the terminal and presses Enter, as the learner would. */
  run(command: string): void {
    connection?.input(command.replace(/\n+$/, '').replace(/\n/g, '\r') + '\r');
  },
  openFile(path: string): void {
    for (const l of openFileListeners) l(path);
  },
  onOpenFile(listener: (path: string) => void): () => void {
    openFileListeners.add(listener);
    return () => openFileListeners.delete(listener);
  },
  async runAction(stepId: string, actionId: string): Promise<LabActionResult> {
    if (!connection) return { ok: false, code: 'not-attached', message: 'Your sandbox is still starting; try again in a moment.' };
    return connection.runAction(stepId, actionId);
  },
  async answer(questionId: string, answer: string): Promise<QuestionAnswerResult> {
    if (!connection) return { ok: false, code: 'not-attached', message: 'Your sandbox is still starting; try again in a moment.' };
    return connection.answer(questionId, answer);
  },
};

function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const EMPTY: ChecksUpdate = { checks: [], allPassed: false };

/** The latest check results (empty until the sandbox is attached). */
export function useLabChecks(): ChecksUpdate {
  return useSyncExternalStore(subscribe, () => checks, () => EMPTY);
}

export function useConnected(): boolean {
  return useSyncExternalStore(subscribe, () => connection !== undefined, () => false);
}
