import { Card, Table, Tag, Typography } from 'antd';
import type { BackupHistoryEntry } from '../../../shared/api/backup';
import { formatFileSize } from '../../components/files';
import { backupKindColors, fileNameOf, folderOf, formatBackupTime, historyEntryLabel } from './format';

/** 备份记录: every backup made (and every restore, against the file it came from), newest first. */
export function BackupHistory({ history, loading }: { history: BackupHistoryEntry[] | undefined; loading: boolean }) {
  return (
    <Card title="备份记录" variant="borderless">
      <Table<BackupHistoryEntry>
        rowKey={(entry) => `${entry.at}:${entry.path}:${entry.restored ? 'restored' : 'made'}`}
        size="small"
        loading={loading}
        dataSource={history}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: formatBackupTime },
          {
            title: '类型',
            key: 'kind',
            width: 140,
            render: (_value, entry) => <Tag color={entry.restored ? 'purple' : backupKindColors[entry.kind]}>{historyEntryLabel(entry)}</Tag>,
          },
          {
            title: '文件',
            dataIndex: 'path',
            // The file's name first (a long folder would push it out of sight), the folder under it.
            render: (path: string) => (
              <span className="backup-history-file" title={path}>
                <Typography.Text ellipsis>{fileNameOf(path)}</Typography.Text>
                <Typography.Text type="secondary" ellipsis>
                  {folderOf(path)}
                </Typography.Text>
              </span>
            ),
          },
          { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: formatFileSize },
          { title: '加密', dataIndex: 'encrypted', width: 60, render: (encrypted: boolean) => (encrypted ? '是' : '否') },
        ]}
      />
    </Card>
  );
}
