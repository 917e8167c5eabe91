"""Database set-up that Django's settings cannot express."""


def sqlite_wal(sender, connection, **kwargs):
    """WAL lets readers go on while one writer writes, instead of "database is locked".

    The journal mode is kept in the database file; setting it again on each connection is cheap
    and covers a file made before this was added. An in-memory database (tests) stays "memory".
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
