import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabDefinitionError, loadLab } from './load.js';
import { markdownProblems } from './validate.js';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

function problemsOf(slug: string): string[] {
  try {
    loadLab(slug, FIXTURES);
  } catch (e) {
    if (e instanceof LabDefinitionError) return e.problems;
    throw e;
  }
  return [];
}

describe('loading a lab', () => {
  it('names the file, the path inside it and what is wrong', () => {
    expect(problemsOf('broken-lab')).toEqual([
      "labs/broken-lab/lab.yaml: level: Invalid option: expected one of \"beginner\"|\"intermediate\"|\"advanced\"",
      expect.stringMatching(/^labs\/broken-lab\/lab\.yaml: steps\[0\]\.checks\[0\]\.count\.kind: kind must be one of Pod, /),
      'labs/broken-lab/lab.yaml: steps: a lab has at least two graded steps',
    ]);
  });

  it('the real labs load, with their steps, files and objects', () => {
    const lab = loadLab('namespaces');
    expect(lab.steps.map((s) => s.id)).toEqual(['create', 'deploy', 'context']);
    expect(lab.setupObjects.map((o) => o.kind)).toEqual(['Namespace', 'Deployment']);
    expect(loadLab('deployments').homeFiles['/root/web.yaml']).toContain('image: nginx:1.26');
  });
});

describe('step Markdown', () => {
  it('knows its extensions and reports the rest with file and line', () => {
    const md = ['```bash run', 'kubectl get pods', '```', '```bash execute', 'x', '```', '> [!DANGER] no', '[a](lesson:nope) [b](editor:/root/x.yaml)'].join('\n');
    expect(markdownProblems('labs/x/steps/a.md', md, ['real'], ['/root/y.yaml'])).toEqual([
      'labs/x/steps/a.md:4: unknown code block flag "execute" (use run or copy)',
      'labs/x/steps/a.md:7: unknown callout [!DANGER] (NOTE, TIP, WARNING, IMPORTANT or CAUTION)',
      'labs/x/steps/a.md:8: links to lesson nope, which does not exist in content/lessons',
      "labs/x/steps/a.md:8: editor link to /root/x.yaml, which the lab's setup and solution never create",
    ]);
  });
});
