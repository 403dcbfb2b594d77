import { z } from 'zod';
import { idSchema } from './ids';
import { addCodedIssue } from './zod-to-validation';

/**
 * The resources a booking occupies at once (e.g. a provider and a room): at
 * least one, none twice. A repeat is reported at its own position
 * (`resourceIds.2`) with `duplicate-id`.
 *
 * @example resourceIdsSchema.parse(['dr-lee', 'room-1'])
 */
export const resourceIdsSchema = z
  .array(idSchema)
  .min(1, { error: (issue) => (issue.input === undefined ? undefined : 'Choose at least one resource.') })
  .max(20)
  .superRefine((ids, context) => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) addCodedIssue(context, 'duplicate-id', `"${id}" is listed twice.`, [index]);
    });
  });
