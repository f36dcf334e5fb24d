import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { trashEntityLabels, type TrashItem } from '../../../shared/api/trash';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';

/** The 回收站: every soft-deleted record, restorable until the user purges it. */
export function TrashPage() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useApiQuery('trash.list', paging);
  const { message, modal } = App.useApp();
  const can = useCan();

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      message.success(done);
      list.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  function confirmEmpty() {
    modal.confirm({
      title: '清空回收站？',
      content: `回收站中的 ${list.data?.total ?? 0} 条记录将被彻底删除，无法恢复。`,
      okText: '彻底删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(() => callApi('trash.empty', {}), '回收站已清空'),
    });
  }

  return (
    <Card title="回收站" variant="borderless">
      <div className="page-toolbar">
        <Typography.Text type="secondary">删除的记录会先放在这里，可随时恢复；彻底删除后无法找回。</Typography.Text>
        <span className="spacer" />
        {can('trash.empty') && (
          <Button danger disabled={!list.data?.total} onClick={confirmEmpty}>
            清空回收站
          </Button>
        )}
      </div>
      <Table<TrashItem>
        rowKey={(item) => `${item.entity}:${item.id}`}
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
          showTotal: (total) => `共 ${total} 条`,
        }}
        locale={{ emptyText: '回收站是空的' }}
        columns={[
          { title: '类别', dataIndex: 'entity', width: 120, render: (entity: TrashItem['entity']) => <Tag>{trashEntityLabels[entity]}</Tag> },
          { title: '名称', dataIndex: 'title' },
          { title: '删除时间', dataIndex: 'deletedAt', width: 180, render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_value, item) => (
              <Space size={0}>
                {can('trash.restore') && (
                <Button type="link" size="small" onClick={() => run(() => callApi('trash.restore', { entity: item.entity, id: item.id }), `已恢复「${item.title}」`)}>
                  恢复
                </Button>
                )}
                {can('trash.purge') && (
                <Popconfirm
                  title={`彻底删除「${item.title}」？`}
                  description="彻底删除后无法恢复。"
                  okText="彻底删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => run(() => callApi('trash.purge', { entity: item.entity, id: item.id }), `已彻底删除「${item.title}」`)}
                >
                  <Button type="link" size="small" danger>
                    彻底删除
                  </Button>
                </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
