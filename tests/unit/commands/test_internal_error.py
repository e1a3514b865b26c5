"""An unforeseen error ends in one line and a crash log, never a traceback on the console."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.commands import job as job_command


def test_unforeseen_error_is_one_line_and_a_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))

    def broken(path: object) -> object:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(job_command, "open_job", broken)
    code = cli.main(["job", "show", str(tmp_path / "x.fieldapp")])

    err = capsys.readouterr().err
    assert code == cli.INTERNAL_ERROR_EXIT
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "ZeroDivisionError: division by zero" in err
    logs = list((tmp_path / "home" / "crash").glob("fieldapp-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in err
    saved = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in saved
    assert "'job', 'show'" in saved
