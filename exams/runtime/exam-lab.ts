// An exam attempt's sandbox, as the session sees it: a multi-cluster "lab" named
// `exam-<exam slug>-<attempt id>`, with one cluster per exam context (each prepared with its
// tasks' setup), the candidate's kubeconfig with one context per cluster, the tasks' home files,
// no live checks (nothing is graded before the end) and a grader for the deadline.
import { setupExamCluster } from '../setup';
import { examHomeFiles, examSlugs, loadExam, type LoadedExam } from '../load';
import { multiClusterKubeconfig } from '../../sandbox/shell/contexts';
import type { MultiClusterLab } from '../../sandbox/session/cluster-set';
import type { Engine } from '../../sandbox/engine/engine';
import { gradeExam } from './grade';
import { parseExamSandboxSlug } from './slug';

export { examSandboxSlug, isExamSandboxSlug, parseExamSandboxSlug } from './slug';

/** The session's definition of an exam sandbox (manager.ts asks when no lab has the slug). */
export function findExamLab(slug: string, load: (examSlug: string) => LoadedExam | undefined = cachedExam): MultiClusterLab | undefined {
  const parsed = parseExamSandboxSlug(slug);
  const exam = parsed && load(parsed.examSlug);
  return exam ? examLab(slug, exam) : undefined;
}

const NOTES = '/root/notes.txt';
const NOTES_TEXT = '# Your notes for this exam (not graded). vi and nano open files here too.\n';

export function examLab(slug: string, exam: LoadedExam): MultiClusterLab {
  const contexts = Object.keys(exam.clusters);
  return {
    slug,
    title: exam.title,
    // notes.txt: the candidate's notepad (the real exams have one), open in the editor first.
    files: { [NOTES]: NOTES_TEXT, ...examHomeFiles(exam), '/root/.kube/config': multiClusterKubeconfig(contexts) },
    openFile: NOTES,
    grading: { resources: [], checks: [] },
    clusterPlans: contexts.map((name) => {
      const { workers, version, cni, kubeProxyMode, cloud, ingress } = exam.clusters[name];
      return {
        name,
        shape: { workers, version, cni, kubeProxyMode, cloud, ingressController: ingress === 'nginx' ? ingress : undefined },
        prepare: (engine) => setupExamCluster(engine as unknown as Engine, exam, name),
      };
    }),
    gradeExam: (clusters, candidate) => gradeExam(exam, clusters, candidate),
  };
}

const cache = new Map<string, LoadedExam>();
/** Folders of exams besides exams/ (tests add their fixtures; in-thread sandboxes only). */
const extraDirs: string[] = [];

export function addExamDir(dir: string): void {
  if (!extraDirs.includes(dir)) extraDirs.push(dir);
}

/** Exams are files read once per process (a worker's too). */
export function cachedExam(examSlug: string): LoadedExam | undefined {
  if (!cache.has(examSlug)) {
    const dir = [undefined, ...extraDirs].find((d) => examSlugs(d).includes(examSlug));
    if (dir === undefined && !examSlugs().includes(examSlug)) return undefined;
    cache.set(examSlug, loadExam(examSlug, dir));
  }
  return cache.get(examSlug);
}
