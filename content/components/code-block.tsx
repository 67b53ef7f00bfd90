import type { ComponentProps } from 'react';

/** A code block that can scroll sideways is reachable with the keyboard (scrollable-region-focusable). */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return <pre tabIndex={0} {...props} />;
}
