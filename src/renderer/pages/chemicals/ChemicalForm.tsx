import { Col, Form, Input, InputNumber, Row } from 'antd';
import { chemicalFieldLabels as labels } from './fieldLabels';

/** The fields of a catalogue entry; validation messages (CAS check digit, missing 出处) come from the shared schema via the backend. */
export function ChemicalFormFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={labels.name} name="name" required>
            <Input autoFocus maxLength={50} placeholder="例如：氨" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={labels.cas} name="cas" tooltip="化学文摘社登记号，保存时核对校验位">
            <Input maxLength={20} placeholder="例如：7664-41-7" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={labels.aliases} name="aliases" tooltip="搜索时别名也能找到该化学品">
            <Input maxLength={200} placeholder="多个别名用“、”分隔，如：液氨、氨气" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={labels.hazardClass} name="hazardClass">
            <Input maxLength={50} placeholder="例如：易燃气体，类别1" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={labels.criticalQuantity} name="criticalQuantity" tooltip="GB 18218-2018 表1 或表2 中的临界量 Q">
            <InputNumber min={0} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={labels.criticalQuantityRef} name="criticalQuantityRef">
            <Input maxLength={100} placeholder="如：GB 18218-2018 表1" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={labels.beta} name="beta" tooltip="GB 18218-2018 表3（毒性气体）或表4（按危险性类别）中的 β，用于重大危险源分级">
            <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={labels.betaRef} name="betaRef">
            <Input maxLength={100} placeholder="如：GB 18218-2018 表3" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={labels.notes} name="notes">
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
