import { z } from 'zod';
import { duration } from './common.js';

export const sessionPersistence = z
  .strictObject({
    sessionName: z.string().max(128).optional(),
    absoluteTimeout: duration.optional(),
    type: z.enum(['Cookie', 'Header']).optional(),
    cookieConfig: z.strictObject({ lifetimeType: z.enum(['Permanent', 'Session']).optional() }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.cookieConfig?.lifetimeType === 'Permanent' && value.absoluteTimeout === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['absoluteTimeout'],
        message: 'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent',
      });
    }
    if (value.cookieConfig !== undefined && (value.type ?? 'Cookie') !== 'Cookie') {
      ctx.addIssue({
        code: 'custom',
        path: ['cookieConfig'],
        message: 'cookieConfig can only be set with type Cookie',
      });
    }
  });
