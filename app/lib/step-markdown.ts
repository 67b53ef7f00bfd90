// The lab step Markdown extensions, as a rehype plugin run by MDX:
// - ```bash run / ```bash copy: the <pre> gets data-action and data-code (the block's text), and
//   StepCode renders a Run or Copy button;
// - > [!NOTE] (TIP, IMPORTANT, WARNING, CAUTION): the blockquote becomes a callout;
// - [text](lesson:slug) and [text](editor:/root/file) are handled by StepLink.
// labs/validate.ts rejects flags and callouts this does not know.

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  data?: { meta?: string | null };
  children?: HastNode[];
}

const CALLOUT = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/;

function textOf(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

function codeAction(pre: HastNode): void {
  const code = pre.children?.find((c) => c.tagName === 'code');
  const flags = (code?.data?.meta ?? '').split(/\s+/);
  const action = flags.find((f) => f === 'run' || f === 'copy');
  if (!code || !action) return;
  pre.properties = { ...pre.properties, dataAction: action, dataCode: textOf(code) };
}

function callout(quote: HastNode): void {
  const para = quote.children?.find((c) => c.type === 'element');
  const first = para?.children?.[0];
  const m = first?.type === 'text' ? CALLOUT.exec(first.value ?? '') : null;
  if (!m || !first) return;
  first.value = (first.value ?? '').slice(m[0].length);
  const kind = m[1].toLowerCase();
  quote.properties = { ...quote.properties, className: ['callout', `callout-${kind}`], dataCallout: kind };
  quote.children = [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: kind[0].toUpperCase() + kind.slice(1) }] }, ...(quote.children ?? [])];
}

function walk(node: HastNode): void {
  if (node.tagName === 'pre') codeAction(node);
  if (node.tagName === 'blockquote') callout(node);
  for (const child of node.children ?? []) walk(child);
}

export function rehypeLabSteps() {
  return (tree: HastNode) => walk(tree);
}
