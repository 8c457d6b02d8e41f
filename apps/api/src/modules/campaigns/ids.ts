import { ValidationError } from '../../graphql/errors.js';

export interface DecodedId {
  typename: string;
  id: string;
}

/** The numeric id of a global id that must name the given type ("Campaign:3"). */
export function idOf(gid: DecodedId, typename: string, field: string): number {
  const id = Number(gid.id);
  if (gid.typename !== typename || !Number.isSafeInteger(id)) {
    throw new ValidationError(`编号无效：应为${typename}的编号`, [
      { path: [field], message: `应为${typename}的编号` },
    ]);
  }
  return id;
}

export function optionalIdOf(
  gid: DecodedId | null | undefined,
  typename: string,
  field: string,
): number | null {
  return gid ? idOf(gid, typename, field) : null;
}
