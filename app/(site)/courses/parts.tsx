// Pieces the course pages, the dashboard and the catalogue share: a labelled progress bar, an
// item's status in words (never colour alone), and the "Continue" link.
import Link from 'next/link';
import type { ItemProgress, ItemStatus } from '../../../courses/progress';
import type { ItemInfo } from '../../lib/courses';
import styles from './courses.module.css';

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className={styles.bar} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
      <div style={{ width: `${percent}%` }} />
    </div>
  );
}

const STATUS_TEXT: Record<ItemStatus, { lesson: string; lab: string }> = {
  done: { lesson: '✓ read', lab: '✓ complete' },
  'in-progress': { lesson: 'In progress', lab: 'In progress' },
  'not-started': { lesson: 'Not started', lab: 'Not started' },
};

export function StatusBadge({ item }: { item: Pick<ItemProgress, 'kind' | 'status'> }) {
  return (
    <span className={styles.badge} data-status={item.status} data-testid="item-status">
      {STATUS_TEXT[item.status][item.kind]}
    </span>
  );
}

export function kindLabel(kind: ItemProgress['kind']): string {
  return kind === 'lesson' ? 'Lesson' : 'Lab';
}

/** "Continue: <title>" once begun, "Start: <title>" before. */
export function ContinueLink({ info, started }: { info: ItemInfo; started: boolean }) {
  return (
    <Link className="button" href={info.href} data-testid="continue">
      {started ? 'Continue' : 'Start'}: {info.title}
    </Link>
  );
}

export const courseStyles = styles;
