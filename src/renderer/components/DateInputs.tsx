import { DatePicker, type DatePickerProps } from 'antd';

/**
 * Date pickers whose Enter only confirms the typed date: the keystroke must not also submit the form they sit
 * in (Enter elsewhere in a form still saves). Form.Item's value and onChange pass through.
 */
export function DateInput(props: DatePickerProps) {
  return (
    <span style={{ display: 'inline-block', width: props.style?.width }} onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}>
      <DatePicker {...props} />
    </span>
  );
}

/** A local date and time to the minute, `YYYY-MM-DD HH:mm`, full width. */
export function DateTimeInput(props: DatePickerProps) {
  return <DateInput {...props} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />;
}
