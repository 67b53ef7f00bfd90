// -o jsonpath=… and -o custom-columns=…: the template printers kubectl runs on the client.
import { UsageError } from '../host.js';
import { JsonPathError, evaluate, execute, formatValue, parsePath, parseTemplate } from './jsonpath.js';
import { tabwrite } from './tabwriter.js';

/** `jsonpath={.x}` → ['jsonpath', '{.x}']; `yaml` → ['yaml', '']. */
export function splitOutput(output: string): [string, string] {
  const eq = output.indexOf('=');
  return eq < 0 ? [output, ''] : [output.slice(0, eq), output.slice(eq + 1)];
}

export function printJsonPath(template: string, data: unknown): string {
  if (!template) throw new UsageError('template format specified but no template given');
  try {
    return execute(parseTemplate(template), data);
  } catch (e) {
    if (e instanceof JsonPathError) throw new UsageError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

/** `NAME:.metadata.name,IMAGE:.spec.containers[*].image`; several values join with commas, none is <none>. */
export function printCustomColumns(spec: string, objects: unknown[]): string {
  if (!spec) throw new UsageError('custom-columns format specified but no custom columns given');
  const columns = spec.split(',').map((col) => {
    const colon = col.indexOf(':');
    if (colon < 0) throw new UsageError(`unexpected custom-columns spec: ${col}, expected <header>:<json-path-expr>`);
    const expr = col.slice(colon + 1).replace(/^\{|\}$/g, '');
    return { header: col.slice(0, colon), steps: parsePath(expr.startsWith('.') || expr.startsWith('$') ? expr : `.${expr}`) };
  });
  const lines = [columns.map((c) => c.header).join('\t')];
  for (const obj of objects) {
    lines.push(columns.map((c) => {
      const values = evaluate(c.steps, [obj]);
      return values.length ? values.map(formatValue).join(',') : '<none>';
    }).join('\t'));
  }
  return tabwrite(lines.map((l) => l + '\n').join(''));
}
