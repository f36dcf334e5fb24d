import { AutoComplete, Form, Radio, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { planOwnerTypeLabels, planOwnerTypes, type PlanOwnerType } from '../../../shared/domain/emergencyPlan';
import { useApiQuery } from '../../api/useApi';
import { EnterprisePicker } from '../../components/RecordPickers';

/**
 * 所属单位: the town itself, a department (typed, with the names already used offered), a village or an
 * enterprise. Only the chosen type's field shows; the API clears the others.
 */
export function OwnerFields({ form, knownEnterprise, disabled }: { form: FormInstance; knownEnterprise?: { id: number; name: string }; disabled?: boolean }) {
  const ownerType = Form.useWatch('ownerType', form) as PlanOwnerType | undefined;
  const villages = useApiQuery('villages.options', ownerType === 'village' ? {} : null);
  const departments = useApiQuery('plans.departments', ownerType === 'department' ? {} : null);
  const [departmentText, setDepartmentText] = useState('');
  return (
    <>
      <Form.Item label="所属单位类型" name="ownerType" required>
        <Radio.Group
          disabled={disabled}
          optionType="button"
          options={planOwnerTypes.map((value) => ({ value, label: planOwnerTypeLabels[value] }))}
        />
      </Form.Item>
      {ownerType === 'enterprise' && (
        <Form.Item label="所属企业" name="enterpriseId" required>
          <EnterprisePicker known={knownEnterprise} />
        </Form.Item>
      )}
      {ownerType === 'village' && (
        <Form.Item label="所属村（社区）" name="villageId" required>
          <Select
            disabled={disabled}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            loading={villages.loading}
            options={(villages.data ?? []).map((village) => ({ value: village.id, label: village.name }))}
          />
        </Form.Item>
      )}
      {ownerType === 'department' && (
        <Form.Item label="部门名称" name="department" required>
          <AutoComplete
            disabled={disabled}
            placeholder="如：镇城建办、派出所"
            onSearch={setDepartmentText}
            options={(departments.data ?? []).filter((name) => name.includes(departmentText)).map((name) => ({ value: name }))}
          />
        </Form.Item>
      )}
    </>
  );
}
