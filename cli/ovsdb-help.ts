/** Help text of the OVSDB flags `serve` and `replay` take. */
export const functionOvsdbHelp = `OVSDB (the interconnect functions):
  --ic-sb REMOTE               the IC southbound database (default: ic-db-host and ic-sb-port of
                               kube-system/ovn-ic-config)
  --ovn-nb REMOTE              the cluster's northbound database: interconnect-cleanup removes the
                               transit switches, transit ports and learned routes there too
  --ovsdb-private-key FILE     for ssl: remotes: client key,
  --ovsdb-certificate FILE     client certificate,
  --ovsdb-ca-cert FILE         and the CA certificate that signed the servers'`;
