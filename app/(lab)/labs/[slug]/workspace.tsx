'use client';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ChecksUpdate, ProtocolError } from '../../../../sandbox/protocol';
import { ChecksPanel } from './checks-panel';
import { SandboxConnection, type ConnectionStatus } from './connection';
import { EditorPane } from './editor-pane';
import { labBus } from './lab-bus';
import { TerminalPane } from './terminal-pane';
import { ClusterViewPanel } from './cluster-view/panel';
import { WorkshopPanel } from './workshop-panel';

interface Props {
  labSlug: string;
  checks: { id: string; title: string }[];
}

/** Terminal over editor, checks in the instructions column; all talking to one sandbox. */
export function Workspace({ labSlug, checks }: Props) {
  const connection = useMemo(() => new SandboxConnection(labSlug), [labSlug]);
  const [status, setStatus] = useState<ConnectionStatus>({ kind: 'connecting' });
  const [notice, setNotice] = useState<ProtocolError>();
  const [update, setUpdate] = useState<ChecksUpdate>({ checks: checks.map((c) => ({ ...c, state: 'pending', message: '' })), allPassed: false });
  const [slot, setSlot] = useState<HTMLElement | null>(null);

  useEffect(() => {
    setSlot(document.getElementById('lab-checks-slot'));
    let hide: ReturnType<typeof setTimeout> | undefined;
    const offs = [
      connection.on('status', setStatus),
      connection.on('checks', (u) => {
        setUpdate(u);
        labBus.setChecks(u);
      }),
      connection.on('status', (s) => labBus.setConnection(s.kind === 'attached' ? connection : undefined)),
      connection.on('notice', (n) => {
        setNotice(n);
        clearTimeout(hide);
        hide = setTimeout(() => setNotice(undefined), 8000);
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      labBus.setConnection(undefined);
      clearTimeout(hide);
      connection.close();
    };
  }, [connection]);

  return (
    <section id="sandbox" className="lab-main" aria-label="Your sandbox" data-status={status.kind} data-sandbox-id={status.kind === 'attached' ? status.sandboxId : undefined}>
      <div className="terminal-pane" style={{ position: 'relative' }}>
        <TerminalPane connection={connection} />
        {(status.kind === 'error' || notice) && (
          <div role="alert" data-testid="notice" className={`notice ${status.kind === 'error' ? 'error' : ''}`} style={{ position: 'absolute', right: 12, top: 8, maxWidth: '60%' }}>
            {status.kind === 'error' ? status.message : notice?.message}
          </div>
        )}
      </div>
      <EditorPane connection={connection} labSlug={labSlug} />
      <ClusterViewPanel labSlug={labSlug} />
      {slot && createPortal(<ChecksPanel update={update} />, slot)}
      {slot && createPortal(<WorkshopPanel labSlug={labSlug} />, slot)}
    </section>
  );
}
