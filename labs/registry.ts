// Every lab with its checks, for the sandbox session (server side).
import type { LabChecks } from '../sandbox/grading/check.js';
import { labChecks as deployNginxChecks } from './deploy-nginx/checks.js';
import { meta as deployNginx } from './deploy-nginx/meta.js';

export interface LabDefinition {
  slug: string;
  title: string;
  /** Files the learner starts with: absolute path → content. */
  files: Record<string, string>;
  openFile?: string;
  grading: LabChecks;
}

const labs: LabDefinition[] = [{ slug: deployNginx.slug, title: deployNginx.title, files: deployNginx.files, openFile: deployNginx.openFile, grading: deployNginxChecks }];

export function findLab(slug: string): LabDefinition | undefined {
  return labs.find((l) => l.slug === slug);
}
