import { Alert, Col, Row } from 'antd';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { AutoBackupSettings } from './AutoBackupSettings';
import { BackupHistory } from './BackupHistory';
import { BackupNowCard } from './BackupNowCard';
import { BackupStatusCard } from './BackupStatusCard';
import { RestoreCard } from './RestoreCard';
import './backup.css';

/**
 * 备份与恢复: how current the office's backups are, 立即备份 (工作人员 and 管理员), restoring one and the
 * automatic-backup settings (管理员), and the 备份记录. Each part is shown only to roles that may use it.
 */
export function BackupPage() {
  const can = useCan();
  const status = useApiQuery('backup.status', {});
  const canBackup = can('backup.start');
  const canRestore = can('backup.restore');
  const canConfigure = can('backup.updateSettings');
  // The drives are listed once for both cards (restore is admin-only, and admins may back up too).
  const targets = useApiQuery('backup.targets', canBackup || canRestore ? {} : null);

  return (
    <Row gutter={[16, 16]}>
      {status.error && (
        <Col span={24}>
          <Alert type="error" showIcon title="无法读取备份状态" description={status.error.message} />
        </Col>
      )}
      <Col xs={24} xl={canConfigure ? 14 : 24}>
        <BackupStatusCard status={status.data} />
      </Col>
      {canConfigure && (
        <Col xs={24} xl={10}>
          <AutoBackupSettings settings={status.data?.settings} onSaved={status.reload} />
        </Col>
      )}
      {canBackup && (
        <Col xs={24} xl={canRestore ? 12 : 24}>
          <BackupNowCard targets={targets} onBackedUp={status.reload} />
        </Col>
      )}
      {canRestore && (
        <Col xs={24} xl={12}>
          <RestoreCard targets={targets} localFolder={status.data?.localFolder} />
        </Col>
      )}
      <Col span={24}>
        <BackupHistory history={status.data?.history} loading={status.loading} />
      </Col>
    </Row>
  );
}
