import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/**
 * Shows a failed save's per-field messages under the matching antd Form fields. Returns the message to
 * show globally when the error could not be pinned to a visible field.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  /** Maps a backend field path onto this form's field path, where the two differ. */
  mapField: (field: string) => string = (field) => field,
): string | null {
  if (!(error instanceof ApiCallError)) return String(error);
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([field, message]) => [mapField(field), message]));
  // Every registered field, touched or not (getFieldsValue would skip fields that never held a value).
  const known = new Set(form.getFieldsError().map(({ name }) => String(name[0])));
  const pinned = Object.entries(fieldErrors).filter(([field]) => known.has(field.split('.')[0]));
  // `holidays.0.to` is the Form.List path ['holidays', 0, 'to']: list indexes are numbers there.
  form.setFields(pinned.map(([field, message]) => ({ name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [message] })));
  return pinned.length > 0 ? null : error.message;
}

/**
 * Clears a field's server-side message as soon as the user edits it; antd only re-validates fields with
 * client rules, so without this a fixed field would keep showing the old error.
 */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>) => form.setFields(changedPaths(changed, []).map((name) => ({ name, errors: [] })));
}

/**
 * The field paths an `onValuesChange` object touches, with every path on the way: `{ holidays: [, { to }] }`
 * (antd's shape for a change inside a Form.List) gives `holidays`, `holidays.1` and `holidays.1.to`.
 */
function changedPaths(value: unknown, prefix: (string | number)[]): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((item, index) => (item === undefined ? [] : changedPaths(item, [...prefix, index])))];
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => changedPaths(item, [...prefix, key]))];
  }
  return here;
}
