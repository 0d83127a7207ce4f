import { templateProblems } from '../shared/keepalived/problems.js';
import { readTemplate } from '../shared/keepalived/read-template.js';
import { renderAliveYaml } from '../shared/keepalived/render-alive.js';
import { keepalivedConfProblems, renderKeepalivedConf } from '../shared/keepalived/render-keepalived-conf.js';
import type { TemplateProblem } from '../shared/keepalived/template-problem.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';
import {
  formatProblems,
  missingBackends,
  readBackends,
  readInput,
  type TemplateSource,
  templateSource,
} from './keepalived-input.js';

export interface RenderRequest {
  /** The template file, or - for standard input. */
  file: string;
  format: 'alive' | 'keepalived.conf';
  /** The --backends file. */
  backends: string | undefined;
  /** The --host addresses (keepalived.conf only). */
  host: readonly string[] | undefined;
}

function refuse(source: TemplateSource, problems: readonly TemplateProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UnusableInputError(formatProblems(source, errors));
}

/**
 * The rendered text of a template file. The template passes the checks admission makes of it (the
 * cluster's aside) or the input is unusable: every problem is named by file, line and field.
 */
export async function renderTemplateFile(request: RenderRequest, io: CliIO): Promise<string> {
  const input = await readInput(request.file, io);
  const source = templateSource(input.name, input.text);
  const reading = readTemplate(source.text);
  refuse(source, reading.problems);
  const template = reading.template!;
  const problems = templateProblems(template);
  refuse(source, problems);
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const line of formatProblems(source, warnings)) io.stderr(`acpnet keepalived: warning: ${line}\n`);

  const backendsFile = request.backends === undefined ? undefined : await readInput(request.backends, io);
  const backends = backendsFile ? readBackends(backendsFile.name, backendsFile.text, template) : new Map();
  const missing = missingBackends(source, template, backends);
  if (missing.length > 0) throw new UnusableInputError(missing);

  if (request.format === 'alive') return renderAliveYaml(template, backends);
  const options = request.host ? { host: request.host } : {};
  refuse(source, keepalivedConfProblems(template, options));
  return renderKeepalivedConf(template, backends, options);
}
