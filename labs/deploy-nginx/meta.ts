// What the site shows about this lab. Plain data: the lab page imports it without the checks.
export const meta = {
  slug: 'deploy-nginx',
  title: 'Deploy nginx, imperatively and declaratively',
  summary: 'Create a Deployment of three nginx replicas twice: once with one kubectl command, once from a manifest you write.',
  lessonSlug: 'architecture',
  minutes: 15,
  steps: [
    { title: 'The imperative way', file: 'steps/01-imperative.md' },
    { title: 'The declarative way', file: 'steps/02-declarative.md' },
  ],
  checks: [
    { id: 'web-created', title: 'Deployment web exists in namespace default' },
    { id: 'web-ready', title: 'web runs 3 ready nginx replicas' },
    { id: 'manifest-written', title: 'A Deployment manifest is saved in a file' },
    { id: 'manifest-applied', title: 'That manifest is applied and runs 3 ready nginx replicas' },
  ],
  /** The editor opens this file first. */
  openFile: '/root/web-declarative.yaml',
  files: {
    '/root/web-declarative.yaml': '# Write a Deployment named web-declarative here: 3 replicas of the nginx image.\n',
  } as Record<string, string>,
} as const;

export type LabMeta = typeof meta;
