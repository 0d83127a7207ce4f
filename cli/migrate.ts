import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const DEFAULT_GATEWAY_CLASS = 'envoy-gateway-operator-cpaas-default';

export const migrateHelp = `Usage: acpnet migrate routes [--gateway NS/NAME] [--gateway-class NAME] [--state DIR] [--output yaml|json] PATH...|-

Converts OpenShift Routes (route.openshift.io/v1) to Gateway API and Envoy Gateway objects, as the
guide's "从 OCP Route 迁移到 GatewayAPI Route" maps them: an HTTPRoute (or a TLSRoute for passthrough),
the Gateway's listeners (with the Routes' certificates as TLS Secrets), a BackendTLSPolicy for
reencrypt, ReferenceGrants where namespaces cross, and the ClientTrafficPolicy, BackendTrafficPolicy
and SecurityPolicy of the router annotations. PATH is a file or directory of Routes (a List too),
or - for standard input; every other kind belongs in --state.

Every Route, field and router annotation is reported: mapped, approximated (with the difference)
or dropped (with the reason), as comments above the YAML (and in short on stderr) or under
"routes" with --output json. OpenShift's behaviour is kept where Envoy's differs: HAProxy's 30s
server timeout becomes the request timeout of a Route that sets none, the router's session cookie
is kept, and of two Routes claiming one host and path only the older is converted.

The output is admitted offline with the webhook's rules (acpnet validate) against --state; when it
is not, nothing is printed as YAML and the command fails naming the denials.

Exit status: 0 every Route converted and the output admitted, 1 a Route not converted or the output
denied, 2 a usage error or unusable input (each problem names file and line), 3 an internal error.

Flags:
  --gateway NS/NAME            the Gateway of Routes without the acpnet.io/migrate-gateway annotation
                               (default: the only Gateway of --state)
  --gateway-class NAME         the class of that Gateway when --state does not hold it and it is
                               created (default ${DEFAULT_GATEWAY_CLASS})
  --state DIR                  the cluster: Services (ports), Gateways (listeners), Routes (host claims)
  -o, --output FORMAT          yaml (default) or json
  -h, --help                   show this help
`;

const options = {
  gateway: { type: 'string' },
  'gateway-class': { type: 'string', default: DEFAULT_GATEWAY_CLASS },
  state: { type: 'string' },
  output: { type: 'string', short: 'o', default: 'yaml' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'migrate routes';

async function routes(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(COMMAND, args, options);
  if (values.help) {
    io.stdout(migrateHelp);
    return 0;
  }
  const output = values.output;
  if (output !== 'yaml' && output !== 'json')
    throw new UsageError(`--output must be yaml or json, got ${JSON.stringify(output)}`, COMMAND);
  if (positionals.length === 0)
    throw new UsageError('no input: give files or directories of Routes, or - for standard input', COMMAND);
  // Loaded here so that help and usage errors answer without loading the rules and the converter.
  const { migrateRoutesCommand } = await import('./migrate-routes.js');
  return migrateRoutesCommand(
    {
      inputs: positionals,
      gateway: values.gateway,
      gatewayClass: values['gateway-class'],
      state: values.state,
      output,
    },
    io,
  );
}

/** `acpnet migrate routes`. */
export async function migrateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h') {
    io.stdout(migrateHelp);
    return 0;
  }
  if (subcommand === undefined) throw new UsageError('a subcommand is required: routes', 'migrate');
  if (subcommand !== 'routes')
    throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)} (known: routes)`, 'migrate');
  return routes(rest, io);
}
