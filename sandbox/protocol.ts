// The typed socket.io protocol between the lab page and the learner's sandbox. The ONLY module
// app/ imports from sandbox/. Every client→server payload has a zod schema the server parses
// before use; server→client payloads are typed only (we trust ourselves).
import { z } from 'zod';
import type { ClusterViewSnapshot, ClusterViewUpdate, ObjectDetail } from './cluster-view/wire.js';

/** One terminal message larger than this is refused (a paste of a huge file, or abuse). */
export const MAX_TERMINAL_INPUT_BYTES = 64 * 1024;
/** An editor save larger than this is refused before it reaches the filesystem quota. */
export const MAX_FILE_WRITE_BYTES = 1024 * 1024;
/** Token bucket per socket: a burst this big, refilled at this rate per second. */
export const RATE_LIMIT = { burst: 400, perSecond: 200 } as const;
export const SOCKET_PATH = '/socket.io';
/** socket.io's maxHttpBufferSize: above every limit here, so the limits answer, not a disconnect. */
export const MAX_SOCKET_MESSAGE_BYTES = 2 * 1024 * 1024;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lab slug is lower-case words joined by hyphens').max(80);
const filePath = z.string().min(1).max(1024);

export const AttachRequest = z.object({
  labSlug: slug,
  /** Ask for a given sandbox (e.g. from a shared link); refused unless it is the learner's own. */
  sandboxId: z.string().max(200).optional(),
  cols: z.number().int().min(10).max(500).optional(),
  rows: z.number().int().min(4).max(200).optional(),
});
export type AttachRequest = z.infer<typeof AttachRequest>;

export const TerminalInput = z.object({ data: z.string() });
export const TerminalResize = z.object({ cols: z.number().int().min(10).max(500), rows: z.number().int().min(4).max(200) });
export const FileRead = z.object({ path: filePath });
export const FileWrite = z.object({ path: filePath, content: z.string() });
/** An answer to one of the lab's questions (the choice's text, or the short answer). */
export const QuestionAnswer = z.object({ questionId: z.string().max(80), answer: z.string().max(500) });
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;
export type QuestionAnswerResult = { ok: true; correct: boolean; message: string } | ({ ok: false } & ProtocolError);
export type TerminalResize = z.infer<typeof TerminalResize>;
/** A step's button (a lab action: fail a node, fast-forward, stop a component…). */
export const LabActionRun = z.object({ stepId: slug, actionId: slug });
export type LabActionRun = z.infer<typeof LabActionRun>;
/** `line`: what the terminal printed about it. */
export type LabActionResult = { ok: true; line: string } | ({ ok: false } & ProtocolError);
/** The cluster view's inspector asks for one object (sandbox/cluster-view). */
export const ClusterViewInspect = z.object({ resource: z.string().min(1).max(120), namespace: z.string().max(253).optional(), name: z.string().min(1).max(253) });
export type ClusterViewInspect = z.infer<typeof ClusterViewInspect>;
export type ClusterViewResult<T> = ({ ok: true } & T) | ({ ok: false } & ProtocolError);
export type FileWrite = z.infer<typeof FileWrite>;

/** The shell's vi/nano/`kubectl edit` asks the page to show a file until the learner closes it. */
export interface EditorOpen {
  /** One per opening: the page answers with it, so a late answer for an older file is ignored. */
  id: number;
  /** Absolute; a node's file after ssh (/etc/kubernetes/manifests/…). */
  path: string;
  content: string;
  /** The host whose file it is (controlplane, node01…). */
  host: string;
}
export const EditorSave = z.object({ id: z.number().int().nonnegative(), content: z.string().max(MAX_FILE_WRITE_BYTES) });
export type EditorSave = z.infer<typeof EditorSave>;
export const EditorClose = z.object({ id: z.number().int().nonnegative() });
export type EditorClose = z.infer<typeof EditorClose>;
export type EditorResult = { ok: true } | ({ ok: false } & ProtocolError);

export type CheckState = 'pending' | 'passed' | 'failed';
export interface CheckStatus {
  id: string;
  title: string;
  state: CheckState;
  /** What the learner can do next, or what was seen. */
  message: string;
}

export interface ChecksUpdate {
  checks: CheckStatus[];
  allPassed: boolean;
}

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'not-found' | 'bad-request' | 'too-large' | 'rate-limited' | 'not-attached' | 'unavailable';

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type AttachResult =
  | {
      ok: true;
      sandboxId: string;
      /** Recent terminal output, replayed into a fresh xterm so a reload looks the same. */
      screen: string;
      files: string[];
      checks: ChecksUpdate;
      /** File the editor opens first. */
      openFile?: string;
    }
  | ({ ok: false } & ProtocolError);

export type FileReadResult = { ok: true; path: string; content: string } | ({ ok: false } & ProtocolError);
export type FileWriteResult = { ok: true; path: string } | ({ ok: false } & ProtocolError);

export interface ClientToServerEvents {
  'sandbox:attach': (req: AttachRequest, ack: (res: AttachResult) => void) => void;
  /** Throw the learner's sandbox for this lab away (snapshot too) and attach to a fresh one. */
  'sandbox:reset': (req: AttachRequest, ack: (res: AttachResult) => void) => void;
  'terminal:input': (msg: z.infer<typeof TerminalInput>) => void;
  'terminal:resize': (msg: TerminalResize) => void;
  'file:read': (msg: z.infer<typeof FileRead>, ack: (res: FileReadResult) => void) => void;
  'file:write': (msg: FileWrite, ack: (res: FileWriteResult) => void) => void;
  'question:answer': (msg: QuestionAnswer, ack: (res: QuestionAnswerResult) => void) => void;
  'lab:action': (msg: LabActionRun, ack: (res: LabActionResult) => void) => void;
  'cluster-view:subscribe': (ack: (res: ClusterViewResult<ClusterViewSnapshot>) => void) => void;
  'cluster-view:unsubscribe': () => void;
  'cluster-view:inspect': (msg: ClusterViewInspect, ack: (res: ClusterViewResult<{ detail: ObjectDetail }>) => void) => void;
  /** The page can show files for the shell's editors (after sandbox:attach). */
  'editor:attach': (ack: (res: EditorResult) => void) => void;
  'editor:save': (msg: EditorSave, ack: (res: EditorResult) => void) => void;
  'editor:close': (msg: EditorClose, ack: (res: EditorResult) => void) => void;
}

export interface ServerToClientEvents {
  'terminal:output': (data: string) => void;
  'files:changed': (msg: { files: string[] }) => void;
  'checks:update': (msg: ChecksUpdate) => void;
  /** Something the learner should see (refused input, rate limit, sandbox trouble). */
  'sandbox:notice': (msg: ProtocolError) => void;
  'cluster-view:update': (msg: ClusterViewUpdate) => void;
  /** vi/nano in the terminal: show this file with Save and Close; the terminal waits. */
  'editor:open': (msg: EditorOpen) => void;
  /** Ctrl-C in the terminal gave up on the file `id`: close it without asking. */
  'editor:cancel': (msg: { id: number }) => void;
}

/** UTF-8 byte length, for the input limit (pure, runs in browser and server alike). */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
