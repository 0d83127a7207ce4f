import { functionOvsdbHelp } from './ovsdb-help.js';

/** Wrong use of the command line: printed with a pointer to help, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const mainHelp = `acpnet: admission webhooks and event-driven functions for a container platform's networking

Usage:
  acpnet serve [webhooks|functions] [flags]   run the webhook server and/or the functions
  acpnet validate [flags] PATH...             admit manifests offline with the webhook's rules
  acpnet replay --from FILE|kafka://TOPIC     feed recorded events through the functions
  acpnet bridge [flags]                       publish a cluster's changes to Kafka as events
  acpnet ovsdb-bridge [flags]                 publish OVN interconnect row changes as events
  acpnet rules [--output text|json|markdown]  list the webhook's rules, their reasons and guide sections
  acpnet keepalived render [flags] FILE|-     render alive.yaml or keepalived.conf for soft LB hosts
  acpnet keepalived sync [flags]              keep an LB host's alive.yaml in step with the cluster
  acpnet interconnect clean [flags]           remove what a cluster left in the OVN interconnect databases
  acpnet migrate routes [flags] PATH...|-     convert OpenShift Routes to Gateway API and Envoy Gateway objects
  acpnet help [COMMAND]                       show help

Run 'acpnet COMMAND --help' for the flags of a command.
`;

const admissionFlags = `Admission settings:
  --service-cidr CIDRS         the cluster's Service CIDRs, comma-separated for dual stack (default 10.96.0.0/12)
  --platform-namespace NS      namespace of platform secrets (default cpaas-system)
  --metallb-namespace NS       namespace MetalLB objects live in (default metallb-system)`;

export const serveHelp = `Usage: acpnet serve [webhooks|functions] [flags]

Runs the admission webhooks (HTTPS), the event functions (HTTP), or both when no part is named.
Without --kubeconfig the store is in memory, optionally loaded from --state.

Flags:
  --listen-address ADDR        address both servers listen on (default 0.0.0.0, every interface)
  --webhook-port PORT          HTTPS port of the webhooks (default 8443)
  --functions-port PORT        HTTP port of the functions (default 8080)
  --tls-cert FILE              serving certificate (PEM); reloaded when the file changes
  --tls-key FILE               its private key (PEM); without both, a self-signed pair is kept under .acpnet/
  --state DIR                  manifests to load into the in-memory store
  --kubeconfig FILE            use a real cluster as the store
  --kafka-brokers HOST:PORT,.. consume events from Kafka (functions)
  --kafka-topic TOPIC          Kafka topic of the events (default acpnet-events)
  --kafka-group GROUP          Kafka consumer group (default acpnet-functions); one per deployed function
  --kafka-client NAME          kafkajs or platformatic (default platformatic, or ACPNET_KAFKA_CLIENT)
  --functions a,b              run only these functions (default: all), e.g. one per Knative Service;
                               their tombstones: ConfigMap acpnet/acpnet-tombstones-<names, sorted, dot-joined>
  --kafka-session-timeout SEC  seconds a crashed consumer holds its partitions (6-1800, default 10)
  --log-level LEVEL            fatal, error, warn, info, debug, trace or silent (default info)
${admissionFlags}
${functionOvsdbHelp}
  -h, --help                   show this help
`;

export const validateHelp = `Usage: acpnet validate [--output text|json] [--state DIR] PATH...

Admits manifests offline with the same rules the webhook runs. PATH is a file, a directory (searched
for .yaml, .yml and .json, sorted by path) or - for standard input; YAML may hold many documents.
Objects are admitted in input order, each against --state plus everything admitted before it; an
object already present (same group, kind, namespace and name) is reviewed as an UPDATE.

Exit status: 0 all admitted (warnings allowed), 1 at least one denied, 2 unusable input (every
readable object is still judged and the report always printed), 3 an internal error.

Flags:
  -o, --output FORMAT          text (default) or json
  --state DIR                  manifests the cluster already holds
${admissionFlags}
  -h, --help                   show this help
`;
