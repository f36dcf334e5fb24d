import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../shared/api/jobs';
import { callApi } from '../api/client';

const pollMs = 300;

export interface JobHandlers {
  /**
   * The job finished. `isCurrent` says whether it is still the one watched after an await (the dialog may
   * have been closed or cancelled meanwhile); an error thrown here is shown as the job's error.
   */
  onDone?: (status: JobStatus, isCurrent: () => boolean) => void | Promise<void>;
  /** The job was cancelled by someone else than `cancel` (another window, the backend). */
  onCancelled?: (status: JobStatus) => void;
}

export interface WatchedJob {
  /** The job being (or last) watched; null before `watch` and after `reset`. */
  jobId: string | null;
  /** Its latest status (progress, message), null until the first answer. */
  status: JobStatus | null;
  /** Why it failed (the job's Chinese message, or a failed call about it); polling has stopped. */
  error: string | null;
  /** Starts polling a job the backend has just started. */
  watch: (jobId: string) => void;
  /** Stops watching and forgets the job here; the job itself is left alone. */
  reset: () => void;
  /**
   * Stops watching and asks the backend to cancel the job; resolves to its final status once its work has
   * stopped (a job past its point of no return reports `done`), or null if it had already gone. The state
   * here is left for the caller to reset or show.
   */
  cancel: () => Promise<JobStatus | null>;
}

/**
 * Watches one background job at a time (export, import, …): polls `jobs.status` while it runs, stops when
 * it ends, and cancels it when the component goes away mid-way, so no work is left running unseen.
 */
export function useJob(handlers: JobHandlers = {}): WatchedJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The job still watched; cleared when it ends or is let go, so late poll answers are dropped.
  const active = useRef<string | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const watch = useCallback((id: string) => {
    active.current = id;
    setStatus(null);
    setError(null);
    setJobId(id);
  }, []);

  const reset = useCallback(() => {
    active.current = null;
    setJobId(null);
    setStatus(null);
    setError(null);
  }, []);

  const cancel = useCallback(async () => {
    const running = active.current;
    active.current = null;
    if (!running) return null;
    try {
      return await callApi('jobs.cancel', { id: running });
    } catch {
      // The job had already ended (and been collected); nothing is left to stop.
      return null;
    }
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let timer: number | undefined;
    const isCurrent = () => active.current === jobId;
    async function poll() {
      if (!isCurrent() || !jobId) return;
      try {
        const next = await callApi('jobs.status', { id: jobId });
        if (!isCurrent()) return;
        setStatus(next);
        if (next.state === 'running') {
          timer = window.setTimeout(poll, pollMs);
        } else if (next.state === 'done') {
          await handlersRef.current.onDone?.(next, isCurrent);
          if (isCurrent()) active.current = null;
        } else if (next.state === 'failed') {
          active.current = null;
          setError(next.message);
        } else {
          active.current = null;
          handlersRef.current.onCancelled?.(next);
        }
      } catch (failure) {
        if (!isCurrent()) return;
        active.current = null;
        setError((failure as Error).message);
      }
    }
    void poll();
    return () => window.clearTimeout(timer);
  }, [jobId]);

  // Leaving mid-job stops the work rather than leaving it running unseen.
  useEffect(
    () => () => {
      const running = active.current;
      active.current = null;
      if (running) void callApi('jobs.cancel', { id: running }).catch(() => {});
    },
    [],
  );

  return { jobId, status, error, watch, reset, cancel };
}

/** How far a job is, for a Progress bar: 0 while its total is not yet known. */
export function jobPercent(status: JobStatus | null): number {
  return status && status.total > 0 ? Math.floor((status.done / status.total) * 100) : 0;
}
