'use client';
// The visible countdown to the server's deadline, with the 30, 15 and 5-minute warnings shown
// and announced (aria-live). The page's clock is corrected by the server's time at render, so a
// wrong clock on the candidate's machine does not move the deadline they see.
import { useEffect, useRef, useState } from 'react';
import { countdown, formatRemaining, warningCrossed, warningText, type WarningMinutes } from '../../../../../exams/runtime/timer';
import styles from './exam.module.css';

interface Props {
  deadline: number;
  /** Server time minus this page's time, measured at load. */
  offsetMs: number;
  onEnd(): void;
}

export function Countdown({ deadline, offsetMs, onEnd }: Props) {
  const now = () => Date.now() + offsetMs;
  const [remaining, setRemaining] = useState(() => countdown(deadline, now()).remainingMs);
  const [announce, setAnnounce] = useState('');
  const last = useRef(remaining);
  const ended = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => {
      const state = countdown(deadline, Date.now() + offsetMs);
      const crossed: WarningMinutes | undefined = warningCrossed(last.current, state.remainingMs);
      if (crossed) setAnnounce(warningText(crossed));
      last.current = state.remainingMs;
      setRemaining(state.remainingMs);
      if (state.ended && !ended.current) {
        ended.current = true;
        setAnnounce('The time is up. Your exam is being graded.');
        onEnd();
      }
    }, 500);
    return () => clearInterval(timer);
  }, [deadline, offsetMs, onEnd]);

  const { warning } = countdown(deadline, deadline - remaining);
  return (
    <div className={styles.countdown} data-warning={warning ?? ''}>
      <span className={styles.countdownLabel}>Time left</span>{' '}
      <span role="timer" aria-label="Time left" data-testid="exam-countdown" className={warning ? styles.warn : undefined}>
        {formatRemaining(remaining)}
      </span>
      <div aria-live="assertive" role="status" data-testid="exam-warning" className={announce ? styles.announce : styles.srOnly}>
        {announce}
      </div>
    </div>
  );
}
