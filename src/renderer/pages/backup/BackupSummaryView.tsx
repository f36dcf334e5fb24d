import { Alert, Descriptions } from 'antd';
import type { BackupSummary } from '../../../shared/api/backup';
import { formatFileSize } from '../../components/files';
import { formatBackupTime } from './format';

// Labels stay on one line: the restore card is half the page wide, and a label broken after two characters reads badly.
const labelStyles = { label: { whiteSpace: 'nowrap' } } as const;

/** What a verified backup holds, shown before the user confirms a restore. */
export function BackupSummaryView({ summary }: { summary: BackupSummary }) {
  return (
    <>
      <Alert type="success" showIcon title="校验通过：备份文件完整，可以恢复。" style={{ marginBottom: 12 }} />
      <Descriptions size="small" bordered column={2} className="backup-summary" styles={labelStyles}>
        <Descriptions.Item label="备份文件" span={2}>
          {summary.fileName}
        </Descriptions.Item>
        <Descriptions.Item label="创建时间">{formatBackupTime(summary.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="单位">{summary.orgName}</Descriptions.Item>
        <Descriptions.Item label="程序版本">
          {summary.appVersion}（数据库版本 {summary.schemaVersion}）
        </Descriptions.Item>
        <Descriptions.Item label="大小">{formatFileSize(summary.sizeBytes)}</Descriptions.Item>
        <Descriptions.Item label="加密">{summary.encrypted ? '是' : '否'}</Descriptions.Item>
        <Descriptions.Item label="附件数">{summary.attachments}</Descriptions.Item>
        <Descriptions.Item label="数据升级" span={2}>
          {summary.needsMigration ? '需要：备份来自较早的版本，恢复后自动升级为当前版本的数据格式' : '不需要（与当前版本一致）'}
        </Descriptions.Item>
      </Descriptions>
      {/* The counts as a grid of 类别 → 记录数, three to a row, so a dozen registers fit in a few lines. */}
      <Descriptions title="备份中的记录数" size="small" bordered column={3} className="backup-summary backup-counts" styles={labelStyles}>
        {summary.counts.map((count) => (
          <Descriptions.Item key={count.table} label={count.label}>
            {count.rows}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}
