"""The compliance calendar of a job (Kalender kepatuhan): overdue in red, the next 30 days, .ics.

Shown by itself when a job opens only if something is overdue or due within PRESSING_DAYS, and
then once a day per job: a reminder the surveyor sees, not one he learns to click away.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.app import settings, text_style
from fieldapp.ui.control_texts import colour
from fieldapp.ui.errors import error_text
from fieldapp.ui.session import JobSession

if TYPE_CHECKING:
    from fieldapp.app.calendar import CalendarItem

PRESSING_DAYS = 30


def pressing(items: Sequence[CalendarItem], today: dt.date) -> list[CalendarItem]:
    """The items that call for the surveyor now: overdue, or due within PRESSING_DAYS.

    A past date that is not overdue (the RKAB window opened in July) asks for nothing.
    """
    horizon = today + dt.timedelta(days=PRESSING_DAYS)
    return [i for i in items if i.overdue or today <= i.date <= horizon]


def _shown_key(job: Path) -> str:
    return "jobs/calendar_shown/" + hashlib.sha1(str(job.resolve()).encode()).hexdigest()[:16]


def shown_today(job: Path, today: dt.date) -> bool:
    return settings().value(_shown_key(job)) == today.isoformat()


def remember_shown(job: Path, today: dt.date) -> None:
    settings().setValue(_shown_key(job), today.isoformat())


def kind_word(kind: str) -> str:
    words = {
        "maintenance_report": QCoreApplication.translate("CalendarTexts", "Maintenance report"),
        "marker_inspection": QCoreApplication.translate("CalendarTexts", "Marker inspection"),
        "kpo_update": QCoreApplication.translate("CalendarTexts", "KPO data update"),
        "rkab_op_opens": QCoreApplication.translate("CalendarTexts", "RKAB window opens"),
        "rkab_op_closes": QCoreApplication.translate("CalendarTexts", "RKAB window closes"),
    }
    return words.get(kind, kind)


class CalendarDialog(QDialog):
    """Lists job_calendar(today): overdue red, due within 30 days amber, later plain."""

    def __init__(self, session: JobSession, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.items: list[CalendarItem] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus frame on the first date
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped text at the width the text column really gets.
        header.sectionResized.connect(self._fit_rows)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.ics_btn = QPushButton()
        self.ics_btn.clicked.connect(lambda: self.export_ics())
        self.close_btn = close = QPushButton()
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ics_btn)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.resize(1000, 540)  # inside a 1024x600 tablet's screen
        self._set_texts()

    def _set_texts(self) -> None:
        self.setWindowTitle(self.tr("Compliance calendar"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("When"), self.tr("What")]
        )  # the marker or juru ukur is named in the text itself
        self.ics_btn.setText(self.tr("Export .ics…"))
        self.close_btn.setText(self.tr("Close"))
        self.refresh()

    def set_dark(self, _dark: bool) -> None:
        """The theme switched: the rows carry colours of their own, set them again."""
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._set_texts()
        super().changeEvent(event)

    def refresh(self) -> None:
        from fieldapp.app.calendar import job_calendar

        if self.session.closed:
            return  # outlived its job (a language or theme change after the job was closed)
        self.items = job_calendar(self.session.store.db, self.today)
        overdue = [i for i in self.items if i.overdue]
        soon = [i for i in pressing(self.items, self.today) if not i.overdue]
        self.heading.setText(
            self.tr("Today {0}: {1} overdue, {2} due within {3} days, {4} later.").format(
                self.today.isoformat(), len(overdue), len(soon), PRESSING_DAYS,
                len(self.items) - len(overdue) - len(soon),
            )
        )  # fmt: skip
        self.heading.setStyleSheet(text_style("bad") if overdue else "")
        self.table.setRowCount(len(self.items))
        horizon = self.today + dt.timedelta(days=PRESSING_DAYS)
        for r, item in enumerate(self.items):
            days = (item.date - self.today).days
            if item.overdue:
                when = self.tr("{0} days overdue").format(-days) if days < 0 else self.tr("overdue")
                meaning: str | None = "bad"
            elif days == 0:
                when, meaning = self.tr("today"), "warn"
            elif days < 0:  # passed, and nothing is owed for it (the RKAB window opened)
                when, meaning = self.tr("{0} days ago").format(-days), None
            else:
                when = self.tr("in {0} days").format(days)
                meaning = "warn" if item.date <= horizon else None
            cells = [item.date.isoformat(), when, item.text]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{kind_word(item.kind)}: {item.text}")
                if meaning is not None:
                    cell.setForeground(colour(meaning))
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()
        if not self.items:
            self.note.setText(self.tr("Nothing due: no date follows from the job's data yet."))

    @Slot()
    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def export_ics(self, path: Path | None = None) -> Path | None:
        """Write the calendar as iCalendar for the office's calendar; the file, or None."""
        if path is None:
            default = self.session.store.documents_dir / f"{self.session.path.stem}-kalender.ics"
            chosen, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export the calendar"), str(default), "iCalendar (*.ics)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        from fieldapp.exchange.ics import calendar_text, write_ics
        from fieldapp.store.records import load_permit_area

        permit = load_permit_area(self.session.store.db)
        text = calendar_text(self.items, job_uuid=permit.job_uuid, job_name=permit.name,
                             stamp=dt.datetime.now(dt.UTC))  # fmt: skip
        try:
            write_ics(path, text)
        except OSError as exc:
            self.note.setText(self.tr("Not exported: {0}").format(error_text(exc)))
            self.note.setStyleSheet(text_style("bad"))
            return None
        self.note.setText(self.tr("Exported to {0}.").format(path))
        self.note.setStyleSheet("")
        return path


def show_on_open(
    session: JobSession, today: dt.date, parent: QWidget | None
) -> CalendarDialog | None:
    """The calendar, non-blocking, when something is pressing and it was not shown today."""
    from fieldapp.app.calendar import job_calendar

    if shown_today(session.path, today):
        return None
    if not pressing(job_calendar(session.store.db, today), today):
        return None
    remember_shown(session.path, today)
    dialog = CalendarDialog(session, today, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog
