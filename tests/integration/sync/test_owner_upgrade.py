"""An office.sqlite of schema version 2 opens as version 4 with every package's owner."""

from __future__ import annotations

from pathlib import Path

from ownerkit import check_blob_size_conflict, check_upgrade_from_version_2


def test_version_2_office_sqlite_upgrades_with_owners(tmp_path: Path) -> None:
    check_upgrade_from_version_2(f"sqlite:///{tmp_path / 'office.sqlite'}")


def test_blob_declared_at_another_size_is_refused(tmp_path: Path) -> None:
    check_blob_size_conflict(f"sqlite:///{tmp_path / 'office.sqlite'}", tmp_path / "blobs")
