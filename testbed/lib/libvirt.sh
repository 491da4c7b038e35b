#!/bin/bash
# libvirtd for the clouds whose Nova uses the libvirt driver (QEMU with TCG), without systemd:
# one daemon shared by all clouds, unix socket only (no TCP listener), PID file, log in log/.
# Every cloud names its guests with its own prefix (nova.conf instance_name_template ID-inst-).
#   libvirt.sh start            start libvirtd unless one answers already; create the bridge
#   libvirt.sh stop             stop the libvirtd that start started, unless guests still run
#   libvirt.sh status
#   libvirt.sh destroy PREFIX   power off every guest whose name starts with PREFIX
#   libvirt.sh undefine PREFIX  also forget them (down --wipe)
# As with MariaDB: a libvirtd that already answers is used as it is and left running by stop.
set -euo pipefail
source "$(dirname "$0")/common.sh"
RUN=$TESTBED_STATE/run LOG=$TESTBED_STATE/log CONF=$TESTBED_STATE/libvirt/libvirtd.conf
PIDFILE=$RUN/libvirtd.pid
VIRSH=(virsh -q -c qemu:///system)

answers() { "${VIRSH[@]}" version >/dev/null 2>&1; }
guests() { # PREFIX [--all]: names of guests (running ones unless --all) starting with PREFIX
  answers || return 0
  "${VIRSH[@]}" list --name ${2:-} | awk -v p="$1" 'NF && index($0, p) == 1' 
}

start() {
  mkdir -p "$RUN" "$LOG" "$(dirname "$CONF")"
  exec 9> "$RUN/libvirtd.lock"
  flock 9 # both clouds start at once
  if ! answers; then
    # libvirt's QEMU driver resolves its built-in default user (libvirt-qemu) before it reads
    # qemu.conf; Debian's libvirt-daemon-system would create it but brings systemd and polkit.
    getent group libvirt-qemu >/dev/null || addgroup --quiet --system libvirt-qemu
    getent passwd libvirt-qemu >/dev/null || adduser --quiet --system --ingroup libvirt-qemu \
      --no-create-home --home /var/lib/libvirt libvirt-qemu
    # QEMU runs as root without cgroups, MAC or relabelling: nothing of that works (or is
    # needed) without systemd, and the guests' disks belong to root. No private mount
    # namespace per guest either: Nova mounts a volume's share when it attaches the volume, and
    # a running guest's QEMU would not see that mount (the host's mounts are not shared).
    cat > /etc/libvirt/qemu.conf <<'CONF'
# Written by the skylift testbed (testbed/lib/libvirt.sh); changes are overwritten.
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
stdio_handler = "file"
cgroup_controllers = [ ]
namespaces = [ ]
CONF
    cat > "$CONF" <<CONF
unix_sock_group = "root"
unix_sock_ro_perms = "0777"
unix_sock_rw_perms = "0770"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_level = 3
log_outputs = "3:file:$LOG/libvirtd.log"
CONF
    # -d: its own session; no -l: no TCP listener; 9>&-: the daemon must not keep the lock.
    libvirtd -d -f "$CONF" -p "$PIDFILE" 9>&-
    wait_for 30 "libvirtd" answers
  fi
  if ! ip link show "$TESTBED_BRIDGE" >/dev/null 2>&1; then
    ip link add "$TESTBED_BRIDGE" type bridge
  fi
  ip link set "$TESTBED_BRIDGE" up
}

destroy() { # PREFIX
  local g
  for g in $(guests "$1"); do "${VIRSH[@]}" destroy "$g" >/dev/null 2>&1 || true; done
}

undefine() { # PREFIX
  local g
  destroy "$1"
  for g in $(guests "$1" --all); do "${VIRSH[@]}" undefine "$g" >/dev/null 2>&1 || true; done
}

stop() {
  [ -f "$PIDFILE" ] || return 0
  local left; left=$(guests '' | tr '\n' ' ')
  if [ -n "$left" ]; then
    log "libvirtd left running: guests of other clouds run ($left)"
    return 0
  fi
  local pid; pid=$(cat "$PIDFILE")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
  # The bridge goes with the last guest; keep it if anything is still plugged in.
  if ip link show "$TESTBED_BRIDGE" >/dev/null 2>&1 &&
     [ -z "$(ls "/sys/class/net/$TESTBED_BRIDGE/brif" 2>/dev/null)" ]; then
    ip link delete "$TESTBED_BRIDGE"
  fi
}

status() {
  if pid_alive "$PIDFILE"; then printf '%-10s running (pid %s)\n' libvirtd "$(cat "$PIDFILE")"
  else printf '%-10s not started by the testbed\n' libvirtd; fi
  if answers; then echo "libvirtd   answers, $(guests '' | wc -l) guests running"
  else echo "libvirtd   does not answer"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  destroy) destroy "${2:?prefix}" ;;
  undefine) undefine "${2:?prefix}" ;;
  *) echo "usage: $0 start|stop|status|destroy PREFIX|undefine PREFIX" >&2; exit 2 ;;
esac
