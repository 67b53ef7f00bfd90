// The commands of a task's solution: the lines of its ```bash (or ```sh, ```shell) blocks, as a
// candidate would type them. A here-document or a line ending in `\` continues onto the next
// lines; such a construct is returned as one entry with its newlines, so a test can type it whole.
// Other blocks (```yaml) are shown to the candidate but never run.
const RUNNABLE = new Set(['bash', 'sh', 'shell']);

export function solutionCommands(markdown: string): string[] {
  const commands: string[] = [];
  let inBlock: 'run' | 'show' | undefined;
  let pending: string[] = [];
  let heredocEnd: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*```(\S*)/.exec(line);
    if (fence && heredocEnd === undefined) {
      if (inBlock === undefined) {
        inBlock = RUNNABLE.has(fence[1]) ? 'run' : 'show';
        continue;
      }
      if (pending.length) commands.push(pending.join('\n'));
      pending = [];
      inBlock = undefined;
      continue;
    }
    if (inBlock !== 'run') continue;
    if (heredocEnd !== undefined) {
      pending.push(line);
      if (line.replace(/^\t+/, '') === heredocEnd) {
        heredocEnd = undefined;
        commands.push(pending.join('\n'));
        pending = [];
      }
      continue;
    }
    if (!pending.length && (line.trim() === '' || /^\s*#/.test(line))) continue;
    pending.push(line);
    const heredoc = /<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/.exec(line);
    if (heredoc) heredocEnd = heredoc[2];
    else if (!line.endsWith('\\')) {
      commands.push(pending.join('\n'));
      pending = [];
    }
  }
  return commands;
}
