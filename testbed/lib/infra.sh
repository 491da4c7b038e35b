#!/bin/bash
# The infrastructure both clouds share: one MariaDB and one RabbitMQ, on 127.0.0.1 only.
# Usage: infra.sh start|stop|status
# A MariaDB or RabbitMQ that already answers (started by someone else) is used as it is and
# left running by stop: stop only ends what start started, by PID.
set -euo pipefail
source "$(dirname "$0")/common.sh"
RUN=$TESTBED_STATE/run LOG=$TESTBED_STATE/log

mariadb_answers() { mariadb -uroot -e 'select 1'; }
rabbit_answers() { rabbitmqctl -q status; }

start_mariadb() {
  mariadb_answers >/dev/null 2>&1 && return 0
  cat > /etc/mysql/mariadb.conf.d/99-skylift-testbed.cnf <<CNF
[mysqld]
bind-address = 127.0.0.1
skip-name-resolve
max_connections = 1000
innodb_buffer_pool_size = 128M
innodb_flush_log_at_trx_commit = 2
innodb_doublewrite = 0
sync_binlog = 0
performance_schema = off
CNF
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql >/dev/null
  setsid nohup /usr/sbin/mariadbd --user=mysql > "$LOG/mariadb.log" 2>&1 < /dev/null &
  echo $! > "$RUN/mariadb.pid"
}

start_rabbit() {
  rabbit_answers >/dev/null 2>&1 && return 0
  # The server wrapper drops the environment; this file is read by the server and rabbitmqctl.
  cat > /etc/rabbitmq/rabbitmq-env.conf <<ENV
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
ENV
  setsid nohup /usr/sbin/rabbitmq-server > "$LOG/rabbitmq.log" 2>&1 < /dev/null &
  echo $! > "$RUN/rabbitmq.pid"
}

start() {
  mkdir -p "$RUN" "$LOG"
  start_mariadb
  start_rabbit
  wait_for 120 "MariaDB" mariadb_answers
  mariadb -uroot -e "CREATE USER IF NOT EXISTS 'os'@'127.0.0.1' IDENTIFIED BY '$TESTBED_PASSWORD';
                     CREATE USER IF NOT EXISTS 'os'@'localhost' IDENTIFIED BY '$TESTBED_PASSWORD';"
  wait_for 120 "RabbitMQ" rabbit_answers
  rabbitmqctl -q list_users | grep -q '^os\b' || rabbitmqctl -q add_user os "$TESTBED_PASSWORD" >/dev/null
}

stop() {
  # The recorded RabbitMQ PID is only its wrapper: stop the Erlang node itself, then epmd.
  if [ -f "$RUN/rabbitmq.pid" ]; then
    rabbitmqctl -q stop >/dev/null 2>&1 || true
    epmd -kill >/dev/null 2>&1 || true
    kill -- "-$(cat "$RUN/rabbitmq.pid")" 2>/dev/null || true
    rm -f "$RUN/rabbitmq.pid"
  fi
  if [ -f "$RUN/mariadb.pid" ]; then
    local pid; pid=$(cat "$RUN/mariadb.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$RUN/mariadb.pid"
  fi
}

status() {
  local s
  for s in mariadb rabbitmq; do
    if pid_alive "$RUN/$s.pid"; then printf '%-10s running (pid %s)\n' $s "$(cat "$RUN/$s.pid")"
    else printf '%-10s not started by the testbed\n' $s; fi
  done
  mariadb_answers >/dev/null 2>&1 && echo "mariadb    answers" || echo "mariadb    does not answer"
  rabbit_answers >/dev/null 2>&1 && echo "rabbitmq   answers" || echo "rabbitmq   does not answer"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
