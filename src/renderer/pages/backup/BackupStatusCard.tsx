import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import type { BackupHistoryEntry, BackupStatus } from '../../../shared/api/backup';
import { formatFileSize } from '../../components/files';
import { fileNameOf, formatBackupTime } from './format';

function LastBackup({ entry, never }: { entry: BackupHistoryEntry | null; never: string }) {
  if (!entry) return <Typography.Text type="secondary">{never}</Typography.Text>;
  return (
    <span>
      <Typography.Text strong>{formatBackupTime(entry.at)}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 12 }} title={entry.path}>
        {fileNameOf(entry.path)}，{formatFileSize(entry.sizeBytes)}
        {entry.encrypted ? '，已加密' : ''}
      </Typography.Text>
    </span>
  );
}

/**
 * Where the office stands: when the data last went onto removable media (the copy that survives the PC), with
 * a warning once that is too long ago, and the latest automatic copy on this PC.
 */
export function BackupStatusCard({ status }: { status: BackupStatus | undefined }) {
  if (!status) {
    return (
      <Card title="备份状态" variant="borderless">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  }
  return (
    <Card title="备份状态" variant="borderless">
      {status.removableStale && (
        <Alert
          type={status.lastRemovable ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            status.lastRemovable
              ? `已超过 ${status.settings.usbWarnDays} 天未备份到U盘，请尽快备份`
              : '还从未备份到U盘（移动介质），请尽快备份'
          }
          description="本机硬盘损坏或电脑丢失时，只有U盘等移动介质上的备份能找回数据。"
        />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="上次U盘（移动介质）备份">
          <LastBackup entry={status.lastRemovable} never="从未备份" />
        </Descriptions.Item>
        <Descriptions.Item label="上次本机自动备份">
          <LastBackup entry={status.lastLocal} never="尚无" />
        </Descriptions.Item>
        <Descriptions.Item label="本机备份位置">
          <Typography.Text copyable>{status.localFolder}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
