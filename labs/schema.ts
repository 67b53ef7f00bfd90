// The lab definition (labs/<slug>/lab.yaml) as a zod schema. labs/load.ts reads and validates it;
// labs/README.md explains every field to authors. Extensionless imports: the app reads labs too.
import { z } from 'zod';
import { CheckSpec } from '../sandbox/grading/declarative-schema';
import { QuestionSpec } from '../sandbox/grading/questions';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const relativeFile = z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a path inside the lab folder, e.g. steps/01-intro.md');
const homePath = z.string().regex(/^\/root\/[\w./-]+$/, 'an absolute path in the learner home, e.g. /root/web.yaml');

/** The cluster the lab starts with: nodes, version, network plugin, kube-proxy mode, and whether a cloud serves LoadBalancers. */
export const ClusterSpec = z
  .object({
    workers: z.number().int().min(0).max(5).default(2),
    version: z.string().regex(/^v1\.\d+\.\d+$/, 'a Kubernetes version like v1.32.1').default('v1.32.1'),
    cni: z.enum(['calico', 'flannel', 'cilium', 'weave']).default('calico'),
    kubeProxyMode: z.enum(['iptables', 'ipvs']).default('iptables'),
    /** A cloud controller that gives LoadBalancer Services an external IP (false: `<pending>`, as on kubeadm). */
    cloud: z.boolean().default(false),
    /** An ingress controller installed as its bare-metal manifest does (`nginx`: ingress-nginx, NodePort Service, IngressClass nginx). */
    ingress: z.enum(['nginx', 'none']).default('none'),
  })
  .strict();

/** An object created before the learner arrives: inline YAML or a file in the lab folder. */
const SetupObject = z
  .object({ yaml: z.string().min(1).optional(), file: relativeFile.optional() })
  .strict()
  .refine((o) => (o.yaml === undefined) !== (o.file === undefined), { message: 'give exactly one of yaml or file' });

/** A file in the learner's home: inline content or copied from the lab folder. */
const HomeFile = z
  .object({ path: homePath, content: z.string().optional(), from: relativeFile.optional() })
  .strict()
  .refine((f) => (f.content === undefined) !== (f.from === undefined), { message: 'give exactly one of content or from' });

/**
 * Something an author lets the learner set off from a step, as a button ("Fast-forward 5 minutes",
 * "Pull the plug on node02"): exactly one effect per action. labs/actions.ts runs them.
 */
export const LabActionSpec = z
  .object({
    id: slug,
    /** The button's text. */
    label: z.string().min(1),
    /** Move simulated time forward (CronJobs, eviction timeouts, HPA stabilization). */
    advanceSeconds: z.number().int().min(1).max(3600).optional(),
    /** Stop a node's kubelet as if it lost power or network (it goes NotReady after 40 s). */
    failNode: z.string().min(1).optional(),
    /** Start a failed node's kubelet again. */
    recoverNode: z.string().min(1).optional(),
    /** Stop a control-plane component (its static Pod manifest moved to /tmp) or a node's kubelet. */
    stopComponent: z.object({ name: z.enum(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet']), node: z.string().min(1).optional() }).strict().optional(),
    /** Start what stopComponent stopped. */
    startComponent: z.object({ name: z.enum(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet']), node: z.string().min(1).optional() }).strict().optional(),
    /** Send steady HTTP load to a Service's Pods (requests per second), or stop it with 0. */
    generateLoad: z.object({ service: z.string().min(1), namespace: z.string().min(1).default('default'), requestsPerSecond: z.number().min(0).max(10_000) }).strict().optional(),
  })
  .strict()
  .refine((a) => [a.advanceSeconds, a.failNode, a.recoverNode, a.stopComponent, a.startComponent, a.generateLoad].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of advanceSeconds, failNode, recoverNode, stopComponent, startComponent or generateLoad',
  });

export const Solution = z
  .object({
    /** Shell lines, typed in order into the terminal. */
    commands: z.array(z.string().min(1)).default([]),
    /** Files written (as if saved in the editor) before the commands run. */
    files: z.array(HomeFile).default([]),
    /** This step's actions (ids), run in order before the commands, as if the learner pressed them. */
    actions: z.array(slug).default([]),
    /** Answers to this step's questions: question id → answer. */
    answers: z.record(z.string(), z.string()).default({}),
    /** Simulated seconds to let the cluster work after the commands (rollouts take a while). */
    waitSeconds: z.number().int().min(0).max(3600).default(30),
  })
  .strict();

export const StepSpec = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** Markdown file with the step's text. */
    text: relativeFile.refine((f) => f.endsWith('.md'), { message: 'the step text is a Markdown (.md) file' }),
    checks: z.array(CheckSpec).default([]),
    questions: z.array(QuestionSpec).default([]),
    /** Buttons the step offers (see LabActionSpec). */
    actions: z.array(LabActionSpec).default([]),
    /** Revealed one at a time, in order. */
    hints: z.array(z.string().min(1)).min(1, 'give at least one hint'),
    solution: Solution,
  })
  .strict()
  .refine((s) => s.checks.length + s.questions.length > 0, { message: 'a step needs at least one check or question' });

export const LabSpec = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(['beginner', 'intermediate', 'advanced']),
    minutes: z.number().int().min(1).max(240),
    /** Where the lab sits in the course (content/course.yaml orders the course; this breaks ties). */
    topics: z.array(z.string().min(1)).min(1),
    /** Lessons (content/lessons/<slug>.mdx) the lab builds on. */
    lessons: z.array(slug).default([]),
    cluster: ClusterSpec.default({ workers: 2, version: 'v1.32.1', cni: 'calico', kubeProxyMode: 'iptables', cloud: false, ingress: 'none' }),
    setup: z
      .object({ objects: z.array(SetupObject).default([]), files: z.array(HomeFile).default([]), openFile: homePath.optional() })
      .strict()
      .default({ objects: [], files: [] }),
    steps: z.array(StepSpec).min(2, 'a lab has at least two graded steps'),
  })
  .strict()
  .superRefine((lab, ctx) => {
    const seen = new Map<string, string>();
    lab.steps.forEach((step, i) => {
      const ids: [string, (string | number)[]][] = [
        ...step.checks.map((c, j): [string, (string | number)[]] => [c.id, ['steps', i, 'checks', j, 'id']]),
        ...step.questions.map((q, j): [string, (string | number)[]] => [q.id, ['steps', i, 'questions', j, 'id']]),
      ];
      for (const [id, path] of ids) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `the id ${id} is used twice (also at ${seen.get(id)})` });
        seen.set(id, path.join('.'));
      }
      for (const [j, aid] of step.solution.actions.entries()) {
        if (!step.actions.some((a) => a.id === aid)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'solution', 'actions', j], message: `this step has no action ${aid}` });
      }
      for (const qid of Object.keys(step.solution.answers)) {
        if (!step.questions.some((q) => q.id === qid)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'solution', 'answers', qid], message: `this step has no question ${qid}` });
      }
    });
  });

export type LabSpec = z.infer<typeof LabSpec>;
export type StepSpec = z.infer<typeof StepSpec>;
export type ClusterSpec = z.infer<typeof ClusterSpec>;
export type LabActionSpec = z.infer<typeof LabActionSpec>;
