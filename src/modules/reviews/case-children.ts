import type { FieldCipher } from '../../platform/sealing/field-cipher.js';

/** What identifies a child: sealed field by field, each bound to its column and row. */
export interface ChildDetails {
  name: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  address: string | null;
}

export interface SealedChild {
  nameSealed: string;
  dateOfBirthSealed: string | null;
  nhsNumberSealed: string | null;
  addressSealed: string | null;
}

const place = (column: string, childId: string) => `case_child.${column}:${childId}`;

export function sealChild(cipher: FieldCipher, childId: string, child: ChildDetails): SealedChild {
  const seal = (value: string | null, column: string) =>
    value === null ? null : cipher.seal(value, place(column, childId));
  return {
    nameSealed: cipher.seal(child.name, place('name', childId)),
    dateOfBirthSealed: seal(child.dateOfBirth, 'date_of_birth'),
    nhsNumberSealed: seal(child.nhsNumber, 'nhs_number'),
    addressSealed: seal(child.address, 'address'),
  };
}

export function openChild(cipher: FieldCipher, row: SealedChild & { id: string }): ChildDetails {
  const open = (value: string | null, column: string) =>
    value === null ? null : cipher.open(value, place(column, row.id));
  return {
    name: cipher.open(row.nameSealed, place('name', row.id)),
    dateOfBirth: open(row.dateOfBirthSealed, 'date_of_birth'),
    nhsNumber: open(row.nhsNumberSealed, 'nhs_number'),
    address: open(row.addressSealed, 'address'),
  };
}
