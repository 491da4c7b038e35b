#!/bin/bash
# Writes the testbed's clouds.yaml: for each cloud (those chosen, and any other whose state
# exists) an admin entry (NAME) and a non-admin entry (NAME-demo: user demo, member of project demo). Links /etc/openstack/clouds.yaml to it unless
# that file belongs to someone else.
set -euo pipefail
source "$(dirname "$0")/common.sh"
{
  echo "# Written by skylift testbed/up; changes are overwritten."
  echo "clouds:"
  # In port-offset order, so the file reads the same on every machine: src, dst, lab.
  for cloud in $(for c in "${!CLOUD_OFFSET[@]}"; do echo "${CLOUD_OFFSET[$c]} $c"; done | sort -n | cut -d' ' -f2); do
    [[ " ${CLOUDS[*]} " == *" $cloud "* ]] || [ -d "$TESTBED_STATE/$cloud" ] || continue
    url="http://127.0.0.1:$((5000 + ${CLOUD_OFFSET[$cloud]}))/v3"
    for entry in "$cloud admin admin" "$cloud-demo demo demo"; do
      read -r name user project <<< "$entry"
      cat <<YAML
  $name:
    auth:
      auth_url: $url
      username: $user
      password: $TESTBED_PASSWORD
      project_name: $project
      user_domain_name: Default
      project_domain_name: Default
    region_name: $TESTBED_REGION
    identity_api_version: 3
YAML
    done
  done
} > "$CLOUDS_YAML.tmp"
mv "$CLOUDS_YAML.tmp" "$CLOUDS_YAML"
mkdir -p /etc/openstack
if [ ! -e /etc/openstack/clouds.yaml ] || [ "$(readlink /etc/openstack/clouds.yaml)" = "$CLOUDS_YAML" ]; then
  ln -sfn "$CLOUDS_YAML" /etc/openstack/clouds.yaml
else
  log "/etc/openstack/clouds.yaml is not the testbed's: use OS_CLIENT_CONFIG_FILE=$CLOUDS_YAML"
fi
