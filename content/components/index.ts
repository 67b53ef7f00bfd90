// The components a lesson's MDX may use, by name.
import { ArchitectureDiagram } from './architecture-diagram';

export const mdxComponents = { ArchitectureDiagram };
