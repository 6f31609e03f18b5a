import { z } from 'zod';
import { checkDocument, type DocumentCheck } from '../../platform/files/documents.js';
import { optionalText, requiredText, tick, versionField } from '../../platform/form-fields.js';
import { parseForm, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { uploadIn } from '../../platform/http/uploads.js';
import { ITEM_PURPOSES } from './meetings.vocabulary.js';

const MAX_ITEM_MINUTES = 240;

/** Minutes an item is given: blank, or a whole number from 1 to 240. */
const itemMinutes = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const minutes = Number(value);
    if (!/^\d+$/.test(value) || !Number.isInteger(minutes)) {
      context.addIssue({
        code: 'custom',
        message: 'Time must be a whole number of minutes, like 20',
      });
      return z.NEVER;
    }
    if (minutes < 1 || minutes > MAX_ITEM_MINUTES) {
      context.addIssue({
        code: 'custom',
        message: `Time must be between 1 and ${MAX_ITEM_MINUTES} minutes`,
      });
      return z.NEVER;
    }
    return minutes;
  });

const itemFields = {
  title: requiredText('Enter the title of the item', 'Title', 300),
  purpose: z.enum(ITEM_PURPOSES.values, { error: 'Select what the item is for' }),
  presenter: optionalText('Presenter', 200).transform((value) => value ?? ''),
};

/** An agenda item or a standing item: what it is, what it is for, who presents it, how long. */
export const agendaItemForm = z.object({
  ...itemFields,
  durationMinutes: itemMinutes,
  version: versionField,
});

export type AgendaItemInput = z.infer<typeof agendaItemForm>;

/** An item's text as stored and audited, from a form or from a stored row. */
export const itemText = (item: {
  title: string;
  purpose: string;
  presenter: string;
  durationMinutes: number | null;
}) => ({
  title: item.title,
  purpose: item.purpose,
  presenter: item.presenter,
  durationMinutes: item.durationMinutes,
});

/** A member puts an item forward, saying why the body should hear it (section 15). */
export const proposalForm = z.object({
  ...itemFields,
  reason: requiredText('Enter why the item should be heard', 'Why it should be heard', 2000),
});

export type ProposalInput = z.infer<typeof proposalForm>;

/** The chair's or business officer's answer to a proposal; declining needs a reason. */
export const proposalAnswerForm = z
  .object({
    answer: z.enum(['accept', 'decline'], {
      error: 'Select whether to accept or decline the item',
    }),
    reason: optionalText('Reason', 2000),
  })
  .refine((form) => form.answer === 'accept' || form.reason !== null, {
    path: ['reason'],
    message: 'Enter the reason the item is declined',
  });

export type ProposalAnswer = z.infer<typeof proposalAnswerForm>;

export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

export type MoveDirection = z.infer<typeof moveForm>['direction'];

export const paperForm = z.object({
  title: requiredText('Enter the title of the paper', 'Title', 300),
  restricted: tick,
});

export type PaperInput = z.infer<typeof paperForm> & {
  document: Extract<DocumentCheck, { ok: true }>['document'];
};

/** The file and the title together, so one submission shows every problem at once. */
export async function parsePaper(body: unknown): Promise<Outcome<PaperInput>> {
  const form = parseForm(paperForm, body);
  const checked = await checkDocument(uploadIn(body, 'file'), 'the paper');
  const errors: FieldErrors = {};
  if (!form.ok) Object.assign(errors, form.errors);
  if (!checked.ok) errors.file = checked.message;
  if (!form.ok || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { ...form.value, document: checked.document } };
}
