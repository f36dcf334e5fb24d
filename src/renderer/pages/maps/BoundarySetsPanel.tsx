import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BoundarySet } from '../../../shared/api/maps';
import { datumLabels } from '../../../shared/domain/geo/datum';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { BoundaryImportModal } from './BoundaryImportModal';
import { datumShortLabel } from './boundaryImport';

/**
 * 村界数据: the stored boundary sets, which one the map draws, and the way to import another. Saving, switching
 * and deleting sets is for administrators; everyone else sees the list only.
 */
export function BoundarySetsPanel({ onChanged }: { onChanged: () => void }) {
  const sets = useApiQuery('maps.boundarySets', {});
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('maps.saveBoundarySet') && can('maps.previewBoundary');
  const [importing, setImporting] = useState(false);
  // The set a switch or delete is under way for, so its buttons show it and cannot be pressed twice.
  const [busyId, setBusyId] = useState<number | null>(null);

  async function makeCurrent(set: BoundarySet) {
    setBusyId(set.id);
    try {
      await callApi('maps.setCurrentBoundarySet', { id: set.id });
      message.success(`地图已改用村界「${set.name}」`);
      sets.reload();
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusyId(null);
    }
  }

  async function remove(set: BoundarySet) {
    setBusyId(set.id);
    try {
      await callApi('maps.deleteBoundarySet', { id: set.id });
      message.success(`已删除村界「${set.name}」`);
      sets.reload();
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusyId(null);
    }
  }

  const columns: ColumnsType<BoundarySet> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, set) => (
        <Space size={8}>
          <span>{name}</span>
          {set.isCurrent && <Tag color="blue">当前</Tag>}
        </Space>
      ),
    },
    {
      title: '坐标系',
      dataIndex: 'sourceDatum',
      width: 100,
      render: (datum: BoundarySet['sourceDatum']) => (
        <Tooltip title={`导入时按 ${datumLabels[datum]} 换算`}>
          <span>{datumShortLabel(datum)}</span>
        </Tooltip>
      ),
    },
    { title: '要素', dataIndex: 'featureCount', width: 70, align: 'right' },
    {
      title: '已匹配/未匹配',
      key: 'matched',
      width: 130,
      render: (_value, set) => (
        <Tooltip title={set.unmatchedCount > 0 ? `${set.unmatchedCount} 个要素没有对应的村（社区），在地图上只画边界、不计入该村` : '每个要素都对应了村（社区）'}>
          <span>
            <Typography.Text type="success">{set.matchedCount}</Typography.Text>
            {' / '}
            <Typography.Text type={set.unmatchedCount > 0 ? 'warning' : 'secondary'}>{set.unmatchedCount}</Typography.Text>
          </span>
        </Tooltip>
      ),
    },
    {
      title: '创建时间/人',
      key: 'created',
      width: 190,
      render: (_value, set) => `${dayjs(set.createdAt).format('YYYY-MM-DD HH:mm')} ${set.createdBy}`,
    },
    ...(canManage
      ? ([
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_value, set) => (
              <Space size={0}>
                {set.isCurrent ? (
                  <Button type="link" size="small" disabled>
                    设为当前
                  </Button>
                ) : (
                  <Button type="link" size="small" loading={busyId === set.id} disabled={busyId !== null} onClick={() => void makeCurrent(set)}>
                    设为当前
                  </Button>
                )}
                {set.isCurrent ? (
                  <Tooltip title="地图正在使用这套村界，不能删除。请先将另一套设为当前，再删除它。">
                    <Button type="link" size="small" danger disabled icon={<DeleteOutlined />}>
                      删除
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={`删除村界「${set.name}」？`}
                    description="删除后这套村界移入回收站，可在回收站中恢复。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(set)}
                  >
                    <Button type="link" size="small" danger disabled={busyId !== null} icon={<DeleteOutlined />}>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ] satisfies ColumnsType<BoundarySet>)
      : []),
  ];

  const noneStored = !!sets.data && sets.data.length === 0;

  return (
    <Card
      title="村界数据"
      variant="borderless"
      extra={
        canManage && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入村界文件
          </Button>
        )
      }
    >
      {noneStored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="当前使用程序自带的示例村界，不是本镇的实际村界。"
          description={
            canManage
              ? '请点击“导入村界文件”，导入本镇各村（社区）的边界（GeoJSON 格式，可由自然资源部门提供，或从高德/DataV、奥维等导出）。导入后地图、安全风险空间分布图和点位核查都将按导入的村界显示。'
              : '请联系管理员导入本镇各村（社区）的边界文件。导入后地图、安全风险空间分布图和点位核查都将按导入的村界显示。'
          }
        />
      )}
      <Table<BoundarySet>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sets.data}
        loading={sets.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: sets.error ? sets.error.message : '尚未导入村界' }}
      />
      {canManage && (
        <BoundaryImportModal
          open={importing}
          onClose={() => setImporting(false)}
          onSaved={(set) => {
            message.success(set.isCurrent ? `已保存村界「${set.name}」，地图已改用它` : `已保存村界「${set.name}」`);
            sets.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
