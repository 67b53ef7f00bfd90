import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExamDefinitionError, examSlugs, loadExam } from './load';
import { solutionCommands } from './solution';
import { validateExam } from './validate';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

function problemsOf(slug: string): string[] {
  try {
    loadExam(slug, FIXTURES);
  } catch (e) {
    if (e instanceof ExamDefinitionError) return e.problems;
    throw e;
  }
  return [];
}

describe('loading an exam', () => {
  it('names the file, the path inside it and what is wrong', () => {
    expect(problemsOf('broken-exam')).toEqual([
      expect.stringMatching(/^exams\/broken-exam\/exam\.yaml: tasks\[0\]\.checks\[0\]\.count\.kind: kind must be one of Pod, /),
      expect.stringMatching(/^exams\/broken-exam\/exam\.yaml: tasks\[1\]\.checks\[0\]: Unrecognized key: "frobnicate"/),
      'exams/broken-exam/exam.yaml: tasks[0].context: no cluster named k8s-z (clusters: k8s-a)',
      'exams/broken-exam/exam.yaml: tasks[1].id: the task id one is used twice (also at tasks[0])',
      'exams/broken-exam/exam.yaml: tasks[1].checks[1].id: the check id b is used twice in this task (also at checks[0])',
      'exams/broken-exam/exam.yaml: tasks: the task weights add up to 80; they must add up to 100',
    ]);
  });

  it('reads tasks kept in their own files and names those files in errors', () => {
    expect(problemsOf('split-exam')).toEqual(['exams/split-exam/exam.yaml: tasks[2]: no task file exams/split-exam/tasks/missing.yaml']);
  });

  it('a task file with a mistake is named with the path inside it', async () => {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'exams-'));
    cpSync(join(FIXTURES, 'split-exam'), join(dir, 'split-exam'), { recursive: true });
    writeFileSync(join(dir, 'split-exam', 'exam.yaml'), readFileSync(join(FIXTURES, 'split-exam', 'exam.yaml'), 'utf8').replace('  - missing\n', ''));
    let problems: string[] = [];
    try {
      loadExam('split-exam', dir);
    } catch (e) {
      problems = (e as ExamDefinitionError).problems;
    }
    expect(problems).toEqual(['exams/split-exam/tasks/bad.yaml: checks[0].object.namespace: Namespace is cluster-scoped: leave out namespace']);
  });

  it('an unknown exam says so', () => {
    expect(() => loadExam('nope', FIXTURES)).toThrow('exams/nope/exam.yaml: no such exam');
  });

  it('loads the sample exam with its files, objects and solution commands', () => {
    const exam = loadExam('mini-exam', FIXTURES);
    expect(Object.keys(exam.clusters)).toEqual(['k8s-a', 'k8s-b']);
    expect(exam.tasks.map((t) => [t.id, t.weight, t.context])).toEqual([['pod-in-namespace', 40, 'k8s-a'], ['scale-api', 30, 'k8s-b'], ['config-file', 30, 'k8s-a']]);
    expect(exam.tasks[1].setupObjects.map((o) => o.kind)).toEqual(['Namespace', 'Deployment']);
    expect(exam.tasks[2].homeFiles).toEqual({ '/root/app.properties': 'mode=exam\n' });
    expect(exam.tasks[0].solutionCommands).toEqual(['kubectl config use-context k8s-a', 'kubectl create namespace apex', 'kubectl run web --image=nginx:1.27 --labels=tier=frontend -n apex']);
    expect(validateExam(exam)).toEqual([]);
  });

  it('validation names a missing context line, a wrong first command, an unknown lesson and an unknown node', () => {
    const exam = loadExam('mini-exam', FIXTURES);
    const task = { ...exam.tasks[0], text: 'Create a Pod.', lessons: ['pods-101'], solutionCommands: ['kubectl run web --image=nginx'], setup: { ...exam.tasks[0].setup, actions: [{ id: 'x', label: 'x', failNode: 'node07' }] } };
    expect(validateExam({ ...exam, tasks: [task] }, ['services'])).toEqual([
      'exams/mini-exam/exam.yaml: tasks[0] (pod-in-namespace).text: tell the candidate which context to use (`kubectl config use-context k8s-a`)',
      'exams/mini-exam/exam.yaml: tasks[0] (pod-in-namespace).solution: the first command must be `kubectl config use-context k8s-a`',
      'exams/mini-exam/exam.yaml: tasks[0] (pod-in-namespace).lessons: no lesson pods-101 in content/lessons',
      'exams/mini-exam/exam.yaml: tasks[0] (pod-in-namespace).setup.actions[0]: cluster k8s-a has no node node07 (nodes: controlplane, node01)',
    ]);
  });

  it('fixtures are not exams', () => {
    expect(examSlugs(FIXTURES)).toEqual(['broken-exam', 'mini-exam', 'split-exam']);
    expect(examSlugs()).not.toContain('__fixtures__');
  });
});

describe('solution commands', () => {
  it('runs bash blocks line by line, keeps here-documents and continuations whole, skips other blocks and comments', () => {
    const md = [
      'First the namespace:',
      '```bash',
      '# a comment',
      'kubectl create ns a',
      '',
      'cat <<EOF > /root/p.yaml',
      'apiVersion: v1',
      '```not a fence inside the here-document',
      'EOF',
      'kubectl run x \\',
      '  --image=nginx',
      '```',
      '```yaml',
      'kind: Pod',
      '```',
      '```sh',
      'kubectl get pods',
      '```',
    ].join('\n');
    expect(solutionCommands(md)).toEqual(['kubectl create ns a', 'cat <<EOF > /root/p.yaml\napiVersion: v1\n```not a fence inside the here-document\nEOF', 'kubectl run x \\\n  --image=nginx', 'kubectl get pods']);
  });
});
