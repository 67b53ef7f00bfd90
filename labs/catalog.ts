// What the site shows about every lab: metadata, steps, hints and questions without their answers.
// No checks, no engine: safe to import from app/. Extensionless imports (Turbopack).
import { loadAllLabs, type LoadedLab } from './load';

export interface LabStepMeta {
  id: string;
  title: string;
  markdown: string;
  hints: string[];
  checks: { id: string; title: string }[];
  questions: { id: string; prompt: string; choices?: string[] }[];
  /** The step's lab action buttons (what they do stays on the server). */
  actions: { id: string; label: string }[];
}

export interface LabMeta {
  slug: string;
  title: string;
  summary: string;
  level: LoadedLab['level'];
  minutes: number;
  topics: string[];
  lessons: string[];
  openFile?: string;
  steps: LabStepMeta[];
}

function toMeta(lab: LoadedLab): LabMeta {
  return {
    slug: lab.slug,
    title: lab.title,
    summary: lab.summary,
    level: lab.level,
    minutes: lab.minutes,
    topics: lab.topics,
    lessons: lab.lessons,
    openFile: lab.setup.openFile,
    steps: lab.steps.map((s) => ({
      id: s.id,
      title: s.title,
      markdown: s.markdown,
      hints: s.hints,
      checks: s.checks.map((c) => ({ id: c.id, title: c.title })),
      questions: s.questions.map((q) => ({ id: q.id, prompt: q.prompt, ...(q.choices ? { choices: q.choices } : {}) })),
      actions: s.actions.map((a) => ({ id: a.id, label: a.label })),
    })),
  };
}

let cache: LabMeta[] | undefined;

export function labCatalog(): LabMeta[] {
  cache ??= loadAllLabs().map(toMeta);
  return cache;
}

export function findLabMeta(slug: string): LabMeta | undefined {
  return labCatalog().find((l) => l.slug === slug);
}

/** Every check and question id of a lab, step by step (for progress: a step is done when all pass). */
export function stepCheckIds(lab: LabMeta): string[][] {
  return lab.steps.map((s) => [...s.checks.map((c) => c.id), ...s.questions.map((q) => q.id)]);
}
