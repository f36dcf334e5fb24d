import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { User } from '../../../shared/api/auth';
import { roleLabels, type Role } from '../../../shared/domain/roles';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useStatus } from '../../app/StatusContext';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { CreateUserFields, EditUserFields, roleColors, type CreateUserValues, type EditUserValues } from './UserFormFields';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

const newUser: Partial<CreateUserValues> = { role: 'staff' };

/** Whether the account is locked now (a lock simply runs out; nothing clears lockedUntil until the next login). */
function lockedAt(user: User, now: number): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}

function formatTime(value: string | null): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}

/**
 * 账户管理 (管理员 only): who may log in and with which role. Accounts are never deleted — the 操作日志 names
 * them — so an account no longer needed is switched off (停用) instead.
 */
export function UsersPage() {
  const list = useApiQuery('users.list', {});
  const { status, reloadStatus } = useStatus();
  const selfId = status.user?.id;
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const { message } = App.useApp();
  // A lock runs out by itself after 15 minutes: the clock ticks so 已锁定 and 解锁 disappear on time.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  async function unlock(user: User) {
    try {
      await callApi('users.unlock', { id: user.id });
      message.success(`已解锁「${user.displayName}」，现在可以登录`);
      list.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const columns = useMemo<ColumnsType<User>>(
    () => [
      { title: '用户名', dataIndex: 'username', width: 140 },
      {
        title: '姓名',
        dataIndex: 'displayName',
        width: 150,
        render: (name: string, user) => (
          <Space size={4}>
            {name}
            {user.id === selfId && <Tag variant="outlined">本人</Tag>}
          </Space>
        ),
      },
      {
        title: '角色',
        dataIndex: 'role',
        width: 100,
        render: (role: Role) => <Tag color={roleColors[role]}>{roleLabels[role]}</Tag>,
      },
      {
        title: '状态',
        key: 'status',
        width: 190,
        render: (_value, user) => <UserState user={user} locked={lockedAt(user, now)} />,
      },
      {
        title: '最近登录',
        dataIndex: 'lastLoginAt',
        width: 150,
        render: (value: string | null) => (value ? formatTime(value) : <Typography.Text type="secondary">从未登录</Typography.Text>),
      },
      { title: '创建时间', dataIndex: 'createdAt', width: 150, render: formatTime },
      {
        title: '操作',
        key: 'actions',
        width: 190,
        fixed: 'right',
        render: (_value, user) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user })}>
              编辑
            </Button>
            {user.id === selfId ? (
              <Tooltip title="修改自己的密码，请用右上角的“修改密码”">
                <Button type="link" size="small" disabled>
                  重置密码
                </Button>
              </Tooltip>
            ) : (
              <Button type="link" size="small" onClick={() => setResetting(user)}>
                重置密码
              </Button>
            )}
            {lockedAt(user, now) && (
              <Button type="link" size="small" onClick={() => void unlock(user)}>
                解锁
              </Button>
            )}
          </Space>
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selfId, now],
  );

  const editingUser = editing?.mode === 'edit' ? editing.user : null;
  const editValues = useMemo<Partial<EditUserValues>>(
    () => (editingUser ? { displayName: editingUser.displayName, role: editingUser.role, disabled: editingUser.disabled } : {}),
    [editingUser],
  );

  return (
    <Card title="账户管理" variant="borderless">
      <div className="page-toolbar">
        <Typography.Text type="secondary">
          账户不能删除（操作日志要记得是谁做的），不再使用的账户请停用。连续 5 次输错密码的账户会锁定 15 分钟。
        </Typography.Text>
        <span className="spacer" />
        <Typography.Text type="secondary">共 {list.data?.length ?? 0} 个账户</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          新增账户
        </Button>
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: list.error ? list.error.message : '暂无账户' }}
      />

      {/*
        Mounted only while open: EntityFormModal renders its form even when hidden, and two hidden forms with
        the same field names (password, confirm) would share DOM ids, so a label could focus the other form's input.
      */}
      {editing?.mode === 'create' && (
        <EntityFormModal<CreateUserValues>
          open
          title="新增账户"
          width={680}
          initialValues={newUser}
          onClose={() => setEditing(null)}
          onSave={async ({ username, displayName, role, password }) => {
            const created = await callApi('users.create', { username, displayName, role, password });
            message.success(`已新增账户「${created.displayName}」（${created.username}）`);
            list.reload();
          }}
        >
          {() => <CreateUserFields />}
        </EntityFormModal>
      )}

      {editingUser && (
        <EntityFormModal<EditUserValues>
          open
          title={`编辑账户：${editingUser.displayName}`}
          width={680}
          initialValues={editValues}
          onClose={() => setEditing(null)}
          onSave={async ({ displayName, role, disabled }) => {
            const saved = await callApi('users.update', { id: editingUser.id, displayName, role, disabled });
            message.success(`已保存「${saved.displayName}」`);
            list.reload();
            // The header and the menu show this user's own name and role.
            if (saved.id === selfId) reloadStatus();
          }}
        >
          {(form) => <EditUserFields form={form} username={editingUser.username} self={editingUser.id === selfId} />}
        </EntityFormModal>
      )}

      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={list.reload} />
    </Card>
  );
}

function UserState({ user, locked }: { user: User; locked: boolean }) {
  if (!user.disabled && !locked) return <Tag color="green">启用</Tag>;
  const until = user.lockedUntil ? dayjs(user.lockedUntil) : null;
  return (
    <Space size={4}>
      {user.disabled && <Tag>停用</Tag>}
      {locked && until && (
        <Tooltip title="连续输错密码被锁定，到时自动解除；也可点“解锁”立即解除">
          <Tag color="orange">已锁定至 {until.format(until.isSame(dayjs(), 'day') ? 'HH:mm' : 'MM-DD HH:mm')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
