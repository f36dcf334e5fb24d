import { Select, Typography } from 'antd';
import { useState } from 'react';
import { planOwnerTypeLabels } from '../../../shared/domain/emergencyPlan';
import { useApiQuery } from '../../api/useApi';

/** Picks a plan by name, owner or 文号 (searched by the backend); a known plan shows by name before any search. */
export function PlanPicker(props: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  known?: { id: number; name: string; ownerName: string };
  ariaLabel?: string;
  /** Only this enterprise's plans. */
  enterpriseId?: number;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const found = useApiQuery('plans.list', { q: q.trim() || undefined, enterpriseId: props.enterpriseId, pageSize: 30, sortField: 'name', sortOrder: 'ascend' });
  const options = (found.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.name, owner: `${planOwnerTypeLabels[plan.ownerType]} · ${plan.ownerName}` }));
  if (props.known && !options.some((option) => option.value === props.known!.id)) {
    options.unshift({ value: props.known.id, label: props.known.name, owner: props.known.ownerName });
  }
  return (
    <Select<number>
      id={props.id}
      aria-label={props.ariaLabel}
      style={{ width: '100%' }}
      value={props.value ?? undefined}
      onChange={(next) => props.onChange?.(next ?? null)}
      allowClear
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.loading}
      placeholder="输入预案名称、单位或文号搜索"
      notFoundContent={found.loading ? '正在搜索…' : '没有找到，请换个关键词'}
      options={options}
      optionRender={(option) => (
        <div className="owner-option">
          <span>{option.label}</span>
          <Typography.Text type="secondary" className="cas">
            {(option.data as { owner?: string }).owner}
          </Typography.Text>
        </div>
      )}
    />
  );
}
