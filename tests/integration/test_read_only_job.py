"""A job on a read-only medium: viewed, validated and reported from; never written, no traceback.

The chmod case makes a real demo job read-only with ``chmod -R a-w`` (POSIX: CI is Linux).
Tests run as root here, and root ignores permission bits through its DAC capabilities, so the
CLI child drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER from its bounding set
before it starts (prctl, Linux only): it stays uid 0 and can still run the interpreter under
/root, but the a-w bits now stop it as they stop a surveyor. Not root, nothing needs dropping.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from fieldapp.cli import main
from fieldapp.store import LATEST_VERSION, JobReadOnlyError, JobStore, migrate, schema_version
from fieldapp.store.database import JobDatabase
from fieldapp.store.jobfile import DB_NAME, JobFileError, read_only_uri, uri_of

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="chmod/prctl: POSIX test tools")

_PR_CAPBSET_DROP = 24
_DAC_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _drop_dac_caps() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``fieldapp ARGS`` in a child to which permission bits apply, even when we are root."""
    env = dict(os.environ, FIELDAPP_HOME=str(home), PYTHONUTF8="1")
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=_drop_dac_caps if os.geteuid() == 0 else None,
    )


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def _make_writable(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)


@pytest.fixture(scope="module")
def ro_job(tmp_path_factory: pytest.TempPathFactory) -> object:
    # A folder name with a space, '#' and '?': the immutable URI must escape all three.
    base = tmp_path_factory.mktemp("ro")
    job = base / "kantor #1 ?salinan" / "demo.fieldapp"
    assert main(["demo", "--export-job", str(job)]) == 0
    subprocess.run(["chmod", "-R", "a-w", str(job)], check=True)
    base.chmod(0o755)  # the unprivileged child reaches the job and the output folders
    yield job
    _make_writable(job)


