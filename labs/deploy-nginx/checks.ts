// The TypeScript checks of the deploy-nginx lab (lab.yaml names them with `fn:`): pure functions
// of the cluster's Deployments and the learner's files.
import { parseAllDocuments } from 'yaml';
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { containerImages, desiredReplicas, findObject, isImage, readyReplicas, wasApplied } from '../../sandbox/grading/queries';
import type { KubeObject } from '../../sandbox/engine/objects';

const NAMESPACE = 'default';

/** Three ready replicas of nginx, or the first thing that is still missing. */
function runsThreeNginx(d: KubeObject): { ok: boolean; message: string } {
  const name = d.metadata.name;
  const images = containerImages(d);
  if (!images.some((i) => isImage(i, 'nginx'))) return { ok: false, message: `${name} runs ${images.join(', ') || 'no container'}, not the nginx image.` };
  const desired = desiredReplicas(d);
  if (desired !== 3) return { ok: false, message: `${name} asks for ${desired} replica(s); it should ask for 3 (try kubectl scale deployment ${name} --replicas=3).` };
  const ready = readyReplicas(d);
  if (ready < 3) return { ok: false, message: `${name} has ${ready} of 3 replicas ready; wait a moment, or look at kubectl get pods.` };
  return { ok: true, message: `${name}: 3/3 nginx replicas ready.` };
}

/** Deployments described by the learner's YAML files under /root: name → file. */
export function manifestDeployments(files: ReadonlyMap<string, string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [path, text] of files) {
    if (!path.startsWith('/root/') || !/\.ya?ml$/.test(path)) continue;
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) continue;
      const value = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
      if (value?.kind === 'Deployment' && typeof value.metadata?.name === 'string') found.set(value.metadata.name, path);
    }
  }
  found.delete('web'); // the imperative one does not count as the declarative one
  return found;
}

const webCreated = {
  evaluate: (s: GradingState): CheckOutcome =>
    findObject(s, 'Deployment', NAMESPACE, 'web')
      ? pass('Deployment web exists.')
      : fail('No Deployment named web in namespace default yet. Create it with kubectl create deployment.'),
};

const webReady = {
  evaluate: (s: GradingState): CheckOutcome => {
    const web = findObject(s, 'Deployment', NAMESPACE, 'web');
    if (!web) return fail('Create the Deployment web first.');
    const r = runsThreeNginx(web);
    return r.ok ? pass(r.message) : fail(r.message);
  },
};

const manifestWritten = {
  evaluate: (s: GradingState): CheckOutcome => {
    const found = manifestDeployments(s.files);
    if (found.size === 0) return fail('No saved YAML file in /root describes a Deployment (other than web) yet. Write one in the editor and save it.');
    const [name, path] = [...found][0];
    return pass(`${path} describes Deployment ${name}.`);
  },
};

const manifestApplied = {
  evaluate: (s: GradingState): CheckOutcome => {
    const found = manifestDeployments(s.files);
    if (found.size === 0) return fail('Write the manifest first.');
    let lastProblem = '';
    for (const [name, path] of found) {
      const d = findObject(s, 'Deployment', NAMESPACE, name);
      if (!d) {
        lastProblem = `Deployment ${name} is in ${path} but not in the cluster: run kubectl apply -f ${path.replace(/^\/root\//, '')}.`;
        continue;
      }
      if (!wasApplied(d)) {
        lastProblem = `Deployment ${name} exists but was not created by kubectl apply; delete it and apply the file.`;
        continue;
      }
      const r = runsThreeNginx(d);
      if (r.ok) return pass(`${r.message} (applied from ${path})`);
      lastProblem = r.message;
    }
    return fail(lastProblem);
  },
};

const deployments = ['Deployment'];

export const functions: Record<string, FunctionCheck> = {
  'deploy-nginx/web-created': { kinds: deployments, ...webCreated },
  'deploy-nginx/web-ready': { kinds: deployments, ...webReady },
  'deploy-nginx/manifest-written': { kinds: [], ...manifestWritten },
  'deploy-nginx/manifest-applied': { kinds: deployments, ...manifestApplied },
};
