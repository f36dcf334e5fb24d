import { Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, type FormInstance } from 'antd';
import { useMemo } from 'react';
import type { Enterprise, EnterpriseFields } from '../../../shared/api/enterprises';
import {
  enterpriseStatuses,
  industries,
  riskLevelLabels,
  riskLevels,
  standardizationLevels,
  type RiskLevel,
} from '../../../shared/domain/enterprise';
import { normalizeUscc } from '../../../shared/domain/uscc';
import { callApi } from '../../api/client';
import { GridWorkerField, VillageField } from '../../components/PlaceFields';
import { EntityFormModal } from '../../components/EntityFormModal';
import { LocationPicker } from '../../components/map/LocationPicker';
import { RiskTag } from './display';
import './enterprises.css';

/** The keys `enterprises.create`/`update` take; the edited record also carries ids, names and timestamps. */
const fieldKeys = [
  'name',
  'uscc',
  'address',
  'villageId',
  'industry',
  'supervisingDept',
  'riskLevel',
  'keySupervised',
  'standardization',
  'majorHazard',
  'principalName',
  'principalPhone',
  'safetyManagerName',
  'safetyManagerPhone',
  'employees',
  'status',
  'gridWorkerId',
  'longitude',
  'latitude',
  'notes',
] as const satisfies readonly (keyof EnterpriseFields)[];

/** Only the editable fields; a missing one stays undefined so the schema's default or its 请填写 message applies. */
function pickFields(values: Partial<EnterpriseFields>): EnterpriseFields {
  return Object.fromEntries(fieldKeys.map((key) => [key, values[key]])) as unknown as EnterpriseFields;
}

const newEnterprise: Partial<EnterpriseFields> = {
  keySupervised: false,
  majorHazard: false,
  standardization: '未定级',
  status: '在产',
};

interface EnterpriseFormModalProps {
  open: boolean;
  /** The enterprise being edited; null to create one. */
  enterprise: Enterprise | null;
  /** Starting values for a new enterprise (e.g. the village the list is filtered to). */
  defaults?: Partial<EnterpriseFields>;
  onClose: () => void;
  onSaved: (saved: Enterprise) => void;
}

export function EnterpriseFormModal({ open, enterprise, defaults, onClose, onSaved }: EnterpriseFormModalProps) {
  const initialValues = useMemo<Partial<EnterpriseFields>>(
    () => (enterprise ? pickFields(enterprise) : { ...newEnterprise, ...defaults }),
    [enterprise, defaults],
  );
  return (
    <EntityFormModal<EnterpriseFields>
      open={open}
      width={880}
      title={enterprise ? `编辑企业：${enterprise.name}` : '新增企业'}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => {
        const fields = pickFields(values);
        const saved = enterprise
          ? await callApi('enterprises.update', { ...fields, id: enterprise.id })
          : await callApi('enterprises.create', fields);
        onSaved(saved);
      }}
    >
      {(form) => <EnterpriseFormFields form={form} current={enterprise} />}
    </EntityFormModal>
  );
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };
const quarter = { xs: 24, sm: 12, md: 6 };

/** The fields of 一企一档, grouped as staff fill in a paper form; messages come from the shared schema via the backend. */
function EnterpriseFormFields({ form, current }: { form: FormInstance<EnterpriseFields>; current: Enterprise | null }) {
  return (
    <div className="enterprise-form">
      <Divider titlePlacement="start">基本信息</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="企业名称" name="name" required>
            <Input autoFocus maxLength={100} placeholder="与营业执照一致" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            required
            normalize={(value: string | undefined) => (value === undefined ? value : normalizeUscc(value))}
            tooltip="18 位，保存时核对校验位；字母自动转为大写"
          >
            <Input placeholder="例如：91110108551385082Q" count={{ show: true, max: 18 }} className="uscc" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="行业领域" name="industry" required>
            <Select
              placeholder="请选择"
              showSearch={{ optionFilterProp: 'label' }}
              options={industries.map((industry) => ({ label: industry, value: industry }))}
            />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="行业主管部门" name="supervisingDept">
            <Input maxLength={50} placeholder="如：镇经济发展局" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="从业人员数" name="employees">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="人" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="经营状态" name="status" required>
            <Select options={enterpriseStatuses.map((status) => ({ label: status, value: status }))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">风险与监管</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item label="风险等级" name="riskLevel" required>
            <Select
              placeholder="请选择"
              options={riskLevels.map((level) => ({ value: level, label: riskLevelLabels[level] }))}
              optionRender={(option) => <RiskTag level={option.value as RiskLevel} />}
              labelRender={({ value }) => <RiskTag level={value as RiskLevel} />}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="安全生产标准化等级" name="standardization" required>
            <Radio.Group
              optionType="button"
              options={standardizationLevels.map((level) => ({ label: level, value: level }))}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Space size={32}>
            <Form.Item label="重点监管企业" name="keySupervised" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
            <Form.Item label="重大危险源" name="majorHazard" valuePropName="checked">
              <Switch checkedChildren="有" unCheckedChildren="无" />
            </Form.Item>
          </Space>
        </Col>
      </Row>

      <Divider titlePlacement="start">负责人</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="主要负责人" name="principalName">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="主要负责人电话" name="principalPhone">
            <Input maxLength={30} placeholder="手机或固话" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="安全管理人员" name="safetyManagerName">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="安全管理人员电话" name="safetyManagerPhone">
            <Input maxLength={30} placeholder="手机或固话" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">位置与网格</Divider>
      <Row gutter={16}>
        <Col {...quarter}>
          <VillageField form={form} />
        </Col>
        <Col {...quarter}>
          <GridWorkerField form={form} current={current} />
        </Col>
        <Col {...quarter}>
          <Form.Item label="经度" name="longitude" tooltip="东经，保留 6 位小数；经纬度须同时填写或同时留空">
            <InputNumber precision={6} step={0.000001} style={{ width: '100%' }} placeholder="如 113.673412" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="纬度" name="latitude">
            <InputNumber precision={6} step={0.000001} style={{ width: '100%' }} placeholder="如 22.815230" />
          </Form.Item>
        </Col>
        <Col xs={24} md={{ span: 12, offset: 12 }}>
          <LocationPicker form={form} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="地址" name="address">
            <Input maxLength={200} placeholder="如：示例镇工业路 8 号" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="备注" name="notes">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
