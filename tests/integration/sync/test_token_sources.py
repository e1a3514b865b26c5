"""The device token reaches `fieldapp sync` without the command line: a file, the environment,
or the store the window saved it in; `--token` still works but warns (it shows in `ps`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from probe import assert_clean_refusal, probe
from synckit import Office, run_cli

from fieldapp.sync import secrets

WARNING = "--token shows the token to every user of this machine"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != secrets.TOKEN_ENV}
    env[secrets.BACKEND_ENV] = "file"  # never the developer's own credential store
    env.update(extra)
    return env


def test_token_file_pushes_and_pulls(
    job: Path, office: Office, device_token: str, tmp_path: Path
) -> None:
    token_file = tmp_path / "token dari kantor.txt"
    token_file.write_text(device_token + "\n", encoding="utf-8")
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token-file",
                     str(token_file), env=_env())  # fmt: skip
    assert pushed.returncode == 0, pushed.stderr
    assert "committed package" in pushed.stdout
    assert WARNING not in pushed.stderr and device_token not in " ".join(pushed.args)
    pulled = run_cli("sync", "pull", str(job), "--office", office.url, "--token-file",
                     str(token_file), env=_env())  # fmt: skip
    assert pulled.returncode == 0, pulled.stderr


def test_environment_token_pushes(job: Path, office: Office, device_token: str) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    env = _env(**{secrets.TOKEN_ENV: device_token})
    pushed = run_cli("sync", "push", str(job), "--office", office.url, env=env)
    assert pushed.returncode == 0, pushed.stderr
    assert "committed package" in pushed.stdout and pushed.stderr.strip() == ""


def test_token_saved_by_the_window_is_used(
    job: Path, office: Office, device_token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the office settings box stores (FIELDAPP_HOME is this test's device home).
    monkeypatch.setenv(secrets.BACKEND_ENV, "file")
    secrets.set_secret(secrets.OFFICE_TOKEN, device_token)
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, env=_env())
    assert pushed.returncode == 0, pushed.stderr
    assert "committed package" in pushed.stdout


def test_token_flag_still_works_with_a_warning(
    job: Path, office: Office, device_token: str
) -> None:
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token", device_token,
                     env=_env())  # fmt: skip
    assert pushed.returncode == 0, pushed.stderr
    [line] = pushed.stderr.strip().splitlines()
    assert line.startswith("fieldapp: warning: " + WARNING) and "--token-file" in line


def test_a_wrong_token_from_a_file_is_refused_by_the_office(
    job: Path, office: Office, device_token: str, tmp_path: Path
) -> None:
    token_file = tmp_path / "token.txt"
    token_file.write_text("not-the-token", encoding="utf-8")
    assert run_cli("sync", "seal", str(job)).returncode == 0
    pushed = run_cli("sync", "push", str(job), "--office", office.url, "--token-file",
                     str(token_file), env=_env())  # fmt: skip
    assert pushed.returncode == 1 and "Traceback" not in pushed.stderr


def test_no_token_anywhere_is_one_line(job: Path, tmp_path: Path) -> None:
    done = run_cli("sync", "push", str(job), "--office", "http://127.0.0.1:9", env=_env())
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "fieldapp: no device token: set FIELDAPP_TOKEN, give --token-file FILE, or save it "
        "in the window's office settings"
    ]


def test_bad_token_files_are_refused_naming_the_file(
    job: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(secrets.BACKEND_ENV, "file")  # probe() passes os.environ to the child
    cases = {
        "empty.txt": b"\n\n",
        "two-lines.txt": b"abc\ndef\n",
        "huge.txt": b"a" * 1_000_000,
        "binary.txt": b"\xff\xfe\x00tok",
        "control.txt": b"tok\x1b[31m",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = probe("sync", "pull", job, "--office", "http://127.0.0.1:9", "--token-file", path)
        assert_clean_refusal(result, str(path))
        assert "token file" in result.stderr, result.describe()
    missing = tmp_path / "missing.txt"
    result = probe("sync", "pull", job, "--office", "http://127.0.0.1:9", "--token-file", missing)
    assert_clean_refusal(result, str(missing))
