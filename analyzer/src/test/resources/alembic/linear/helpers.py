# Not a migration: no revision assignment.
def _is_pg(conn):
    return conn.dialect.name == "postgresql"
