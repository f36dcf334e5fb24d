import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { JobResult, JobState, JobStatus } from '../../../shared/api/jobs';
import { ErrorCode } from '../../../shared/api/errors';
import { perConnection } from '../../db/perConnection';
import type { HandlerContext, RequestContext } from '../../api/context';
import { AppError } from '../../api/errors';

/** What a job's work function gets: a way to report progress, and the signal `jobs.cancel` fires. */
export interface JobControl {
  progress(done: number, total: number, message?: string): void;
  signal: AbortSignal;
  /**
   * From here on the job cannot be cancelled (its changes are committed): a later `jobs.cancel` waits for it
   * to finish and reports how it ended, instead of calling it cancelled.
   */
  commit(): void;
  /** The message the job ends with when it succeeds (default 已完成), e.g. what an import did in numbers. */
  conclude(message: string): void;
}

/** A job's output: a file on disk, read back (and then deleted) by `jobs.result`. */
export interface JobOutput {
  fileName: string;
  mimeType: string;
  filePath: string;
}

interface Job {
  id: string;
  kind: string;
  ownerId: number;
  state: JobState;
  done: number;
  total: number;
  message: string;
  output?: JobOutput;
  controller: AbortController;
  committed: boolean;
  conclusion?: string;
  /** Settles when the work function has returned or thrown and its state is final. */
  finished: Promise<void>;
  expiry?: NodeJS.Timeout;
}

/** A finished job's result is kept this long for the renderer to fetch, then dropped with its file. */
export const jobRetentionMs = 10 * 60 * 1000;

/**
 * Jobs live in memory, one registry per open database. Keyed by `appDb` rather than the context itself:
 * dispatch gives every call its own RequestContext copy, while `appDb` is the one object all calls of a
 * backend share. A restart forgets every job, which is right: their work died with the process.
 */
const registry = perConnection(() => new Map<string, Job>(), { survivesReopen: true });

function registryOf(ctx: HandlerContext): Map<string, Job> {
  return registry(ctx.appDb);
}

/** Lets the event loop run (status and cancel calls get answered) between chunks of a job's work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Starts `work` in the background for the calling user and returns the job's id at once. The work must yield
 * (`yieldToEventLoop`) between chunks and stop when `signal` is aborted, cleaning up what it wrote; whatever
 * it throws after a cancel counts as cancelled, anything else as failed (an AppError's message is shown as-is).
 */
export function startJob(
  ctx: RequestContext,
  kind: string,
  message: string,
  work: (control: JobControl) => Promise<JobOutput | void>,
): string {
  if (!ctx.user) throw new AppError(ErrorCode.Unauthorized, '请先登录（登录可能已过期）');
  const jobs = registryOf(ctx);
  const controller = new AbortController();
  const job: Job = {
    id: randomUUID(),
    kind,
    ownerId: ctx.user.id,
    state: 'running',
    done: 0,
    total: 0,
    message,
    controller,
    committed: false,
    finished: Promise.resolve(),
  };
  const control: JobControl = {
    progress(done, total, text) {
      job.done = done;
      job.total = total;
      if (text !== undefined) job.message = text;
    },
    signal: controller.signal,
    commit() {
      job.committed = true;
    },
    conclude(text) {
      job.conclusion = text;
    },
  };
  job.finished = (async () => {
    // Starts on the next turn, so `start` answers before any heavy work blocks the loop.
    await yieldToEventLoop();
    try {
      if (controller.signal.aborted) throw controller.signal.reason;
      const output = (await work(control)) ?? undefined;
      if (controller.signal.aborted && !job.committed) {
        if (output) removeFile(output.filePath);
        throw controller.signal.reason;
      }
      job.output = output;
      job.state = 'done';
      job.message = job.conclusion ?? '已完成';
    } catch (error) {
      if (controller.signal.aborted && !job.committed) {
        job.state = 'cancelled';
        job.message = '已取消';
      } else {
        job.state = 'failed';
        job.message = error instanceof AppError ? error.message : '处理失败：程序内部错误，请重试。';
        if (!(error instanceof AppError)) console.error(`[jobs] ${kind} ${job.id} failed`, error);
      }
    }
    // Finished jobs are kept only for the renderer to collect; a closed dialog or a crashed window must not
    // leave results (and their files) behind for the life of the process.
    job.expiry = setTimeout(() => forget(jobs, job), jobRetentionMs);
    job.expiry.unref();
  })();
  jobs.set(job.id, job);
  return job.id;
}

/** Where jobs write their files (exports, import reports) until they are fetched, cancelled or expire. */
export function jobFilesDir(ctx: Pick<HandlerContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'exports');
}

const sweptDirs = new WeakSet<HandlerContext['appDb']>();

/**
 * A fresh file name in the jobs' folder, which is created if needed. The first call of a run empties the
 * folder: jobs live in memory, so a file still there was left by a run killed mid-job and nobody can fetch it.
 */
export function newJobFilePath(ctx: HandlerContext, extension: string): string {
  const dir = jobFilesDir(ctx);
  if (!sweptDirs.has(ctx.appDb)) {
    sweptDirs.add(ctx.appDb);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}${extension}`);
}

function removeFile(filePath: string): void {
  fs.rmSync(filePath, { force: true });
}

function forget(jobs: Map<string, Job>, job: Job): void {
  clearTimeout(job.expiry);
  if (job.output) removeFile(job.output.filePath);
  job.output = undefined;
  jobs.delete(job.id);
}

/** The caller's own job; someone else's is reported exactly like an unknown id, so ids cannot be probed. */
function ownJob(ctx: RequestContext, id: string): Job {
  const job = registryOf(ctx).get(id);
  if (!job || job.ownerId !== ctx.user?.id) throw new AppError(ErrorCode.NotFound, '该后台任务不存在或已过期');
  return job;
}

function statusOf(job: Job): JobStatus {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    done: job.done,
    total: job.total,
    message: job.message,
    resultReady: job.state === 'done' && !!job.output,
  };
}

export function jobStatus(ctx: RequestContext, id: string): JobStatus {
  return statusOf(ownJob(ctx, id));
}

/**
 * Cancels a running job and answers once its work has stopped and removed its partial file, so the state
 * returned is final. On a finished job it discards the result (the user closed the dialog without saving).
 */
export async function cancelJob(ctx: RequestContext, id: string): Promise<JobStatus> {
  const job = ownJob(ctx, id);
  if (job.state === 'running') {
    if (!job.committed) {
      job.message = '正在取消…';
      job.controller.abort(new Error('cancelled'));
    }
    await job.finished;
    return statusOf(job);
  }
  const status = statusOf(job);
  forget(registryOf(ctx), job);
  return { ...status, resultReady: false };
}

/** The finished job's file as base64; the file is deleted and the job forgotten (a result is fetched once). */
export function jobResult(ctx: RequestContext, id: string): JobResult {
  const job = ownJob(ctx, id);
  if (job.state !== 'done' || !job.output) {
    throw new AppError(ErrorCode.Conflict, job.state === 'running' ? '任务尚未完成' : `任务没有可下载的结果（${job.message}）`);
  }
  const { fileName, mimeType, filePath } = job.output;
  const data = fs.readFileSync(filePath);
  forget(registryOf(ctx), job);
  return { fileName, mimeType, dataBase64: data.toString('base64') };
}
