/**
 * The cleanup the platform guide prescribes (集群互联 > 清理互联集群残留): it names
 * `clean-ic-az-db.sh <cluster-name|node-name>`, run inside the ovn-ic-db container, without
 * printing it. This is that script written from the guide's description: find the zone by name, or
 * by the hostname of one of its Gateways, then destroy with ovn-ic-sbctl, row by row, its Gateways,
 * Routes and Port_Bindings, and last the Availability_Zone. IC_SB_DB names the database (in the
 * container ovn-ic-sbctl finds it by itself); SBCTL may replace ovn-ic-sbctl.
 */
export const GUIDE_SCRIPT = `#!/usr/bin/env bash
# clean-ic-az-db.sh <cluster-name|node-name>: the cleanup the guide describes, written from its text.
# IC_SB_DB is the database (inside the ovn-ic-db container ovn-ic-sbctl finds it by itself).
target="$1"
sbctl() { "\${SBCTL:-ovn-ic-sbctl}" --db="$IC_SB_DB" "$@"; }
az="$(sbctl --bare --columns=_uuid find Availability_Zone name="$target")"
if [ -z "$az" ]; then
  az="$(sbctl --bare --columns=availability_zone find Gateway hostname="$target" | head -n 1)"
fi
if [ -z "$az" ]; then
  echo "availability zone of $target not found" >&2
  exit 1
fi
for table in Gateway Route Port_Binding; do
  for uuid in $(sbctl --bare --columns=_uuid find "$table" availability_zone="$az"); do
    sbctl destroy "$table" "$uuid"
    echo "destroyed $table $uuid"
  done
done
sbctl destroy Availability_Zone "$az"
echo "destroyed Availability_Zone $az"
`;
