// Polls while the tab is visible only: a hidden tab costs the API nothing, and
// coming back shows fresh data at once instead of after a whole interval.

/** The part of `document` the poller needs (a fake in tests). */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Runs `task` now (if visible) and every `intervalMs` while visible; pauses
 * when the tab is hidden and runs it again as soon as it is visible. Returns
 * the function that stops it.
 */
export function visiblePoll(task: () => void, intervalMs: number, source: VisibilitySource = document): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const pause = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const resume = () => {
    pause();
    task();
    timer = setInterval(task, intervalMs);
  };
  const onChange = () => (source.hidden ? pause() : resume());
  source.addEventListener('visibilitychange', onChange);
  if (!source.hidden) resume();
  return () => {
    pause();
    source.removeEventListener('visibilitychange', onChange);
  };
}
