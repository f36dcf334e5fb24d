import { Select } from 'antd';
import { useApiQuery } from '../api/useApi';

/** A register's filter by one of a fixed set of values (状态, 类别…); cleared means “all”. */
export function ChoiceFilter<T extends string>(props: { label: string; placeholder: string; width: number; values: readonly T[]; value: T | undefined; onChange: (value: T | undefined) => void }) {
  return (
    <Select<T>
      aria-label={props.label}
      placeholder={props.placeholder}
      allowClear
      style={{ width: props.width }}
      value={props.value}
      options={props.values.map((value) => ({ label: value, value }))}
      onChange={props.onChange}
    />
  );
}

/** A register's filter by village or community, searchable by name. */
export function VillageFilter(props: { label?: string; width: number; value: number | undefined; onChange: (villageId: number | undefined) => void }) {
  const villages = useApiQuery('villages.options', {});
  return (
    <Select<number>
      aria-label={props.label ?? '所属村/社区'}
      placeholder="全部村/社区"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: props.width }}
      value={props.value}
      loading={villages.loading}
      options={(villages.data ?? []).map((village) => ({ label: village.name, value: village.id }))}
      onChange={props.onChange}
    />
  );
}
