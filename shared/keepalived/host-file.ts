import { ALIVE_KEY } from './configmap.js';
import { templateProblems } from './problems.js';
import { readTemplate } from './read-template.js';
import { keepalivedConfProblems, renderKeepalivedConf } from './render-keepalived-conf.js';
import { formatTemplatePath, type TemplateProblem, templateError } from './template-problem.js';

/** What an LB host is given: alive.yaml for the platform's image, or a plain keepalived.conf. */
export type HostFileFormat = 'alive' | 'keepalived.conf';

/** The file name each format is written under in the host's directory. */
export const HOST_FILE_NAMES: Readonly<Record<HostFileFormat, string>> = {
  alive: 'alive.yaml',
  'keepalived.conf': 'keepalived.conf',
};

export type HostFile = { content: string } | { refused: readonly string[] };

function described(problems: readonly TemplateProblem[]): string[] {
  return problems.map((p) => {
    const line = p.line === undefined ? '' : `line ${p.line}: `;
    return `${ALIVE_KEY} ${line}${formatTemplatePath(p.path)}: ${p.message}`;
  });
}

/**
 * The file an LB host writes from the ConfigMap's alive.yaml, or why it must keep the one it has:
 * the text must read as alive.yaml (the template schema, every instance with its backends listed,
 * none still naming an ALB2) and pass the checks admission makes. alive.yaml is written as the
 * ConfigMap holds it; keepalived.conf is rendered from it (for `host` when given).
 */
export function hostFileFrom(
  alive: string | undefined,
  format: HostFileFormat,
  host?: readonly string[],
): HostFile {
  if (alive === undefined) return { refused: [`the ConfigMap holds no ${ALIVE_KEY} (yet)`] };
  const reading = readTemplate(alive);
  if (!reading.template) return { refused: described(reading.problems) };
  const template = reading.template;
  const unresolved = template.instances
    .filter(({ instance }) => instance.alb !== undefined)
    .map(({ instance, path }) =>
      templateError(
        'ConflictingBackends',
        [...path, 'alb'],
        `still names ALB2 "${instance.alb}"; a host is given ipvs.ips, which keepalived-hosts renders`,
      ),
    );
  const errors = [...templateProblems(template), ...unresolved]
    .filter((p) => p.severity === 'error')
    .map((p) => ({ ...p, line: template.lineOf(p.path) }));
  if (errors.length > 0) return { refused: described(errors) };
  if (format === 'alive') return { content: alive };
  const options = host ? { host } : {};
  const confErrors = keepalivedConfProblems(template, options);
  if (confErrors.length > 0) return { refused: described(confErrors) };
  return { content: renderKeepalivedConf(template, undefined, options) };
}
