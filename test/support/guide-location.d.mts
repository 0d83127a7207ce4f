/** Types of guide-location.mjs for TypeScript callers. */
export const GUIDE_PATH: string;
export const GUIDE_MISSING_MESSAGE: string;
export function guideFound(): boolean;
