# Shared by the testbed scripts: where things live, which clouds exist, small helpers.
# Sourced, never run. Every script runs the services with Debian's /usr/bin/python3: the
# python3 first on a developer's PATH (pyenv, venv) has none of the OpenStack libraries.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export DEBIAN_FRONTEND=noninteractive

TESTBED_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TESTBED_LIB=$TESTBED_HOME/lib
# All state (configs, logs, PIDs, image and volume data) lives below one directory.
TESTBED_STATE=${SKYLIFT_TESTBED_STATE:-/var/lib/skylift-testbed}
TESTBED_PASSWORD=testbed
TESTBED_REGION=RegionOne
CLOUDS_YAML=$TESTBED_STATE/clouds.yaml

# cloud name -> short id (database, vhost and libvirt domain prefix) and port offset.
# The source uses the standard OpenStack ports, the destination the same plus 100.
# skylift-lab is for developing the testbed itself next to running src and dst clouds: it is
# never started unless named in SKYLIFT_TESTBED_CLOUDS (see testbed/README.md).
declare -A CLOUD_ID=([skylift-src]=src [skylift-dst]=dst [skylift-lab]=lab)
declare -A CLOUD_OFFSET=([skylift-src]=0 [skylift-dst]=100 [skylift-lab]=200)
# Keystone token lifetime in seconds. The destination's is short on purpose: clients must
# renew tokens during long work, and the integration tests see that happen within minutes.
# Not shorter: keystoneauth (in every service) re-authenticates on each request once a token
# has less than 120 s left, and at 60 s that kept the destination's Keystone busy hashing
# passwords, slowing every call to over a second.
declare -A CLOUD_TOKEN_LIFETIME=([skylift-src]=3600 [skylift-dst]=180 [skylift-lab]=3600)
# The clouds that up, down, status and check act on: SKYLIFT_TESTBED_CLOUDS (space-separated
# names) or both src and dst.
read -r -a CLOUDS <<< "${SKYLIFT_TESTBED_CLOUDS:-skylift-src skylift-dst}"
for _c in "${CLOUDS[@]}"; do [ -n "${CLOUD_ID[$_c]:-}" ] || { echo "testbed: unknown cloud $_c" >&2; exit 2; }; done
unset _c
# Nova's compute driver for clouds initialized from now on: libvirt (QEMU, TCG: real disks,
# snapshots with data) or fake (fake.FakeDriver: no disks, no processes). A cloud keeps the
# driver it was initialized with (recorded in CLOUD/.compute); switching needs `down --wipe`.
TESTBED_COMPUTE_WANTED=${SKYLIFT_TESTBED_COMPUTE:-}
TESTBED_COMPUTE_DEFAULT=libvirt
# The linux bridge every libvirt guest port is plugged into: no address, no uplink, it routes
# nothing anywhere. The ML2 driver in neutron-noop/ names it in every port binding.
TESTBED_BRIDGE=br-skylift

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'testbed: %s\n' "$*" >&2; exit 1; }

# wait_for SECONDS DESCRIPTION COMMAND...: polls once a second until COMMAND succeeds.
wait_for() {
  local limit=$1 what=$2 i
  shift 2
  for ((i = 0; i < limit; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "timed out after ${limit}s waiting for $what"
}

# http_answers URL: true when something answers HTTP there (any status).
http_answers() { curl -s -o /dev/null --max-time 5 "$1"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

require_root() { [ "$(id -u)" = 0 ] || die "run as root (the testbed installs packages and bind-mounts a directory)"; }
