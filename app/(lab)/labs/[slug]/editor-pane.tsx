'use client';
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SandboxConnection } from './connection';
import { labBus } from './lab-bus';

// Monaco's own files, served by our server from the monaco-editor package: no CDN.
loader.config({ paths: { vs: '/monaco/vs' } });

const HOME = '/root/';
const shortName = (path: string) => (path.startsWith(HOME) ? path.slice(HOME.length) : path);
const languageOf = (path: string) => (/\.ya?ml$/.test(path) ? 'yaml' : /\.json$/.test(path) ? 'json' : /\.sh$/.test(path) ? 'shell' : 'plaintext');

/** A file list and a Monaco editor over the sandbox's filesystem (the shell sees the same files). */
export function EditorPane({ connection }: { connection: SandboxConnection }) {
  const [files, setFiles] = useState<string[]>([]);
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
    const { path: current } = state.current;
    if (!current || !editorRef.current) return;
    setStatus('Saving…');
    const res = await connection.write(current, editorRef.current.getValue());
    if (!res.ok) return setStatus(`Not saved: ${res.message}`);
    setDirty(false);
    setStatus('Saved');
  }, [connection]);

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
        if (current && !edited && list.includes(current)) void open(current, true);
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
              <button type="button" aria-current={f === path} onClick={() => void open(f)}>
                {shortName(f)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="editor-wrap">
        <div className="editor-bar">
          <span className="path" data-testid="editor-path">
            {path ? shortName(path) : 'No file open'}
            {dirty ? ' ●' : ''}
          </span>
          <button type="button" className="button secondary" onClick={() => void save()} disabled={!path}>
            Save
          </button>
          <span role="status" data-testid="editor-status" className="muted">
            {status}
          </span>
        </div>
        <div data-testid="editor" aria-label="Editor" role="region" style={{ minHeight: 0 }}>
          <Editor
            height="100%"
            defaultLanguage="yaml"
            language={path ? languageOf(path) : 'yaml'}
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
