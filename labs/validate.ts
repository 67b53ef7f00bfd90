// Checks of a lab that the schema cannot see: the lessons it links to exist, its TypeScript checks
// are registered, and its step Markdown only uses the extensions the lab page understands.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedLab } from './load';
import { compileLab } from './registry';

const LESSONS_DIR = join(process.cwd(), 'content', 'lessons');

export function lessonSlugsOnDisk(dir = LESSONS_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)) : [];
}

const FENCE = /^```(\S*)(.*)$/;
const KNOWN_FENCE_FLAGS = new Set(['run', 'copy']);

/** Problems in one step's Markdown, each naming the file. */
export function markdownProblems(file: string, markdown: string, lessons: string[], homeFiles: string[]): string[] {
  const problems: string[] = [];
  let open = false;
  for (const [n, line] of markdown.split('\n').entries()) {
    const fence = FENCE.exec(line);
    if (fence) {
      if (!open) {
        for (const flag of fence[2].trim().split(/\s+/).filter(Boolean)) {
          if (!KNOWN_FENCE_FLAGS.has(flag)) problems.push(`${file}:${n + 1}: unknown code block flag "${flag}" (use run or copy)`);
        }
      }
      open = !open;
      continue;
    }
    if (open) continue;
    for (const m of line.matchAll(/\]\(lesson:([^)#\s]+)/g)) if (!lessons.includes(m[1])) problems.push(`${file}:${n + 1}: links to lesson ${m[1]}, which does not exist in content/lessons`);
    for (const m of line.matchAll(/\]\(editor:([^)\s]+)\)/g)) {
      if (!m[1].startsWith('/root/')) problems.push(`${file}:${n + 1}: editor links open a file in /root, not ${m[1]}`);
      else if (!homeFiles.includes(m[1])) problems.push(`${file}:${n + 1}: editor link to ${m[1]}, which the lab's setup and solution never create`);
    }
    const callout = /^>\s*\[!(\w+)\]/.exec(line);
    if (callout && !['NOTE', 'TIP', 'WARNING', 'IMPORTANT', 'CAUTION'].includes(callout[1])) problems.push(`${file}:${n + 1}: unknown callout [!${callout[1]}] (NOTE, TIP, WARNING, IMPORTANT or CAUTION)`);
  }
  if (open) problems.push(`${file}: a code block is never closed`);
  return problems;
}

export function validateLab(lab: LoadedLab, lessons = lessonSlugsOnDisk()): string[] {
  const where = `labs/${lab.slug}`;
  const problems: string[] = [];
  for (const l of lab.lessons) if (!lessons.includes(l)) problems.push(`${where}/lab.yaml: lessons: no lesson ${l} in content/lessons`);
  try {
    compileLab(lab);
  } catch (e) {
    problems.push(`${where}/lab.yaml: ${(e as Error).message}`);
  }
  // An editor link may open any file the lab starts with or its solution writes (in the editor,
  // or with a shell redirect such as `> api.yaml`).
  const files = new Set(Object.keys(lab.homeFiles));
  for (const step of lab.steps) {
    for (const f of step.solution.files) files.add(f.path);
    for (const c of step.solution.commands) for (const m of c.matchAll(/>\s*([\w./-]+)/g)) files.add(m[1].startsWith('/') ? m[1] : `/root/${m[1]}`);
  }
  for (const step of lab.steps) problems.push(...markdownProblems(`${where}/${step.text}`, step.markdown, lessons, [...files]));
  return problems;
}
