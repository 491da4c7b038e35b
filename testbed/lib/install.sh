#!/bin/bash
# Installs what the testbed needs from Debian 12's own packages, once: a second run only checks.
# Only the python3-* service code and the *-common packages (paste.ini files, rootwrap, manage
# tools) are installed, not the per-daemon packages with their init scripts: the testbed starts
# every service itself.
set -euo pipefail
source "$(dirname "$0")/common.sh"

PACKAGES=(
  mariadb-server rabbitmq-server uwsgi-core uwsgi-plugin-python3 curl sudo nfs-common
  qemu-utils openssh-client
  libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 python3-libvirt
  python3-keystone python3-glance python3-nova python3-placement python3-cinder python3-neutron
  python3-pymysql python3-openstackclient python3-openstacksdk
  nova-common glance-common cinder-common neutron-common placement-common
  ansible
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

require_root
log "installing ${#missing[@]} Debian packages (about 4 minutes on a fresh machine)"
# Keep maintainer scripts from starting daemons: the testbed starts what it needs by PID.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
fi
apt-get update -q
# The *-common packages ask debconf whether to configure a database; the default is no.
apt-get install -y -q --no-install-recommends "${missing[@]}"
