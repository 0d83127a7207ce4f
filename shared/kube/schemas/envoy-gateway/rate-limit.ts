import { z } from 'zod';
import { uint32 } from './backend-resilience.js';
import { cidr, httpMethodNames } from './common.js';

/** Local rate limits of a BackendTrafficPolicy. */

const clientSelector = z
  .strictObject({
    headers: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(256),
          type: z.enum(['Exact', 'RegularExpression', 'Distinct']).optional(),
          value: z.string().max(1024).optional(),
          invert: z.boolean().optional(),
        }),
      )
      .max(128)
      .optional(),
    methods: z
      .array(z.strictObject({ value: z.enum(httpMethodNames), invert: z.boolean().optional() }))
      .optional(),
    path: z
      .strictObject({
        type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']).optional(),
        value: z.string().max(1024),
        invert: z.boolean().optional(),
      })
      .optional(),
    sourceCIDR: z
      .strictObject({
        type: z.enum(['Exact', 'Distinct']).optional(),
        value: cidr,
        invert: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((sel, ctx) => {
    if (!sel.headers && !sel.methods && !sel.path && !sel.sourceCIDR) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at least one of headers, methods, path or sourceCIDR must be specified',
      });
    }
  });

export const localRateLimitRule = z.strictObject({
  clientSelectors: z.array(clientSelector).max(8).optional(),
  limit: z.strictObject({
    requests: uint32,
    unit: z.enum(['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month', 'Year']),
  }),
});

export const rateLimit = z
  .strictObject({
    type: z.enum(['Global', 'Local']).optional(),
    local: z.strictObject({ rules: z.array(localRateLimitRule).max(16).optional() }).optional(),
  })
  .superRefine((rl, ctx) => {
    if (rl.type === 'Local' && rl.local === undefined) {
      ctx.addIssue({ code: 'custom', path: ['local'], message: 'local must be set when type is Local' });
    }
  });
