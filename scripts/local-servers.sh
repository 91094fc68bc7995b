# Sourced by scripts/test and the benchmarks: makes sure the local PostgreSQL and MariaDB are running.
# Starts them when they are installed but stopped; fails with a clear message when they are missing.

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
maria_up() { mariadb-admin -h 127.0.0.1 -P 3306 -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

ensure_postgres() {
  pg_up && return 0
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    echo "scripts/test: PostgreSQL is not installed (need a server on 127.0.0.1:5432, user root, trust auth)." >&2
    echo "  install it with: apt-get install -y postgresql" >&2
    return 1
  fi
  echo "scripts/test: starting PostgreSQL …" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_up && return 0; sleep 1; done
  echo "scripts/test: PostgreSQL did not come up on 127.0.0.1:5432" >&2
  return 1
}

ensure_mariadb() {
  maria_up && return 0
  if [ ! -x /usr/sbin/mariadbd ] && [ ! -x /usr/sbin/mysqld ]; then
    echo "scripts/test: MariaDB is not installed (need a server on 127.0.0.1:3306, root, empty password)." >&2
    echo "  install it with: apt-get install -y mariadb-server" >&2
    return 1
  fi
  echo "scripts/test: starting MariaDB …" >&2
  local bin=/usr/sbin/mariadbd; [ -x "$bin" ] || bin=/usr/sbin/mysqld
  start-stop-daemon --start --oknodo --background --exec "$bin" || true
  for _ in $(seq 1 30); do maria_up && return 0; sleep 1; done
  echo "scripts/test: MariaDB did not come up on 127.0.0.1:3306" >&2
  return 1
}
