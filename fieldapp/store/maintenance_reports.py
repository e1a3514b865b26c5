"""The laporan pemeliharaan built as final: one row each, which the compliance calendar reads."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.store.audit import log_change
from fieldapp.store.database import JobDatabase
from fieldapp.store.records import now_iso


@dataclass(frozen=True, slots=True)
class MaintenanceReportRecord:
    id: int
    period: str  # YYYY-H1 | YYYY-H2
    file_name: str
    document_sha256: str
    draft: bool
    built_at: str


def record_maintenance_report(
    db: JobDatabase, period: str, file_name: str, document_sha256: str, draft: bool = False
) -> MaintenanceReportRecord:
    """Store one build with its change_log entry, in one transaction."""
    at = now_iso()
    with db.atomic():
        cur = db.execute(
            "INSERT INTO maintenance_report (period, file_name, document_sha256, draft, built_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [period, file_name, document_sha256, int(draft), at],
        )
        row_id = int(cur.lastrowid or 0)
        log_change(db, None, "maintenance_report", row_id, "insert",
                   {"period": period, "file_name": file_name, "sha256": document_sha256,
                    "draft": draft})  # fmt: skip
    return MaintenanceReportRecord(row_id, period, file_name, document_sha256, draft, at)


def load_maintenance_reports(db: JobDatabase) -> list[MaintenanceReportRecord]:
    rows = db.execute(
        "SELECT id, period, file_name, document_sha256, draft, built_at FROM maintenance_report"
        " ORDER BY id"
    ).fetchall()
    return [MaintenanceReportRecord(int(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4]),
                                    str(r[5])) for r in rows]  # fmt: skip
