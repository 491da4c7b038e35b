#!/bin/bash
# One complete, independent OpenStack Zed cloud on loopback, from Debian 12's packages.
#   cloud.sh init  NAME   write configs, create databases and the RabbitMQ vhost, sync schemas,
#                         bootstrap Keystone (once; a marker file records it)
#   cloud.sh start NAME   start every service in the background (PIDs in run/, logs in log/),
#                         register the catalog, wait until every API answers
#   cloud.sh stop  NAME   power off the cloud's libvirt guests, end every service's session by PID
#   cloud.sh status NAME  one line per service: running or not, and whether its API answers
# NAME is a key of CLOUD_ID in common.sh; its port offset comes from there too.
# Needs `infra.sh start` (MariaDB and RabbitMQ, shared by all clouds) first; start runs
# `libvirt.sh start` itself when the cloud's Nova uses libvirt.
set -euo pipefail
source "$(dirname "$0")/common.sh"

CMD=${1:?usage: cloud.sh init|start|stop|status NAME}
NAME=${2:?usage: cloud.sh init|start|stop|status NAME}
ID=${CLOUD_ID[$NAME]:?unknown cloud $NAME}
OFF=${CLOUD_OFFSET[$NAME]}
R=$TESTBED_STATE/$NAME ETC=$TESTBED_STATE/$NAME/etc LOG=$TESTBED_STATE/$NAME/log RUN=$TESTBED_STATE/$NAME/run
PW=$TESTBED_PASSWORD REGION=$TESTBED_REGION
DB="mysql+pymysql://os:$PW@127.0.0.1"
PY=/usr/bin/python3
declare -A PORT=([keystone]=$((5000 + OFF)) [glance]=$((9292 + OFF)) [nova]=$((8774 + OFF))
                 [placement]=$((8778 + OFF)) [cinder]=$((8776 + OFF)) [neutron]=$((9696 + OFF)))
KS=http://127.0.0.1:${PORT[keystone]}/v3
SERVICES=(keystone placement glance-api nova-api nova-conductor nova-scheduler nova-compute
          neutron-server cinder-api cinder-scheduler cinder-volume)

# Nova's compute driver: the one the cloud was initialized with (CLOUD/.compute; a cloud
# initialized before the choice existed has fake), else SKYLIFT_TESTBED_COMPUTE, else the default.
compute_choice() {
  local recorded=
  if [ -f "$R/.compute" ]; then recorded=$(cat "$R/.compute")
  elif [ -f "$R/.initialized" ]; then recorded=fake
  fi
  if [ -n "$recorded" ]; then
    [ -z "$TESTBED_COMPUTE_WANTED" ] || [ "$TESTBED_COMPUTE_WANTED" = "$recorded" ] ||
      die "$NAME was initialized with the $recorded compute driver, not $TESTBED_COMPUTE_WANTED; to switch: testbed/down --wipe, then testbed/up"
    echo "$recorded"
  else
    echo "${TESTBED_COMPUTE_WANTED:-$TESTBED_COMPUTE_DEFAULT}"
  fi
}

# The libvirt driver, QEMU with TCG (no KVM needed). Guests have no OS: they sit in SeaBIOS,
# so they ignore ACPI shutdown (shutdown_timeout 0 powers them off at once) and PCI hot-unplug
# (see testbed/README.md on volume detach). One libvirtd serves all clouds: each names its
# guests with its own prefix. The NFS volume driver mounts shares under nfs_mount_point_base
# with the `mount` in nova-path/ (a bind mount); the privsep daemon that runs it starts without
# sudo, so it keeps nova-compute's PATH.
nova_libvirt_conf() {
  cat <<CONF
[DEFAULT]
compute_driver = libvirt.LibvirtDriver
instance_name_template = $ID-inst-%08x
shutdown_timeout = 0
resume_guests_state_on_host_boot = true
force_config_drive = false
[libvirt]
virt_type = qemu
cpu_mode = none
connection_uri = qemu:///system
images_type = qcow2
inject_partition = -2
snapshots_directory = $R/nova/snapshots
nfs_mount_point_base = $R/nova/mnt
device_detach_attempts = 3
device_detach_timeout = 10
[nova_sys_admin]
helper_command = privsep-helper --config-file $ETC/nova/nova.conf
[spice]
enabled = false
[serial_console]
enabled = false
CONF
}

keystone_authtoken() { # service user
  cat <<CONF
[keystone_authtoken]
www_authenticate_uri = $KS
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $PW
service_token_roles_required = true
CONF
}

service_basics() { # service: its database, lock directory, and no notifications
  cat <<CONF
[database]
connection = $DB/${ID}_$1
[oslo_concurrency]
lock_path = $R/$1/lock
[oslo_messaging_notifications]
driver = noop
CONF
}

