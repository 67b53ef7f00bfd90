// The page's editor as a full-screen editor in the terminal: `vi file` shows the file in the lab
// page's Monaco editor and the command blocks until the learner closes it (Ctrl-C in the terminal
// gives up), as vim holds the terminal until :q. The socket side is sandbox/session/socket-editor.ts.
import type { CommandIO, Interrupt } from './io.js';
import type { Vfs } from './vfs.js';

export interface EditorHost {
  /**
   * Shows `file` in the page's editor; `save` writes what the learner saved. Resolves when the
   * learner closes it, or when `interrupt` is raised (the page is then told to close it).
   */
  open(file: { path: string; content: string; host?: string }, save: (content: string) => void, interrupt: Interrupt): Promise<void>;
}

/** CommandIO.editor over `fs` (the learner's files, or a node's after ssh). */
export function pageEditor(host: EditorHost, fs: Vfs, interrupt: Interrupt, hostname?: string): NonNullable<CommandIO['editor']> {
  return {
    async edit(path: string) {
      const abs = fs.resolve(path);
      const content = fs.exists(abs) ? fs.readFile(abs) : '';
      let saved = false;
      await host.open({ path: abs, content, host: hostname }, (text) => {
        fs.writeFile(abs, text);
        saved = true;
      }, interrupt);
      return { saved };
    },
  };
}
