import { Progress, Typography } from 'antd';
import type { JobStatus } from '../../shared/api/jobs';
import { jobPercent } from './useJob';

/** A running job's bar and what it is doing now, as the backend says it. */
export function JobProgress({ status, label }: { status: JobStatus | null; label: string }) {
  return (
    <>
      <Progress percent={jobPercent(status)} status="active" aria-label={label} />
      <Typography.Text type="secondary">{status?.message ?? '正在准备…'}</Typography.Text>
    </>
  );
}