service_auth() { # section, service user
  cat <<CONF
[$1]
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $PW
region_name = $REGION
os_region_name = $REGION
CONF
}

write_configs() {
  COMPUTE=$(compute_choice) || exit 1
  case $COMPUTE in fake|libvirt) ;; *) die "SKYLIFT_TESTBED_COMPUTE must be fake or libvirt" ;; esac
  mkdir -p "$ETC"/{keystone,glance,placement,nova,neutron,cinder} "$LOG" "$RUN" "$R/wsgi" \
           "$R"/keystone/{fernet-keys,credential-keys} "$R"/glance/{images,staging,tasks} \
           "$R"/nova/{instances,lock,mnt,snapshots} "$R/neutron/lock" "$R"/cinder/{lock,mnt,conversion} "$R/nfs-export"
  local mq="rabbit://os:$PW@127.0.0.1:5672/$ID"

  cat > "$ETC/keystone/keystone.conf" <<CONF
[database]
connection = $DB/${ID}_keystone
[token]
provider = fernet
expiration = ${CLOUD_TOKEN_LIFETIME[$NAME]}
[fernet_tokens]
key_repository = $R/keystone/fernet-keys
[fernet_receipts]
key_repository = $R/keystone/fernet-keys
[credential]
key_repository = $R/keystone/credential-keys
CONF
  printf 'from keystone.server.wsgi import initialize_public_application\napplication = initialize_public_application()\n' > "$R/wsgi/keystone.py"
  printf 'from placement.wsgi import init_application\napplication = init_application()\n' > "$R/wsgi/placement.py"

  cat > "$ETC/glance/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = ${PORT[glance]}
workers = 1
node_staging_uri = file://$R/glance/staging
[database]
connection = $DB/${ID}_glance
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $R/glance/images
[os_glance_tasks_store]
filesystem_store_datadir = $R/glance/tasks
[os_glance_staging_store]
filesystem_store_datadir = $R/glance/staging
[paste_deploy]
flavor = keystone
config_file = /usr/share/glance-common/glance-api-paste.ini
[oslo_messaging_notifications]
driver = noop
$(keystone_authtoken glance)
CONF

  cat > "$ETC/placement/placement.conf" <<CONF
[api]
auth_strategy = keystone
[placement_database]
connection = $DB/${ID}_placement
$(keystone_authtoken placement)
CONF

  # send_service_user_token: Debian's Cinder (OSSA-2023-003) refuses to delete an attachment
  # without a service token from Nova, which left detaches stuck in `detaching`.
  cat > "$ETC/nova/nova.conf" <<CONF
[DEFAULT]
host = $ID-compute
state_path = $R/nova
instances_path = $R/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = ${PORT[nova]}
osapi_compute_workers = 1
transport_url = $mq
my_ip = 127.0.0.1
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = /usr/share/nova-common/api-paste.ini
[api_database]
connection = $DB/${ID}_nova_api
[database]
connection = $DB/${ID}_nova
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 5
[oslo_concurrency]
lock_path = $R/nova/lock
[oslo_messaging_notifications]
driver = noop
[vnc]
enabled = false
[glance]
region_name = $REGION
$(keystone_authtoken nova)
$(service_auth placement nova)
$(service_auth neutron nova)
$(service_auth cinder nova)
$(service_auth service_user nova)
send_service_user_token = true
CONF
  if [ "$COMPUTE" = libvirt ]; then nova_libvirt_conf; else printf '[DEFAULT]\ncompute_driver = fake.FakeDriver\n'; fi \
    >> "$ETC/nova/nova.conf"

  cat > "$ETC/neutron/neutron.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = ${PORT[neutron]}
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
transport_url = $mq
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
state_path = $R/neutron
api_paste_config = /usr/share/neutron-common/api-paste.ini
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
$(service_basics neutron)
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = skylift_testbed_noop
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:200
[ml2_type_vxlan]
vni_ranges = 1:1000
$(keystone_authtoken neutron)
$(service_auth nova neutron)
CONF

  # No device-mapper in this kernel, so no LVM. The NFS driver keeps real data in plain files;
  # its "share" is a local directory bind-mounted where the driver expects the NFS mount, so
  # os-brick finds it already mounted and never calls mount.nfs.
  echo "127.0.0.1:$R/nfs-export" > "$ETC/cinder/nfs_shares"
  cat > "$ETC/cinder/cinder.conf" <<CONF
