/** Types of global-setup.mjs for TypeScript callers (its tests). */
export interface ProjectSelection {
  selectProjects?: string[] | null;
  ignoreProjects?: string[] | null;
  testPathPatterns?: string[] | { patterns: string[] };
}
export function runNeedsServices(globalConfig: ProjectSelection): boolean;
export default function globalSetup(globalConfig: ProjectSelection): Promise<void>;
