// Small SVG building blocks shared by the lesson diagrams (inline SVG, no image files).
import type { ReactNode } from 'react';

export const BLUE = '#326ce5';
export const GREY = '#8c959f';
export const MUTED = '#57606a';
export const INK = '#1b1f24';
export const GREEN = '#1a7f37';

export function Box({ x, y, w, h, title, note, fill = '#ffffff', stroke = BLUE, dashed = false }: { x: number; y: number; w: number; h: number; title?: string; note?: string; fill?: string; stroke?: string; dashed?: boolean }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} fill={fill} stroke={stroke} strokeWidth={1.5} strokeDasharray={dashed ? '6 4' : undefined} />
      {title && (
        <text x={x + w / 2} y={y + (note ? h / 2 - 3 : h / 2 + 5)} textAnchor="middle" fontSize="13" fontWeight="600" fill={INK}>
          {title}
        </text>
      )}
      {note && (
        <text x={x + w / 2} y={y + h / 2 + 14} textAnchor="middle" fontSize="11" fill={MUTED}>
          {note}
        </text>
      )}
    </g>
  );
}

export function Label({ x, y, children, anchor = 'start', bold = false, color = MUTED, size = 12 }: { x: number; y: number; children: ReactNode; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; color?: string; size?: number }) {
  return (
    <text x={x} y={y} textAnchor={anchor} fontSize={size} fontWeight={bold ? 700 : 400} fill={color}>
      {children}
    </text>
  );
}

export function Arrow({ x1, y1, x2, y2, id }: { x1: number; y1: number; x2: number; y2: number; id: string }) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={MUTED} strokeWidth={1.5} markerEnd={`url(#${id})`} />;
}

export function ArrowHead({ id }: { id: string }) {
  return (
    <defs>
      <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M 0 0 L 10 5 L 0 10 z" fill={MUTED} />
      </marker>
    </defs>
  );
}

/** A diagram with a caption; `title` and `desc` make it readable by screen readers. */
export function Diagram({ width, height, title, desc, caption, children }: { width: number; height: number; title: string; desc: string; caption: string; children: ReactNode }) {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <figure className="diagram">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