[DEFAULT]
host = $ID-volume
state_path = $R/cinder
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = ${PORT[cinder]}
osapi_volume_workers = 1
auth_strategy = keystone
transport_url = $mq
api_paste_config = /usr/share/cinder-common/api-paste.ini
my_ip = 127.0.0.1
glance_api_servers = http://127.0.0.1:${PORT[glance]}
image_conversion_dir = $R/cinder/conversion
enabled_backends = nfs1
default_volume_type = __DEFAULT__
[nfs1]
volume_driver = cinder.volume.drivers.nfs.NfsDriver
volume_backend_name = nfs1
nfs_shares_config = $ETC/cinder/nfs_shares
nfs_mount_point_base = $R/cinder/mnt
nfs_sparsed_volumes = true
nfs_qcow2_volumes = false
nas_secure_file_operations = false
nas_secure_file_permissions = false
nfs_snapshot_support = true
$(service_basics cinder)
$(keystone_authtoken cinder)
$(service_auth nova cinder)
CONF
}

# Python code that runs a console entry point of a Debian python3-* package: the per-daemon
# packages that ship those scripts also ship init scripts the testbed does not want.
python_main() { # argv0 module
  echo "import sys; sys.argv[0] = '$1'; from $2 import main; sys.exit(main())"
}

init() {
  write_configs
  local d sql=""
  for d in keystone glance placement nova_api nova nova_cell0 neutron cinder; do
    sql+="CREATE DATABASE IF NOT EXISTS ${ID}_$d;"
    sql+="GRANT ALL ON ${ID}_$d.* TO 'os'@'127.0.0.1'; GRANT ALL ON ${ID}_$d.* TO 'os'@'localhost';"
  done
  mariadb -uroot -e "$sql"
  rabbitmqctl -q list_vhosts | grep -qx "$ID" || rabbitmqctl -q add_vhost "$ID" >/dev/null
  rabbitmqctl -q set_permissions -p "$ID" os '.*' '.*' '.*' >/dev/null
  {
    local k="--config-file $ETC/keystone/keystone.conf" n="--config-file $ETC/nova/nova.conf"
    keystone-manage $k db_sync
    keystone-manage $k fernet_setup --keystone-user root --keystone-group root
    keystone-manage $k credential_setup --keystone-user root --keystone-group root
    keystone-manage $k bootstrap --bootstrap-password "$PW" --bootstrap-region-id "$REGION" \
      --bootstrap-admin-url "$KS" --bootstrap-internal-url "$KS" --bootstrap-public-url "$KS"
    $PY -c "$(python_main glance-manage glance.cmd.manage)" --config-file "$ETC/glance/glance-api.conf" db_sync
    placement-manage --config-file "$ETC/placement/placement.conf" db sync
    nova-manage $n api_db sync
    nova-manage $n cell_v2 map_cell0 --database_connection "$DB/${ID}_nova_cell0"
    nova-manage $n cell_v2 list_cells | grep -q ' cell1 ' || nova-manage $n cell_v2 create_cell --name cell1
    nova-manage $n db sync
    $PY -c "$(python_main neutron-db-manage neutron.db.migration.cli)" \
      --config-file "$ETC/neutron/neutron.conf" upgrade heads
    cinder-manage --config-file "$ETC/cinder/cinder.conf" db sync
  } > "$LOG/init.log" 2>&1 || die "init of $NAME failed; see $LOG/init.log"
  echo "$COMPUTE" > "$R/.compute"
  touch "$R/.initialized"
}

