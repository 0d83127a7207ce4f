import createError from '@fastify/error';

/**
 * The webhook server's own errors, each with its code and HTTP status. Fastify's error handler
 * answers them like its own client errors: `{statusCode, message}`, logged at info below 500.
 */

/** A request body that is not a usable AdmissionReview: the message names what is wrong. */
export const BadAdmissionReviewError = createError<[detail: string]>(
  'ACPNET_BAD_ADMISSION_REVIEW',
  '%s',
  400,
);

/** A request body that is not JSON: the message says where the parser stopped. */
export const InvalidJsonBodyError = createError<[detail: string]>(
  'ACPNET_INVALID_JSON_BODY',
  'request body is not valid JSON: %s',
  400,
);
