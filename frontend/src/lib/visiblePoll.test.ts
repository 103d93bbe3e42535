import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visiblePoll, type VisibilitySource } from './visiblePoll';

class FakeDocument extends EventTarget implements VisibilitySource {
  hidden = false;
  setHidden(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('visiblePoll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once and then every interval while visible', () => {
    const task = vi.fn();
    const stop = visiblePoll(task, 1000, new FakeDocument());
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(task).toHaveBeenCalledTimes(4);
    stop();
  });

  it('pauses while hidden and refreshes as soon as the tab is visible again', () => {
    const doc = new FakeDocument();
    const task = vi.fn();
    const stop = visiblePoll(task, 1000, doc);
    doc.setHidden(true);
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
    doc.setHidden(false);
    expect(task).toHaveBeenCalledTimes(2);
    // The interval restarts from the refresh, not from the original schedule.
    vi.advanceTimersByTime(999);
    expect(task).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(3);
    stop();
  });

  it('does not run while starting hidden', () => {
    const doc = new FakeDocument();
    doc.hidden = true;
    const task = vi.fn();
    const stop = visiblePoll(task, 1000, doc);
    vi.advanceTimersByTime(5000);
    expect(task).not.toHaveBeenCalled();
    doc.setHidden(false);
    expect(task).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops for good: no timer and no listener left', () => {
    const doc = new FakeDocument();
    const task = vi.fn();
    const stop = visiblePoll(task, 1000, doc);
    stop();
    vi.advanceTimersByTime(5000);
    doc.setHidden(true);
    doc.setHidden(false);
    expect(task).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
