// The commands the lessons on RBAC, configuration, Pod design and security contexts show are run
// by learners exactly as printed: each lesson's ```bash blocks, in order, in a fresh sandbox
// terminal, must run without an error and print what the lesson's text says they print. The
// lessons must also render, with their diagrams.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { screenSandbox } from '../../sandbox/shell/testing';
import { loadLesson, mdxComponents } from './content';

/** The lines of a lesson's ```bash blocks, block by block. */
function bashBlocks(slug: string): string[][] {
  const text = readFileSync(join(process.cwd(), 'content', 'lessons', `${slug}.mdx`), 'utf8');
  return [...text.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1].replace(/\n$/, '').split('\n'));
}

/** Runs the blocks line by line (heredocs too, as typed), giving the cluster 30 s after each block. */
async function runLesson(slug: string): Promise<string> {
  const sandbox = screenSandbox();
  for (const block of bashBlocks(slug)) {
    for (const line of block) await sandbox.type(line);
    sandbox.engine.advance(30_000);
    sandbox.engine.runUntilIdle();
  }
  return sandbox.screen();
}

const ERRORS = /^(error:|Error from server|command terminated|The \w+ "[^"]*" is invalid|.*command not found)/m;

describe('the commands in the new lessons', () => {
  it('rbac: the bindings grant exactly what the lesson says', async () => {
    const screen = await runLesson('rbac');
    expect(screen).not.toMatch(ERRORS);
    const answers = [...screen.matchAll(/kubectl auth can-i [^\n]*\n(yes|no)\n/g)].map((m) => m[1]);
    expect(answers).toEqual(['yes', 'no', 'no', 'yes', 'no', 'yes', 'no']);
    expect(screen).toContain('deployments.apps  []                 []              [create get list update]');
    expect(screen).toMatch(/serviceAccountName[^\n]*\ndeploy-bot\n/);
  });

  it('configmaps-secrets: the password decodes and the Pod refers to the ConfigMap', async () => {
    const screen = await runLesson('configmaps-secrets');
    expect(screen).not.toMatch(ERRORS);
    expect(screen).toContain('  APP_PORT: "8080"\n');
    expect(screen).toMatch(/base64 -d; echo\ns3cr3t\n/);
    expect(screen).toContain('[{"configMapRef":{"name":"app-config"}}]');
    expect(screen).toContain('password:  6 bytes');
  });

  it('pod-design: the Pod runs with its sidecar counted in READY, and shows its probes', async () => {
    const screen = await runLesson('pod-design');
    expect(screen).not.toMatch(ERRORS);
    expect(screen).toMatch(/web-init +2\/2 +Running/);
    expect(screen).toContain('\nprepare shipper\n');
    expect(screen).toContain('Startup:        http-get http://:80/ delay=0s timeout=1s period=2s #success=1 #failure=30');
    expect(screen).toContain('Liveness:       tcp-socket :80 delay=15s timeout=1s period=20s #success=1 #failure=3');
  });

  it('security-context: the Pod keeps both levels of settings', async () => {
    const screen = await runLesson('security-context');
    expect(screen).not.toMatch(ERRORS);
    expect(screen).toContain('{"fsGroup":2000,"runAsGroup":3000,"runAsNonRoot":true,"runAsUser":1000}');
    expect(screen).toContain('{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"readOnlyRootFilesystem":true}');
    expect(screen).toContain('FIELD: runAsUser <integer>');
  });
});

describe('the new lessons render', () => {
  it.each([
    ['rbac', 'Subjects, bindings and roles'],
    ['configmaps-secrets', 'ConfigMaps and Secrets in a Pod'],
    ['pod-design', 'Init containers, sidecars and probes'],
    ['security-context', 'Pod and container security contexts'],
  ])('%s, with its diagram', async (slug, diagramTitle) => {
    const lesson = await loadLesson(slug);
    expect(lesson?.meta.title).toBeTruthy();
    const html = renderToStaticMarkup(createElement(lesson!.Content, { components: mdxComponents }));
    expect(html).toContain(`<title id="${diagramTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-title">${diagramTitle}</title>`);
  });
});
