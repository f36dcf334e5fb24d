import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

/** A record page's 删除: asks first, naming the record and what deleting means for it. */
export function ConfirmDeleteButton({ title, description, onConfirm }: { title: string; description: string; onConfirm: () => unknown }) {
  return (
    <Popconfirm title={title} description={description} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={onConfirm}>
      <Button danger icon={<DeleteOutlined />}>
        删除
      </Button>
    </Popconfirm>
  );
}
