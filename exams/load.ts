// Reads exams/<slug>/exam.yaml, validates it (exams/schema.ts) and resolves the files it names.
// Errors name the file, the path inside it and what is wrong, e.g.
//   exams/cka-practice/exam.yaml: tasks[3].context: no cluster named k8s-z (clusters: k8s-a, k8s-b)
// Extensionless imports: the Next.js app reads exams through this file.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatIssues, loadEvery, parseObjects } from '../labs/load';
import { ExamSpec, type TaskSpec } from './schema';
import { solutionCommands } from './solution';

export const EXAMS_DIR = join(process.cwd(), 'exams');

export class ExamDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface LoadedTask extends TaskSpec {
  /** The task's setup objects, parsed (created on the task's cluster before the exam starts). */
  setupObjects: Record<string, unknown>[];
  /** Files the task puts in the candidate's home: path → content. */
  homeFiles: Record<string, string>;
  /** The shell lines of the solution's ```bash blocks, in order (multi-line constructs kept whole). */
  solutionCommands: string[];
}

export interface LoadedExam extends Omit<ExamSpec, 'tasks' | 'slug'> {
  slug: string;
  tasks: LoadedTask[];
}

/** Every exam folder (one holding an exam.yaml), sorted. */
export function examSlugs(dir = EXAMS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'exam.yaml')))
    .sort();
}

export function loadExam(slug: string, dir = EXAMS_DIR): LoadedExam {
  const where = `exams/${slug}`;
  const file = `${where}/exam.yaml`;
  if (!existsSync(join(dir, slug, 'exam.yaml'))) throw new ExamDefinitionError([`${file}: no such exam`]);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(dir, slug, 'exam.yaml'), 'utf8'));
  } catch (e) {
    throw new ExamDefinitionError([`${file}: ${(e as Error).message}`]);
  }
  const origins = inlineTaskFiles(raw, join(dir, slug), where);
  if (origins.problems.length) throw new ExamDefinitionError(origins.problems);
  const parsed = ExamSpec.safeParse(raw);
  if (!parsed.success) throw new ExamDefinitionError(formatIssues(file, parsed.error).map((line) => origins.relocate(line)));
  const spec = parsed.data;
  const problems: string[] = [];
  if (spec.slug !== undefined && spec.slug !== slug) problems.push(`${file}: slug: ${spec.slug} is not the folder's name (${slug})`);
  const read = (rel: string, at: string): string => {
    const path = join(dir, slug, rel);
    if (!existsSync(path)) {
      problems.push(`${file}: ${at}: ${where}/${rel} does not exist`);
      return '';
    }
    return readFileSync(path, 'utf8');
  };
  const tasks = spec.tasks.map((t, i): LoadedTask => {
    const at = `tasks[${i}]`;
    const setupObjects = t.setup.objects.flatMap((o, j) => parseObjects(o.yaml ?? read(o.file!, `${at}.setup.objects[${j}].file`), `${file}: ${at}.setup.objects[${j}]`, problems));
    const homeFiles = Object.fromEntries(t.setup.files.map((f, j) => [f.path, f.content ?? read(f.from!, `${at}.setup.files[${j}].from`)]));
    const commands = solutionCommands(t.solution);
    if (commands.length === 0) problems.push(`${file}: ${at}.solution: no \`\`\`bash block with the commands`);
    return { ...t, setupObjects, homeFiles, solutionCommands: commands };
  });
  if (problems.length) throw new ExamDefinitionError(problems);
  const { slug: _ignored, ...rest } = spec;
  return { ...rest, slug, tasks };
}

/**
 * A task may live in its own file: a `tasks:` entry that is a bare name reads
 * `tasks/<name>.yaml` from the exam folder (long exams stay readable, one task per file). The
 * entries are replaced in place; `relocate` rewrites an error about `tasks[i]…` to name that file.
 */
function inlineTaskFiles(raw: unknown, folder: string, where: string): { problems: string[]; relocate: (line: string) => string } {
  const files = new Map<number, string>();
  const problems: string[] = [];
  const tasks = (raw as { tasks?: unknown } | null)?.tasks;
  if (Array.isArray(tasks)) {
    tasks.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const rel = `tasks/${entry}.yaml`;
      const path = join(folder, rel);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry) || !existsSync(path)) {
        problems.push(`${where}/exam.yaml: tasks[${i}]: no task file ${where}/${rel}`);
        return;
      }
      try {
        tasks[i] = parseYaml(readFileSync(path, 'utf8'));
        files.set(i, `${where}/${rel}`);
      } catch (e) {
        problems.push(`${where}/${rel}: ${(e as Error).message}`);
      }
    });
  }
  const relocate = (line: string) =>
    line.replace(/^(\S+\/exam\.yaml): tasks\[(\d+)\](?:\.(\S+))?:/, (whole, _file, i: string, rest: string | undefined) => {
      const taskFile = files.get(Number(i));
      return taskFile ? `${taskFile}: ${rest ?? '(top level)'}:` : whole;
    });
  return { problems, relocate };
}

/** Every exam, loaded; throws one ExamDefinitionError listing the problems of all of them. */
export function loadExams(dir = EXAMS_DIR): LoadedExam[] {
  return loadEvery(examSlugs(dir), (slug) => loadExam(slug, dir), ExamDefinitionError, 'exams');
}

/** The exam's tasks done on one cluster, in exam order. */
export function tasksOn(exam: LoadedExam, context: string): LoadedTask[] {
  return exam.tasks.filter((t) => t.context === context);
}

/** The exam's files in the candidate's home at the start (every task's), path → content. */
export function examHomeFiles(exam: LoadedExam): Record<string, string> {
  return Object.assign({}, ...exam.tasks.map((t) => t.homeFiles));
}
