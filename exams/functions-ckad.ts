// TypeScript checks of the CKAD practice exam: Pod specs that may be written several valid ways
// (envFrom or one env entry per key; any volume name; a sidecar as a container or a native one).
import { fail, pass } from '../sandbox/grading/check';
import type { FunctionCheck } from '../sandbox/grading/declarative';
import { conditionOf, findObject, matchesSelector, objectsOfKind } from '../sandbox/grading/queries';
import type { KubeObject } from '../sandbox/engine/objects';
import { envFromConfigMap, mountsVolumeAt, podSpec, volumeNamed } from './pod-spec';

const code = (s: string) => `\`${s}\``;
const phaseOf = (pod: KubeObject) => (pod as { status?: { phase?: string } }).status?.phase;

/** A Pod check: the Pod must exist; `test` says what is missing or undefined when all is right. */
function podCheck(namespace: string, name: string, test: (pod: KubeObject) => string | undefined, passed: string): FunctionCheck {
  return {
    kinds: ['Pod'],
    evaluate(state) {
      const pod = findObject(state, 'Pod', namespace, name);
      if (!pod) return fail(`No Pod ${code(name)} in namespace ${code(namespace)} yet.`);
      const problem = test(pod);
      if (problem) return fail(problem);
      return phaseOf(pod) === 'Running' ? pass(passed) : fail(`Pod ${code(name)} is set up right but is ${phaseOf(pod) ?? 'not running'}.`);
    },
  };
}

interface ProbeLike {
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
}

/** The asked readiness and liveness probes on a Pod's container `web`. */
function hasAskedProbes(pod: KubeObject): boolean {
  const web = (podSpec(pod).containers ?? []).find((c) => c.name === 'web') as { readinessProbe?: ProbeLike; livenessProbe?: ProbeLike } | undefined;
  const r = web?.readinessProbe;
  const l = web?.livenessProbe;
  return r?.httpGet?.path === '/' && String(r.httpGet.port) === '80' && r.initialDelaySeconds === 5 && r.periodSeconds === 10 && String(l?.tcpSocket?.port) === '80' && l?.initialDelaySeconds === 15 && l?.periodSeconds === 20;
}

export const ckadFunctions: Readonly<Record<string, FunctionCheck>> = {
  'ckad-practice/probed-pods-ready': {
    kinds: ['Pod'],
    evaluate(state) {
      const pods = objectsOfKind(state, 'Pod', 'ckad').filter((p) => matchesSelector(p.metadata.labels, 'app=probed') && !p.metadata.deletionTimestamp);
      const probed = pods.filter(hasAskedProbes);
      const ready = probed.filter((p) => conditionOf(p, 'Ready')?.status === 'True');
      if (probed.length < 2) return fail(`${probed.length} of the probed Pods have both probes; the Deployment should roll out 2.`);
      return ready.length >= 2 && pods.length === probed.length ? pass('Both probed Pods run with the probes and are ready.') : fail(`${ready.length} of ${pods.length} probed Pods are ready with both probes.`);
    },
  },
  'ckad-practice/config-pod-env': podCheck(
    'ckad',
    'config-pod',
    (pod) => {
      const missing = ['APP_MODE', 'APP_PORT'].filter((key) => !envFromConfigMap(pod, 'app-config', key));
      return missing.length ? `Pod ${code('config-pod')} does not take ${missing.map(code).join(' and ')} from ConfigMap ${code('app-config')}.` : undefined;
    },
    `Pod ${code('config-pod')} gets APP_MODE and APP_PORT from ${code('app-config')}.`,
  ),
  'ckad-practice/secret-pod-mount': podCheck(
    'ckad',
    'secret-pod',
    (pod) => {
      const volume = (podSpec(pod).volumes ?? []).find((v) => v.secret?.secretName === 'db-credentials');
      if (!volume) return `Pod ${code('secret-pod')} has no volume from Secret ${code('db-credentials')}.`;
      return mountsVolumeAt(pod, volume.name, '/etc/db') ? undefined : `Pod ${code('secret-pod')} does not mount the Secret's volume at ${code('/etc/db')}.`;
    },
    `Pod ${code('secret-pod')} has ${code('db-credentials')} at ${code('/etc/db')}.`,
  ),
  'ckad-practice/logger-shares-logs': podCheck(
    'ckad',
    'logger',
    (pod) => {
      const spec = podSpec(pod);
      const all = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
      const missing = ['app', 'shipper'].filter((n) => !all.some((c) => c.name === n && c.image === 'busybox:1.37'));
      if (missing.length) return `Pod ${code('logger')} has no busybox:1.37 container ${missing.map(code).join(' or ')}.`;
      const shared = (spec.volumes ?? []).filter((v) => v.emptyDir !== undefined).find((v) => all.filter((c) => (c.volumeMounts ?? []).some((m) => m.name === v.name && m.mountPath.replace(/\/$/, '') === '/var/log')).length >= 2);
      return shared ? undefined : `The containers of ${code('logger')} do not both mount one emptyDir volume at ${code('/var/log')}.`;
    },
    `Pod ${code('logger')} runs app and shipper over a shared emptyDir at ${code('/var/log')}.`,
  ),
  'ckad-practice/web-init-shares-html': podCheck(
    'ckad',
    'web-init',
    (pod) => {
      const spec = podSpec(pod);
      const prepare = (spec.initContainers ?? []).find((c) => c.name === 'prepare');
      if (!prepare || prepare.image !== 'busybox:1.37') return `Pod ${code('web-init')} has no init container ${code('prepare')} running busybox:1.37.`;
      const html = volumeNamed(pod, 'html');
      if (!html || html.emptyDir === undefined) return `Pod ${code('web-init')} has no emptyDir volume ${code('html')}.`;
      if (!(prepare.volumeMounts ?? []).some((m) => m.name === 'html' && m.mountPath.replace(/\/$/, '') === '/html')) return `The init container ${code('prepare')} does not mount ${code('html')} at ${code('/html')}.`;
      const web = (spec.containers ?? []).find((c) => c.name === 'web');
      if (!web || !(web.volumeMounts ?? []).some((m) => m.name === 'html' && m.mountPath.replace(/\/$/, '') === '/usr/share/nginx/html')) return `The container ${code('web')} does not serve ${code('html')} from ${code('/usr/share/nginx/html')}.`;
      return undefined;
    },
    `Pod ${code('web-init')} is prepared by its init container and serves the page.`,
  ),
};
