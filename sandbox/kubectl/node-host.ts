// Our kubectl outside the browser: a kubeconfig in a real file and an HTTP(S) client per
// invocation, as the real kubectl works. Node code: the CLI and the differential tests import
// this; the learner's sandbox never does.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../engine/clock.js';
import type { Vfs } from '../shell/vfs.js';
import type { KubectlHost } from './host.js';
import { httpClient } from './http-client.js';
import { loadKubeconfig, resolveConfig, type KubeconfigStore } from './kubeconfig.js';

export function fileKubeconfigStore(path: string): KubeconfigStore {
  const abs = resolve(path);
  return {
    path: abs,
    read: () => (existsSync(abs) ? readFileSync(abs, 'utf8') : undefined),
    write: (text) => {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    },
  };
}

/** A kubectl host that talks HTTP to the cluster the kubeconfig at `kubeconfigPath` names. */
export function httpKubectlHost(kubeconfigPath: string, fs: Vfs, clock: Clock): KubectlHost {
  const kubeconfig = fileKubeconfigStore(kubeconfigPath);
  return {
    // Commands get the client for their own context (--context, -n) through connect().
    api: httpClient(resolveConfig(loadKubeconfig(kubeconfig))),
    clock,
    fs,
    kubeconfig,
    openKubeconfig: fileKubeconfigStore,
    connect: httpClient,
    // `get -w --request-timeout`, `wait --timeout`: wall time, cut short by Ctrl-C.
    sleep: (ms, interrupt) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        const off = interrupt.onRaise(done);
        function done() {
          clearTimeout(timer);
          off();
          resolve();
        }
      }),
  };
}
