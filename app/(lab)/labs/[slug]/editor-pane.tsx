'use client';
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxConnection } from './connection';
import { connectShellEditor, type ShellEditorLink } from './editor-socket';
import type { EditorOpen } from '../../../../sandbox/protocol';
import { labBus } from './lab-bus';
import { useTheme } from '../../../components/theme-store';
import { MONACO_DARK, MONACO_DARK_DEFINITION, monacoTheme } from '../../../components/theme-terminal';

// Monaco's own files, served by our server from the monaco-editor package: no CDN.
loader.config({ paths: { vs: '/monaco/vs' } });

const HOME = '/root/';
const shortName = (path: string) => (path.startsWith(HOME) ? path.slice(HOME.length) : path);
const languageOf = (path: string) => (/\.ya?ml$/.test(path) ? 'yaml' : /\.json$/.test(path) ? 'json' : /\.sh$/.test(path) ? 'shell' : 'plaintext');

/**
 * A file list and a Monaco editor over the sandbox's filesystem (the shell sees the same files).
 * `vi`/`nano` in the terminal open their file here too (a node's file after ssh): the terminal
 * waits until Close, as it waits for a full-screen editor.
 */
export function EditorPane({ connection, labSlug }: { connection: SandboxConnection; labSlug?: string }) {
  const theme = useTheme();
  const [files, setFiles] = useState<string[]>([]);
  const [shellFile, setShellFile] = useState<EditorOpen>();
  const shellLink = useRef<ShellEditorLink | null>(null);
  const shellState = useRef<EditorOpen | undefined>(undefined);
  shellState.current = shellFile;
  const [path, setPath] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState('');
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const state = useRef({ path: undefined as string | undefined, dirty: false });
  state.current = { path, dirty };

  const open = useCallback(
    async (target: string, reload = false) => {
      // Clicking the file already open keeps what is in the editor.
      if (!reload && target === state.current.path) return;
      const res = await connection.read(target);
      if (!res.ok) return setStatus(res.message);
      setPath(res.path);
      editorRef.current?.setValue(res.content);
      setDirty(false);
      setStatus('');
    },
    [connection],
  );

  const save = useCallback(async () => {
    const terminalFile = shellState.current;
    if (terminalFile && editorRef.current && shellLink.current) {
      setStatus('Saving…');
      const res = await shellLink.current.save(terminalFile.id, editorRef.current.getValue());
      if (!res.ok) return setStatus(`Not saved: ${res.message}`);
      setDirty(false);
      return setStatus('Saved');
    }
    const { path: current } = state.current;
    if (!current || !editorRef.current) return;
    setStatus('Saving…');
    const res = await connection.write(current, editorRef.current.getValue());
    if (!res.ok) return setStatus(`Not saved: ${res.message}`);
    setDirty(false);
    setStatus('Saved');
  }, [connection]);

  // The terminal's editors: show the file they open until Close (or Ctrl-C in the terminal).
  useEffect(() => {
    if (!labSlug) return;
    const link = connectShellEditor(labSlug, {
      open: (file) => {
        setShellFile(file);
        editorRef.current?.setValue(file.content);
        setDirty(false);
        setStatus(`Opened by the terminal: Close to go back to it`);
      },
      cancel: (id) => {
        if (shellState.current?.id !== id) return;
        setShellFile(undefined);
        setStatus('Closed by Ctrl-C in the terminal');
        if (state.current.path) void open(state.current.path, true);
      },
    });
    shellLink.current = link;
    return () => {
      shellLink.current = null;
      link.stop();
    };
  }, [labSlug, open]);

  const closeShellFile = useCallback(() => {
    const file = shellState.current;
    if (!file) return;
    shellLink.current?.close(file.id);
    setShellFile(undefined);
    setStatus('');
    if (state.current.path) void open(state.current.path, true);
  }, [open]);

  useEffect(() => {
    const offs = [
      connection.on('attached', (a) => {
        const first = a.openFile && a.files.includes(a.openFile) ? a.openFile : a.files[0];
        if (first && !state.current.path) void open(first);
      }),
      connection.on('files', (list) => {
        setFiles(list);
        // The shell may have written the open file (cat > file, sed -i…): show it unless edited here.
        const { path: current, dirty: edited } = state.current;
        if (current && !edited && !shellState.current && list.includes(current)) void open(current, true);
      }),
      // "Open in the editor" links in the step text.
      labBus.onOpenFile((target) => void open(target)),
    ];
    return () => offs.forEach((off) => off());
  }, [connection, open]);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void save());
    if (state.current.path) void open(state.current.path, true);
  };

  return (
    <div className="editor-pane">
      <nav className="file-list" aria-label="Files">
        <h2>Files in ~</h2>
        <ul>
          {files.map((f) => (
            <li key={f}>
              <button type="button" aria-current={f === path} disabled={!!shellFile} onClick={() => void open(f)}>
                {shortName(f)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="editor-wrap">
        <div className="editor-bar">
          <span className="path" data-testid="editor-path">
            {shellFile ? `${shellFile.host}:${shellFile.path}` : path ? shortName(path) : 'No file open'}
            {dirty ? ' ●' : ''}
          </span>
          <button type="button" className="button secondary" onClick={() => void save()} disabled={!path && !shellFile}>
            Save
          </button>
          {shellFile ? (
            <button type="button" className="button secondary" data-testid="editor-close" onClick={closeShellFile}>
              Close
            </button>
          ) : null}
          <span role="status" data-testid="editor-status" className="muted">
            {status}
          </span>
        </div>
        <div data-testid="editor" aria-label="Editor" role="region" style={{ minHeight: 0 }}>
          <Editor
            height="100%"
            theme={monacoTheme(theme)}
            beforeMount={(monaco) => monaco.editor.defineTheme(MONACO_DARK, MONACO_DARK_DEFINITION)}
            defaultLanguage="yaml"
            language={shellFile ? languageOf(shellFile.path) : path ? languageOf(path) : 'yaml'}
            onMount={onMount}
            onChange={() => setDirty(true)}
            options={{
              minimap: { enabled: false },
              fontSize: 14,
              tabSize: 2,
              insertSpaces: true,
              scrollBeyondLastLine: false,
              automaticLayout: true,
              // Word suggestions guess wrong in YAML and steal Enter; learners type keys themselves.
              quickSuggestions: false,
              wordBasedSuggestions: 'off',
              suggestOnTriggerCharacters: false,
              ariaLabel: 'File editor',
            }}
          />
        </div>
      </div>
    </div>
  );
}
