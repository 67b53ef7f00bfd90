// A practice exam (exams/<slug>/exam.yaml) as a zod schema: weighted tasks across one or more
// clusters, each graded with the same checks labs use. exams/load.ts reads and validates it;
// exams/README.md explains every field. Extensionless imports: the app reads exams too.
import { z } from 'zod';
import { CheckSpec } from '../sandbox/grading/declarative-schema';
import { ClusterSpec, LabActionSpec } from '../labs/schema';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const relativeFile = z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a path inside the exam folder, e.g. files/web.yaml');
const homePath = z.string().regex(/^\/root\/[\w./-]+$/, 'an absolute path in the candidate home, e.g. /root/web.yaml');
/** Context names as kubeconfig and the real exams spell them: k8s-a, cka-1, ckad. */
const contextName = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'a context name such as k8s-a');

/** An object created through the API before the exam starts: inline YAML or a file in the exam folder. */
const SetupObject = z
  .object({ yaml: z.string().min(1).optional(), file: relativeFile.optional() })
  .strict()
  .refine((o) => (o.yaml === undefined) !== (o.file === undefined), { message: 'give exactly one of yaml or file' });

/** A file in the candidate's home at the start: inline content or copied from the exam folder. */
const HomeFile = z
  .object({ path: homePath, content: z.string().optional(), from: relativeFile.optional() })
  .strict()
  .refine((f) => (f.content === undefined) !== (f.from === undefined), { message: 'give exactly one of content or from' });

/**
 * A file on a node changed before the exam starts (a broken static Pod manifest, a kubelet flag):
 * written whole (`content`), or edited by replacing text that must be there (`replace`).
 */
const NodeFileEdit = z
  .object({
    node: z.string().min(1),
    path: z.string().regex(/^\/[\w./-]+$/, 'an absolute path on the node, e.g. /etc/kubernetes/manifests/kube-scheduler.yaml'),
    content: z.string().optional(),
    replace: z.object({ from: z.string().min(1), to: z.string() }).strict().optional(),
  })
  .strict()
  .refine((f) => (f.content === undefined) !== (f.replace === undefined), { message: 'give exactly one of content or replace' });

/**
 * What a task needs in its cluster before the exam starts: objects (through the API), files in the
 * candidate's home, files edited on nodes, commands run on nodes (a stopped kubelet), then a minute
 * for Pods to start, then lab actions (a failed node, time moved on), in that order. An action's label says what breaks, for authors; candidates never see it.
 */
export const TaskSetup = z
  .object({
    objects: z.array(SetupObject).default([]),
    files: z.array(HomeFile).default([]),
    nodeFiles: z.array(NodeFileEdit).default([]),
    /** Simple commands run as root on a node, e.g. `{ node: node01, command: systemctl stop kubelet }`. */
    nodeCommands: z.array(z.object({ node: z.string().min(1), command: z.string().min(1) }).strict()).default([]),
    actions: z.array(LabActionSpec).default([]),
  })
  .strict();

export const TaskSpec = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** Points; the tasks of an exam add up to 100. */
    weight: z.number().int().min(1).max(50),
    /** The cluster (a key of `clusters`) the task is done and graded on. */
    context: contextName,
    /** Markdown, phrased as the real exams phrase tasks: "Use context k8s-a. Create a …". */
    text: z.string().min(1),
    setup: TaskSetup.default({ objects: [], files: [], nodeFiles: [], nodeCommands: [], actions: [] }),
    /** The same checks labs use (sandbox/grading), graded on the task's cluster at the deadline. */
    checks: z.array(CheckSpec).min(1, 'a task needs at least one check'),
    /** Markdown with the exact commands in ```bash blocks; exams.test.ts replays them. */
    solution: z.string().min(1),
    /** Lessons (content/lessons/<slug>.mdx) to review for this task, linked from the score report. */
    lessons: z.array(slug).default([]),
  })
  .strict();

export const ExamSpec = z
  .object({
    /** Optional; when given it must be the folder's name. */
    slug: slug.optional(),
    title: z.string().min(1),
    style: z.enum(['CKA', 'CKAD']),
    durationMinutes: z.number().int().min(5).max(240),
    passPercent: z.number().int().min(1).max(100),
    summary: z.string().min(1),
    clusters: z.record(contextName, ClusterSpec).refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 4, { message: 'an exam has 1 to 4 clusters' }),
    tasks: z.array(TaskSpec).min(1),
  })
  .strict()
  .superRefine((exam, ctx) => {
    const contexts = Object.keys(exam.clusters);
    const seenTasks = new Map<string, number>();
    exam.tasks.forEach((task, i) => {
      if (seenTasks.has(task.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `the task id ${task.id} is used twice (also at tasks[${seenTasks.get(task.id)}])` });
      seenTasks.set(task.id, i);
      if (!contexts.includes(task.context)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'context'], message: `no cluster named ${task.context} (clusters: ${contexts.join(', ')})` });
      const seenChecks = new Map<string, number>();
      task.checks.forEach((check, j) => {
        if (seenChecks.has(check.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'checks', j, 'id'], message: `the check id ${check.id} is used twice in this task (also at checks[${seenChecks.get(check.id)}])` });
        seenChecks.set(check.id, j);
      });
    });
    const total = exam.tasks.reduce((sum, t) => sum + t.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['tasks'], message: `the task weights add up to ${total}; they must add up to 100` });
  });

export type ExamSpec = z.infer<typeof ExamSpec>;
export type TaskSpec = z.infer<typeof TaskSpec>;
export type TaskSetup = z.infer<typeof TaskSetup>;
