"""A real PostgreSQL server for tests: pgserver's bundled binaries, else the system's.

pgserver (dev extra) ships PostgreSQL in a wheel for CPython <= 3.12. Without it, the
system's ``initdb``/``pg_ctl`` (Debian: /usr/lib/postgresql/N/bin) are used; as root the
server runs as the ``postgres`` user, because PostgreSQL refuses to run as root. Set
``FIELDAPP_TEST_POSTGRES=system`` or ``=bundled`` to force one. Either server listens on a
Unix socket in its temp folder only: no TCP port, nothing shared with other test runs.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path
from typing import Any, Protocol


class Postgres(Protocol):
    def uri(self, database: str = "postgres") -> str: ...
    def restart(self) -> None: ...
    def stop(self) -> None: ...


class BundledPostgres:
    """pgserver: initdb and start in ``root``; as root it runs as its own system user."""

    def __init__(self, root: Path) -> None:
        import pgserver

        self._server: Any = pgserver.get_server(root / "pgdata", cleanup_mode="delete")

    def uri(self, database: str = "postgres") -> str:
        return str(self._server.get_uri(database))

    def _pg_ctl(self, *args: str) -> None:
        from pgserver._commands import pg_ctl

        server = self._server
        pg_ctl(["-w", "-m", "fast", *args], pgdata=server.pgdata, user=server.system_user)

    def restart(self) -> None:
        self._pg_ctl("restart")

    def stop(self) -> None:
        # pg_ctl finds the running postmaster from its pid file; pgserver's cleanup only
        # knows the first one and would leave a restarted server running.
        self._pg_ctl("stop")
        self._server.cleanup()


def system_bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return candidates[-1].parent if candidates else None


class SystemPostgres:
    """The distribution's PostgreSQL binaries, with a cluster of our own in ``root``."""

    def __init__(self, root: Path, bindir: Path) -> None:
        self.bindir = bindir
        self.data = root / "data"
        self.socket_dir = root / "sock"
        self._log = str(self.data / "server.log")
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "postgres"  # the Debian package's account; initdb refuses root
            entry = pwd.getpwnam(self.user)
            root.chmod(0o755)
        for folder in (self.data, self.socket_dir):
            folder.mkdir(mode=0o700)
            if self.user is not None:
                os.chown(folder, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self._ctl("start", "-l", self._log, "-o", self._options())

    def _options(self) -> str:
        return f"-h '' -k {self.socket_dir}"

    def _run(self, tool: str, *args: str) -> None:
        # A file, not a pipe: the server pg_ctl starts inherits its output, and a pipe
        # would keep subprocess.run waiting for an EOF that comes only when it stops.
        with (self.data.parent / "tools.log").open("ab") as log:
            subprocess.run(
                [str(self.bindir / tool), *args],
                check=True,
                stdout=log,
                stderr=subprocess.STDOUT,
                user=self.user,
                cwd="/",
                timeout=120,
            )

    def _ctl(self, action: str, *args: str) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "fast", *args, action)

    def uri(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def restart(self) -> None:
        self._ctl("restart", "-l", self._log, "-o", self._options())

    def stop(self) -> None:
        self._ctl("stop")


def start_postgres(root: Path) -> Postgres:
    """A running server, or an AssertionError saying exactly what is missing."""
    choice = os.environ.get("FIELDAPP_TEST_POSTGRES", "")
    if choice != "system":
        try:
            return BundledPostgres(root)
        except ImportError:
            if choice == "bundled":
                raise
    bindir = system_bindir()
    if bindir is None:
        raise AssertionError(
            "no PostgreSQL for the office tests: pgserver is not installed (pip install -e"
            " '.[dev]'; it has wheels for CPython <= 3.12) and no pg_ctl was found on PATH or in"
            " /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        )
    return SystemPostgres(root, bindir)