def _clean_refusal(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr


def test_chmod_job_is_listed_shown_validated_and_reported(ro_job: Path, tmp_path: Path) -> None:
    before = _snapshot(ro_job)
    out = tmp_path / "laporan"
    out.mkdir()
    home = tmp_path / "home"
    for args in (
        ("marker", "list", ro_job),
        ("job", "show", ro_job),
        ("job", "validate", ro_job),
        ("report", "print-log", ro_job),
        ("report", "berita-acara", ro_job, "-o", out / "ba.pdf", "-q"),
        ("report", "deskripsi", ro_job, "-o", out / "deskripsi.pdf", "-q"),
        ("report", "deliverables", ro_job, "-o", out / "paket", "-q"),
    ):
        done = run_unprivileged(*args, home=home)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert "WIUP valid" in run_unprivileged("job", "validate", ro_job, home=home).stdout
    assert (out / "ba.pdf").stat().st_size > 10_000
    assert (out / "paket" / "SHA256SUMS.txt").is_file()
    # Nothing written beside the job: no -wal/-shm, no new folder, no file touched.
    assert _snapshot(ro_job) == before


def test_chmod_job_refuses_every_write_in_one_line(ro_job: Path, tmp_path: Path) -> None:
    before = _snapshot(ro_job)
    home = tmp_path / "home"
    photo = next((ro_job / "photos").iterdir())
    for args in (
        ("report", "signatory", ro_job, "Budi"),
        ("report", "register", ro_job, "12/BA/2026"),
        ("marker", "stake", ro_job, "1", "--lat", "-0.54", "--lon", "116.91"),
        ("marker", "photo", ro_job, "1", photo, "--direction", "utara"),
        ("sync", "seal", ro_job),
    ):
        done = run_unprivileged(*args, home=home)
        _clean_refusal(done, f"job {ro_job} is read-only")
        assert "copy it to a writable folder" in done.stderr
    assert _snapshot(ro_job) == before


def test_chmod_job_prints_only_what_needs_no_log(ro_job: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    ba, desk = tmp_path / "ba.pdf", tmp_path / "deskripsi.pdf"
    assert (
        run_unprivileged("report", "berita-acara", ro_job, "-o", ba, "-q", home=home).returncode
        == 0
    )
    assert (
        run_unprivileged("report", "deskripsi", ro_job, "-o", desk, "-q", home=home).returncode == 0
    )
    # The original is one per Nomor and exists through its print-log entry: refused here.
    done = run_unprivileged("report", "print", ro_job, ba, "-o", tmp_path / "asli.pdf", home=home)
    _clean_refusal(done, "must be logged in the job's print log")
    assert not (tmp_path / "asli.pdf").exists()
    # A document outside the copy rule prints, and says it was not logged.
    done = run_unprivileged("report", "print", ro_job, desk, "-o", tmp_path / "p.pdf", home=home)
    assert done.returncode == 0, done.stderr
    assert "not logged in the print log (the job is read-only)" in done.stderr
    assert (tmp_path / "p.pdf").read_bytes() == desk.read_bytes()


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    job = tmp_path / "a b#c?d" / "demo.fieldapp"
    assert main(["demo", "--export-job", str(job)]) == 0
    return job


def test_immutable_uri_needs_no_wal_and_refuses_writes(demo_copy: Path) -> None:
    for name in ("job.sqlite-wal", "job.sqlite-shm"):
        assert not (demo_copy / name).exists()
    shutil.rmtree(demo_copy / "raw")  # a subfolder a read-only open must not create again
    with JobStore.open(demo_copy, read_only=True) as store:
        assert store.read_only
        assert store.db.execute("PRAGMA query_only").fetchone()[0] == 1
        names = [r["name"] for r in store.db.query("SELECT name FROM marker ORDER BY seq")]
        assert names  # the demo's markers, read through the immutable URI
        refused = pytest.raises(JobReadOnlyError, match="is read-only \\(opened read-only\\)")
        with refused, store.transaction() as db:
            db.execute("UPDATE permit_area SET name = 'x'")
        with pytest.raises(JobReadOnlyError):
            store.db.execute("DELETE FROM marker")
        with pytest.raises(JobReadOnlyError):
            store.db.table("marker").insert({"name": "99"})
        assert not (demo_copy / "job.sqlite-wal").exists()
        assert not (demo_copy / "job.sqlite-shm").exists()
    assert not (demo_copy / "raw").exists()
    with JobStore.open(demo_copy) as store:
        assert (
            not store.read_only
            and len(names) == store.db.execute("SELECT count(*) FROM marker").fetchone()[0]
        )


def test_uri_escapes_spaces_hash_question_and_drive_letters() -> None:
    assert uri_of(PurePosixPath("/media/cd/a b#c?d/job.sqlite")) == (
        "file:///media/cd/a%20b%23c%3Fd/job.sqlite?mode=ro&immutable=1"
    )
    assert uri_of(PureWindowsPath("D:/Kantor #1/Loa Kulu.fieldapp/job.sqlite")) == (
        "file:///D:/Kantor%20%231/Loa%20Kulu.fieldapp/job.sqlite?mode=ro&immutable=1"
    )
    # A network share: SQLite accepts no authority, so the server moves into the path.
    assert uri_of(PureWindowsPath("//srv/share/x#y/job.sqlite")) == (
        "file:////srv/share/x%23y/job.sqlite?mode=ro&immutable=1"
    )
    assert read_only_uri(Path("rel dir/job.sqlite")).startswith("file:///")


def test_older_schema_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    job = tmp_path / "lama.fieldapp"
    job.mkdir()
    conn = sqlite3.connect(job / DB_NAME, isolation_level=None)
    migrate(JobDatabase(conn), target=3)
    conn.execute(
        "INSERT INTO permit_area (id, job_uuid, name, created_at, updated_at) "
        "VALUES (1, 'u', 'WIUP lama', 't', 't')"
    )
    conn.close()
    with JobStore.open(job, read_only=True) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert store.db.execute("SELECT name FROM permit_area").fetchone()[0] == "WIUP lama"
        with pytest.raises(JobReadOnlyError):
            store.db.execute("UPDATE permit_area SET name = 'x'")
    conn = sqlite3.connect(job / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3  # the file is untouched
    conn.close()


def test_unmerged_wal_on_read_only_job_is_refused_in_words(demo_copy: Path) -> None:
    # A job copied while the app had it open carries a -wal file that immutable mode would
    # ignore: showing the job without its last changes would be wrong, so it is refused.
    copy = demo_copy.parent / "salinan.fieldapp"
    writer = sqlite3.connect(demo_copy / DB_NAME, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE permit_area SET name = 'diubah'")
    shutil.copytree(demo_copy, copy)
    writer.close()
    assert (copy / "job.sqlite-wal").stat().st_size > 0
    with pytest.raises(JobFileError, match="holds changes not yet written"):
        JobStore.open(copy, read_only=True)
