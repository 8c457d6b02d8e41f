import { ValidationError } from '../../graphql/errors.js';

/** Ids of this module's objects travel as "Type:n", like Region ids. */
export function encodeId(type: string, id: number): string {
  return `${type}:${String(id)}`;
}

export function decodeId(value: string, type: string, path: string[]): number {
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(value);
  if (match?.[1] !== type || !match[2]) {
    throw new ValidationError(`无效的编号：${value.slice(0, 40)}`, [
      { path, message: `应为${type}编号` },
    ]);
  }
  return Number(match[2]);
}
