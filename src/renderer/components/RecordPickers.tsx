import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../api/useApi';

/**
 * Pickers for a record the backend searches (names, codes, pinyin initials): the options shown are its
 * answer, and a preset or saved record is shown by name before any search has found it.
 */
export interface PickerProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The saved or preset owner, shown by name before any search has found it. */
  known?: { id: number; name: string };
  autoFocus?: boolean;
  /** For a picker used as a filter, without a form label. */
  ariaLabel?: string;
}

export function EnterprisePicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const found = useApiQuery('enterprises.options', { q: q.trim() || undefined, limit: 30 });
  const options = (found.data ?? []).map((enterprise) => ({
    value: enterprise.id,
    label: enterprise.name,
    extra: enterprise.uscc,
  }));
  return <OwnerSelect {...props} options={options} loading={found.loading} onSearch={setQ} placeholder="输入企业名称、信用代码或拼音首字母搜索" />;
}

export function IdleSitePicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const found = useApiQuery('idleSites.options', { q: q.trim() || undefined, limit: 30 });
  const options = (found.data ?? []).map((site) => ({ value: site.id, label: site.name, extra: site.villageName }));
  return <OwnerSelect {...props} options={options} loading={found.loading} onSearch={setQ} placeholder="输入场所名称搜索四闲场所" />;
}

function OwnerSelect(
  props: PickerProps & {
    options: { value: number; label: string; extra: string }[];
    loading: boolean;
    onSearch: (q: string) => void;
    placeholder: string;
  },
) {
  const { id, value, onChange, known, autoFocus, loading, onSearch, placeholder, ariaLabel } = props;
  const options = [...props.options];
  if (known && !options.some((option) => option.value === known.id)) options.unshift({ value: known.id, label: known.name, extra: '' });
  return (
    <Select<number>
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      autoFocus={autoFocus}
      allowClear
      // The backend searches (names, codes, pinyin initials); the options shown are its answer.
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={loading ? '正在搜索…' : '没有找到，请换个关键词'}
      options={options.map((option) => ({
        value: option.value,
        label: option.label,
        extra: option.extra,
      }))}
      optionRender={(option) => (
        <div className="owner-option">
          <span>{option.label}</span>
          <Typography.Text type="secondary" className="cas">
            {(option.data as { extra?: string }).extra}
          </Typography.Text>
        </div>
      )}
    />
  );
}
