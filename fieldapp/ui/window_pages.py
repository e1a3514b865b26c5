"""The main window's field views, each built the first time its tab is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.live import Liveness
from fieldapp.ui.session import JobSession


def occupation_page(session: JobSession, adapter: DeviceAdapter) -> QWidget:
    from fieldapp.ui.occupation_view import OccupationView

    view = OccupationView(session, adapter)
    tell_liveness(view, adapter.liveness())
    return view


def installation_page(session: JobSession, adapter: DeviceAdapter) -> QWidget:
    from fieldapp.ui.installation_view import InstallationView

    return InstallationView(session, adapter)


def maintenance_page(
    session: JobSession, adapter: DeviceAdapter, today: Callable[[], dt.date]
) -> QWidget:
    from fieldapp.ui.maintenance_view import MaintenanceView

    return MaintenanceView(session, today, adapter=adapter)


def planning_page(session: JobSession, dark: bool) -> QWidget:
    from fieldapp.ui.planning_view import PlanningView

    return PlanningView(session, dark=dark)


def stakeout_page(session: JobSession, adapter: DeviceAdapter) -> QWidget:
    from fieldapp.ui.stakeout_view import StakeoutView

    view = StakeoutView(session)
    view.update_fix(adapter.latest_fix)  # built late: start from the epoch already here
    tell_liveness(view, adapter.liveness())  # ... and never in colour when that epoch is old
    return view


def tell_liveness(view: QWidget, state: Liveness) -> None:
    # set_liveness is the contract of every view with live readouts (stake-out, occupation).
    set_liveness = getattr(view, "set_liveness", None)
    if set_liveness is not None:
        set_liveness(state)


def control_page(session: JobSession, adapter: DeviceAdapter) -> QWidget:
    from fieldapp.ui.control_view import ControlView

    return ControlView(session, adapter)


def outbox_page(session: JobSession) -> QWidget:
    from fieldapp.ui.outbox_view import OutboxView

    return OutboxView(session)


def documents_page(session: JobSession) -> QWidget:
    from fieldapp.ui.documents_view import DocumentsView

    return DocumentsView(session)
