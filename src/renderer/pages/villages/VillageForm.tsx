import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { villageKinds } from '../../../shared/domain/village';

/** The fields of a village/community; validation messages come from the shared schema via the backend. */
export function VillageFormFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label="名称" name="name" required>
            <Input autoFocus maxLength={30} placeholder="例如：东山村" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="类型" name="kind" required>
            <Radio.Group options={villageKinds.map((kind) => ({ label: kind, value: kind }))} optionType="button" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="统计用区划代码" name="code" tooltip="12 位数字，可不填">
            <Input maxLength={12} placeholder="例如：441900117001" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="面积（平方公里）" name="areaKm2">
            <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="人口" name="population">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="户数" name="households">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="负责人" name="contactName">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系电话" name="contactPhone">
            <Input maxLength={30} placeholder="手机或固话，如 0769-85123456" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
