"""Run a command against a private, throw-away PostgreSQL 15 server.

    python tools/throwaway_postgres.py -- pytest ...

The server lives in a temporary folder, listens only on a unix socket there (no
port, so it never clashes with another server), and is stopped and removed
afterwards. DATABASE_URL points the command at it. As root the server runs as the
`postgres` user, since PostgreSQL refuses to run as root; its programs start in the
temporary folder, which that user can read (root's home folder it cannot).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

BIN = Path(os.environ.get("GNV_PG_BIN", "/usr/lib/postgresql/15/bin"))


def as_server_user(args):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def main(argv):
    if "--" not in argv:
        print("usage: throwaway_postgres.py -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    command = argv[argv.index("--") + 1 :]
    if not (BIN / "initdb").exists():
        print(f"PostgreSQL 15 saknas ({BIN}/initdb). Kör `make install-test`.", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="gnv-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    try:
        subprocess.run(
            as_server_user([str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "gnv", "-E", "UTF8",
                            "--locale=C.UTF-8"]),
            check=True, stdout=subprocess.DEVNULL, cwd=folder,
        )
        # A throw-away server need not survive a crash: skip the disk flushes.
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            as_server_user([str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                            "-w", "start"]),
            check=True, stdout=subprocess.DEVNULL, cwd=folder,
        )
        env = dict(os.environ, DATABASE_URL=f"postgres://gnv@{quote(str(folder), safe='')}/postgres")
        print(f"PostgreSQL (tillfällig server) i {folder}", flush=True)
        return subprocess.run(command, env=env).returncode
    finally:
        subprocess.run(as_server_user([str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
