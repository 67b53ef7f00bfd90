// Reads labs/<slug>/lab.yaml, validates it (labs/schema.ts) and resolves the files it names.
// Errors name the file, the path inside it and what is wrong, e.g.
//   labs/cluster-tour/lab.yaml: steps[0].checks[1].count.kind: kind must be one of Pod, …
// Extensionless imports: the Next.js app reads labs through labs/catalog.ts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { LabSpec, type StepSpec } from './schema';

export const LABS_DIR = join(process.cwd(), 'labs');

export class LabDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface LoadedStep extends StepSpec {
  /** The step's Markdown. */
  markdown: string;
}

export interface LoadedLab extends Omit<LabSpec, 'steps'> {
  slug: string;
  steps: LoadedStep[];
  /** Objects created before the learner arrives, parsed. */
  setupObjects: Record<string, unknown>[];
  /** Files in the learner's home at the start: path → content. */
  homeFiles: Record<string, string>;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(top level)';
}

export function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`);
}

/** Every lab folder (one holding a lab.yaml), sorted. */
export function labSlugs(dir = LABS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'lab.yaml')))
    .sort();
}

export function loadLab(slug: string, dir = LABS_DIR): LoadedLab {
  const where = `labs/${slug}`;
  const file = `${where}/lab.yaml`;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(dir, slug, 'lab.yaml'), 'utf8'));
  } catch (e) {
    throw new LabDefinitionError([`${file}: ${(e as Error).message}`]);
  }
  const parsed = LabSpec.safeParse(raw);
  if (!parsed.success) throw new LabDefinitionError(formatIssues(file, parsed.error));
  const spec = parsed.data;
  const problems: string[] = [];
  const read = (rel: string, at: string): string => {
    const path = join(dir, slug, rel);
    if (!existsSync(path)) {
      problems.push(`${file}: ${at}: ${where}/${rel} does not exist`);
      return '';
    }
    return readFileSync(path, 'utf8');
  };
  const steps = spec.steps.map((s, i) => ({
    ...s,
    markdown: read(s.text, `steps[${i}].text`),
    solution: { ...s.solution, files: s.solution.files.map((f, j) => ({ path: f.path, content: f.content ?? read(f.from!, `steps[${i}].solution.files[${j}].from`) })) },
  }));
  const setupObjects = spec.setup.objects.flatMap((o, i) => parseObjects(o.yaml ?? read(o.file!, `setup.objects[${i}].file`), `${file}: setup.objects[${i}]`, problems));
  const homeFiles = Object.fromEntries(spec.setup.files.map((f, i) => [f.path, f.content ?? read(f.from!, `setup.files[${i}].from`)]));
  if (problems.length) throw new LabDefinitionError(problems);
  return { ...spec, slug, steps, setupObjects, homeFiles };
}

/** The objects of a multi-document YAML text; each problem is added to `problems` as `at: …`. Exams use it too. */
export function parseObjects(text: string, at: string, problems: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      problems.push(`${at}: ${doc.errors[0].message}`);
      continue;
    }
    const value = doc.toJS() as Record<string, unknown> | null;
    if (value === null) continue;
    if (typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') problems.push(`${at}: every object needs apiVersion and kind`);
    else out.push(value);
  }
  return out;
}

/** Every lab, loaded; throws one LabDefinitionError listing the problems of all of them. */
export function loadAllLabs(dir = LABS_DIR): LoadedLab[] {
  return loadEvery(labSlugs(dir), (slug) => loadLab(slug, dir), LabDefinitionError, 'labs');
}

/**
 * Loads each slug; collects every one's problems (a definition error's list, or any other error's
 * message under `<folder>/<slug>`) and throws them together, so one run shows them all.
 */
export function loadEvery<T>(slugs: string[], load: (slug: string) => T, DefinitionError: new (problems: string[]) => Error & { problems: string[] }, folder: string): T[] {
  const loaded: T[] = [];
  const problems: string[] = [];
  for (const slug of slugs) {
    try {
      loaded.push(load(slug));
    } catch (e) {
      problems.push(...(e instanceof DefinitionError ? e.problems : [`${folder}/${slug}: ${(e as Error).message}`]));
    }
  }
  if (problems.length) throw new DefinitionError(problems);
  return loaded;
}

/** All the solution's files of a lab, in step order (for tests and the browser test). */
export function solutionOf(lab: LoadedLab) {
  return lab.steps.map((s) => ({ id: s.id, commands: s.solution.commands, files: Object.fromEntries(s.solution.files.map((f) => [f.path, f.content ?? ''])), answers: s.solution.answers }));
}
