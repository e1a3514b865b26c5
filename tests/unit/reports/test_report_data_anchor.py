"""Documents of a job that holds only its control survey: placed by a control point, or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.reports.data import load_report_data
from fieldapp.reports.errors import ReportInputError
from fieldapp.store import JobStore
from fieldapp.store import records as rec
from fieldapp.survey.models import ControlKind, ControlPoint


def test_a_control_only_job_takes_its_grid_from_a_control_point(tmp_path: Path) -> None:
    with JobStore.create(tmp_path / "K.fieldapp", "Kontrol saja", crs="SRGI2013") as store:
        with pytest.raises(ReportInputError, match="no WIUP boundary, marker or control point"):
            load_report_data(store)
        bm = ControlPoint("BM-01", ControlKind.BM, -0.52, 116.9, 40.0, "SRGI2013", -0.52, 116.9)
        rec.add_control_points(store.db, [bm])
        data = load_report_data(store)
    assert "50S" in data.grid.name.replace(" ", "")  # UTM zone 50 south, at 116.9 E
