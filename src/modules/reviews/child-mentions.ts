import type { Executor } from '../../db/client.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import { openChild } from './case-children.js';
import { childrenOf } from './cases.repository.js';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escaped(text)}(?![\\p{L}\\p{N}])`, `u${flags}`);

/**
 * Whether a text names one of the children: the whole name in any case, or any part of it
 * as a capitalised word ("Zebedee's school"). Parts are matched with their capital so that
 * a child called Hope does not stop "we hope" being written.
 */
export function mentionsChild(text: string, childNames: readonly string[]): boolean {
  const flat = text.replace(/\s+/g, ' ');
  return childNames.some((name) => {
    const whole = name.trim().replace(/\s+/g, ' ');
    if (whole === '') return false;
    const parts = whole.split(' ').filter((part) => part.replace(/[^\p{L}]/gu, '').length >= 2);
    return word(whole, 'i').test(flat) || parts.some((part) => word(part, '').test(flat));
  });
}

/** The names of the case's children, opened for the check only: never shown or stored. */
export async function childNamesOf(tx: Executor, cipher: FieldCipher, caseId: string) {
  const rows = await childrenOf(tx, caseId);
  return rows.map((row) => openChild(cipher, row).name);
}