# Each service runs in its own session, so stop can end it with all its workers at once.
launch() { # name command...
  local name=$1
  shift
  setsid nohup "$@" > "$LOG/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

launch_python_main() { # name module args...
  local name=$1 module=$2
  shift 2
  launch "$name" $PY -c "$(python_main "$name" "$module")" "$@"
}

launch_uwsgi() { # name port wsgi-file env
  # "Connection: close": keystoneauth reusing a keep-alive connection to uwsgi's http-socket
  # met "Connection reset by peer".
  launch "$1" uwsgi --plugin python3 --http-socket "127.0.0.1:$2" --wsgi-file "$3" --env "$4" \
    --master --processes 1 --threads 4 --enable-threads --lazy-apps --die-on-term \
    --buffer-size 65535 --need-app --add-header "Connection: close" \
    --hook-master-start "unix_signal:15 gracefully_kill_them_all"
}

share_mount_point() {
  printf '%s' "$(cat "$ETC/cinder/nfs_shares")" | md5sum | cut -d' ' -f1 | sed "s|^|$R/cinder/mnt/|"
}

start() {
  # Configs are rewritten on every start, so a change to this script reaches a running testbed
  # with a `down` and an `up`.
  if [ -f "$R/.initialized" ]; then write_configs; else init; fi
  local mp; mp=$(share_mount_point)
  mkdir -p "$mp"
  mountpoint -q "$mp" || mount --bind "$R/nfs-export" "$mp"
  launch_uwsgi keystone "${PORT[keystone]}" "$R/wsgi/keystone.py" "OS_KEYSTONE_CONFIG_DIR=$ETC/keystone"
  launch_uwsgi placement "${PORT[placement]}" "$R/wsgi/placement.py" "OS_PLACEMENT_CONFIG_DIR=$ETC/placement"
  # nova-compute and nova-scheduler exit at once when their service user is missing: register
  # the catalog and the users before starting them.
  wait_for 180 "Keystone of $NAME" curl -sf "$KS"
  $PY "$TESTBED_LIB/register.py" "$KS" "$PW" "$REGION" "$OFF" > "$LOG/register.log" 2>&1 \
    || die "registering the catalog of $NAME failed; see $LOG/register.log"
  local n="--config-file $ETC/nova/nova.conf" c="--config-file $ETC/cinder/cinder.conf"
  launch_python_main glance-api glance.cmd.api --config-file "$ETC/glance/glance-api.conf"
  launch_python_main nova-api nova.cmd.api $n
  launch_python_main nova-conductor nova.cmd.conductor $n
  launch_python_main nova-scheduler nova.cmd.scheduler $n
  if [ "$COMPUTE" = libvirt ]; then
    "$TESTBED_LIB/libvirt.sh" start
    PATH=$TESTBED_LIB/nova-path:$PATH launch_python_main nova-compute nova.cmd.compute $n
  else
    launch_python_main nova-compute nova.cmd.compute $n
  fi
  # ML2 loads mechanism drivers by entry point only: neutron-noop/ holds a dist-info for ours.
  PYTHONPATH=$TESTBED_LIB/neutron-noop launch_python_main neutron-server neutron.cmd.eventlet.server \
    --config-file "$ETC/neutron/neutron.conf"
  launch_python_main cinder-api cinder.cmd.api $c
  launch_python_main cinder-scheduler cinder.cmd.scheduler $c
  launch_python_main cinder-volume cinder.cmd.volume $c
  wait_ready
}

wait_ready() {
  local api
  for api in glance placement nova neutron cinder; do
    wait_for 180 "$api API of $NAME" http_answers "http://127.0.0.1:${PORT[$api]}/"
  done
  $PY "$TESTBED_LIB/ready.py" "$NAME" "$ETC/nova/nova.conf" || die "$NAME did not become ready; see $LOG/"
}

running() { # true when every service of this cloud is alive
  local s
  for s in "${SERVICES[@]}"; do pid_alive "$RUN/$s.pid" || return 1; done
}

stop() {
  # Guests outlive nova-compute and libvirtd. Their definitions stay: nova-compute starts them
  # again (resume_guests_state_on_host_boot).
  "$TESTBED_LIB/libvirt.sh" destroy "$ID-inst-"
  local f pid pids=()
  for f in "$RUN"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); rm -f "$f"
    kill -0 "$pid" 2>/dev/null || continue
    pids+=("$pid")
    kill -TERM -- "-$pid" 2>/dev/null || true
    pkill -TERM -s "$pid" 2>/dev/null || true # anything of the session outside the group
  done
  local i alive
  for i in $(seq 1 15); do
    alive=0
    for pid in "${pids[@]}"; do pgrep -s "$pid" >/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 1
  done
  # neutron-server sometimes ignores SIGTERM (after RabbitMQ is gone, for one).
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; pkill -KILL -s "$pid" 2>/dev/null || true; done
  local mp
  for mp in "$R"/nova/mnt/*; do while mountpoint -q "$mp" 2>/dev/null; do umount "$mp" || break; done; done
  if [ -f "$ETC/cinder/nfs_shares" ]; then umount "$(share_mount_point)" 2>/dev/null || true; fi
}

status() {
  local s api
  for s in "${SERVICES[@]}"; do
    if pid_alive "$RUN/$s.pid"; then printf '  %-17s running (pid %s)\n' "$s" "$(cat "$RUN/$s.pid")"
    else printf '  %-17s stopped\n' "$s"; fi
  done
  for api in keystone glance placement nova neutron cinder; do
    if http_answers "http://127.0.0.1:${PORT[$api]}/"; then printf '  %-17s answers on port %s\n' "$api API" "${PORT[$api]}"
    else printf '  %-17s no answer on port %s\n' "$api API" "${PORT[$api]}"; fi
  done
}

case "$CMD" in
  init) init ;;
  start) if running; then wait_ready; else stop; start; fi ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 init|start|stop|status NAME" >&2; exit 2 ;;
esac
