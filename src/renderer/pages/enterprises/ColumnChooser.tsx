import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Typography } from 'antd';
import { useState } from 'react';

export interface ChoosableColumn<K extends string> {
  key: K;
  title: string;
  defaultVisible: boolean;
}

/**
 * Which optional columns a table shows, remembered per workstation in localStorage: staff set it once for
 * their screen and expect it to stay.
 */
export function useVisibleColumns<K extends string>(storageKey: string, columns: readonly ChoosableColumn<K>[]) {
  const defaults = columns.filter((column) => column.defaultVisible).map((column) => column.key);
  const [visible, setVisibleState] = useState<K[]>(() => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      if (Array.isArray(stored)) return columns.map((column) => column.key).filter((key) => stored.includes(key));
    } catch {
      // A damaged entry falls back to the defaults below.
    }
    return defaults;
  });
  function setVisible(keys: K[]) {
    setVisibleState(keys);
    localStorage.setItem(storageKey, JSON.stringify(keys));
  }
  function reset() {
    setVisibleState(defaults);
    localStorage.removeItem(storageKey);
  }
  return { visible, setVisible, reset };
}

interface ColumnChooserProps<K extends string> {
  columns: readonly ChoosableColumn<K>[];
  visible: K[];
  onChange: (keys: K[]) => void;
  onReset: () => void;
}

export function ColumnChooser<K extends string>({ columns, visible, onChange, onReset }: ColumnChooserProps<K>) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>显示的列</span>
          <Typography.Link onClick={onReset} style={{ fontWeight: 'normal' }}>
            恢复默认
          </Typography.Link>
        </div>
      }
      content={
        <Checkbox.Group<K>
          value={visible}
          onChange={(keys) => onChange(columns.map((column) => column.key).filter((key) => keys.includes(key)))}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', columnGap: 24, rowGap: 6 }}
          options={columns.map((column) => ({ label: column.title, value: column.key }))}
        />
      }
    >
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
