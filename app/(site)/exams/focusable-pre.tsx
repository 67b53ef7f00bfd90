import type { ComponentProps } from 'react';

/** A code block keyboard users can scroll (axe: scrollable-region-focusable). */
export function FocusablePre(props: ComponentProps<'pre'>) {
  return <pre tabIndex={0} {...props} />;
}

export const examMarkdownComponents = { pre: FocusablePre };
