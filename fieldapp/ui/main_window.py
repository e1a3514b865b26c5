"""Main window: job open/create, recent jobs, side lists, map, GNSS panel and the field views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import ellipse_outline, nearest_marker, to_grid
from fieldapp.gnss.fix import Fix
from fieldapp.gnss.link import LinkState, LinkStatus
from fieldapp.store import JobFileError, JobStore, SchemaTooNewError
from fieldapp.survey.models import MarkerStatus
from fieldapp.ui import texts, window_pages
from fieldapp.ui.app import (
    apply_theme,
    current_language,
    install_language,
    is_dark,
    settings,
    theme_colour_swap,
)
from fieldapp.ui.background_panel import MapBackgrounds
from fieldapp.ui.device_adapter import DeviceAdapter
from fieldapp.ui.device_dialog import (
    DeviceChoice,
    DeviceDialog,
    chosen_ntrip_profile,
    make_source,
)
from fieldapp.ui.errors import error_text
from fieldapp.ui.gnss_panel import GnssPanel
from fieldapp.ui.lazy import LazyPage
from fieldapp.ui.live import Liveness, age_text, stale_text
from fieldapp.ui.map_view import MapView
from fieldapp.ui.read_only import ReadOnlyRefusals
from fieldapp.ui.recent_jobs import recent_jobs, remember_job, remember_marker, remembered_marker
from fieldapp.ui.retranslate import restyle_tree, retranslate_tree, translate_text
from fieldapp.ui.scrolling import SidePanel
from fieldapp.ui.session import JobSession
from fieldapp.ui.status_strip import StatusStrip
from fieldapp.ui.toolbar import MainToolbar

if TYPE_CHECKING:
    from fieldapp.ui.calendar_dialog import CalendarDialog
    from fieldapp.ui.control_view import ControlView
    from fieldapp.ui.documents_view import DocumentsView
    from fieldapp.ui.installation_view import InstallationView
    from fieldapp.ui.maintenance_view import MaintenanceView
    from fieldapp.ui.occupation_view import OccupationView
    from fieldapp.ui.outbox_view import OutboxView
    from fieldapp.ui.planning_view import PlanningView
    from fieldapp.ui.stakeout_view import StakeoutView

REDRAW_MS = 100  # 10 Hz at most, whatever the receiver rate
OUTBOX_START_MS = 1500


class MainWindow(QMainWindow):
    """Holds one JobSession and one DeviceAdapter; views are rebuilt when a job opens."""

    def __init__(self, adapter: DeviceAdapter | None = None) -> None:
        super().__init__()
        self.read_only_refusals = ReadOnlyRefusals(self.message)
        self.setWindowTitle("fieldapp")
        self.adapter = adapter or DeviceAdapter(self)
        self.session: JobSession | None = None
        # Today's date for the compliance calendar and the maintenance view (tests fix it).
        self.today: Callable[[], dt.date] = dt.date.today
        self.calendar_dialog: CalendarDialog | None = None
        self._drawn: Fix | None = None
        self._strip_fix: Fix | None = None
        self._told: dict[str, tuple[object, ...]] = {}  # per view, the liveness it was last told
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self._build_toolbar()
        self._build_status_strip()
        self.link_label = QLabel()
        self.statusBar().addPermanentWidget(self.link_label)
        self.adapter.status_changed.connect(self._on_link_status)
        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.timer.start()
        self._show_empty()

    # -- chrome ----------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        slots = {
            "open": self.choose_job,
            "new": self.new_job,
            "receiver": self.setup_device,
            "connect": self.connect_device,
            "disconnect": self.adapter.disconnect_device,
            "theme": self.toggle_theme,
            "language": self.toggle_language,
            "calendar": self.show_calendar,
        }
        self.toolbar = MainToolbar(slots, self._fill_recent, self)
        self.addToolBar(self.toolbar)
        self.actions_ = self.toolbar.actions_
        self.connect_action = self.actions_["connect"]

    def _build_status_strip(self) -> None:
        """The status strip in its own bottom bar: under every tab, above the status bar."""
        bar = QToolBar(self.tr("GNSS status"))
        bar.setObjectName("statusStripBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)  # it cannot be hidden by mistake
        bar.setStyleSheet("QToolBar { border: none; padding: 0; spacing: 0; }")
        self.strip = StatusStrip()
        bar.addWidget(self.strip)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        self.strip_bar = bar

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for path in recent_jobs():
            a = menu.addAction(path)
            a.triggered.connect(lambda _c=False, p=path: self.open_job(Path(p)))

    def _show_empty(self) -> None:
        self.tabs.clear()
        hint = QLabel(self.tr("Open a job or create a new one (toolbar above)."))
        hint.setProperty("role", "big")
        self.tabs.addTab(hint, self.tr("Start"))

    def message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    # -- jobs ------------------------------------------------------------------------
    def choose_job(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open job (*.fieldapp folder)"))
        if path:
            self.open_job(Path(path))

    def new_job(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new job"))
        if not folder:
            return
        name, ok = QInputDialog.getText(self, self.tr("New job"), self.tr("Job name (WIUP)"))
        if not ok or not name.strip():
            return
        try:
            store = JobStore.create(Path(folder) / f"{name.strip()}.fieldapp", name.strip())
        except (JobFileError, OSError) as exc:
            QMessageBox.warning(self, self.tr("New job"), error_text(exc))
            return
        self.set_store(store)

    def open_job(self, path: Path) -> bool:
        try:
            store = JobStore.open(path)
        except (JobFileError, SchemaTooNewError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Open job"), error_text(exc))
            return False
        self.set_store(store)
        return True

    def set_store(self, store: JobStore) -> None:
        self.close_job()
        session = JobSession(store, self)
        self.session = session
        self._drawn = None
        self._told = {}
        last = remembered_marker(store.path)
        if last:
            session.select(last)  # ignored when the marker is gone
        remember_job(store.path)
        title = f"fieldapp – {store.path.name}"
        if store.read_only:
            # A job on a CD or a write-protected stick: shown, never written (store.jobfile).
            title += " – " + self.tr("read-only")
            self.message(error_text(store.read_only_error()))
        self.setWindowTitle(title)
        session.message.connect(self.message)
        dark = is_dark()
        self.map = MapView(dark=dark)
        self.gnss = GnssPanel()
        # Built when their tab is first shown (or asked for): the total-station link, the
        # occupation writer, photos, camera, a second map, the planner and the sync client
        # stay out of start-up; the window shows the map first.
        adapter = self.adapter
        self.stakeout_page = LazyPage(lambda: window_pages.stakeout_page(session, adapter))
        self.occupation_page = LazyPage(lambda: window_pages.occupation_page(session, adapter))
        self.installation_page = LazyPage(lambda: window_pages.installation_page(session, adapter))
        self.maintenance_page = LazyPage(
            lambda: window_pages.maintenance_page(session, adapter, self.today)
        )
        self.planning_page = LazyPage(lambda: window_pages.planning_page(session, is_dark()))
        self.documents_page = LazyPage(lambda: window_pages.documents_page(session))
        self.control_page = LazyPage(lambda: window_pages.control_page(session, adapter))
        self.outbox_page = LazyPage(lambda: window_pages.outbox_page(session))
        self.tabs.clear()
        pages = [self._map_page(), self.stakeout_page, self.occupation_page,
                 self.installation_page, self.maintenance_page, self.planning_page,
                 self.control_page, self.outbox_page, self.documents_page]  # fmt: skip
        for page, title in zip(pages, self._tab_titles(), strict=True):
            self.tabs.addTab(page, title)
        self.map.set_layers(session.layers)
        self.map.set_target(session.selected)
        self.map_backgrounds = MapBackgrounds(self.map, store, self)
        self.map_backgrounds.told.connect(self.message)
        self.map.marker_clicked.connect(session.select)
        self.map.map_clicked.connect(self._map_clicked)
        session.layers_changed.connect(self._layers_changed)
        session.marker_selected.connect(self.map.set_target)
        self._fill_lists()
        self.gnss.show_status(self.adapter.status, self.adapter.raw_logging)
        self.gnss.show_corrections(self.adapter.corrections)
        self.adapter.corrections_changed.connect(self.gnss.show_corrections)
        # Automatic sending lives in the outbox view: start it once the window is up. The
        # page is the timer's context, so a job closed before then cancels it.
        QTimer.singleShot(OUTBOX_START_MS, self.outbox_page, self.outbox_page.view)
        # Once the window is drawn: overdue and near dates, when there are any (calendar_dialog).
        QTimer.singleShot(OUTBOX_START_MS, self.outbox_page, self._calendar_on_open)

    @property
    def stakeout(self) -> StakeoutView:
        """The stake-out view of the open job, built on first use."""
        return cast("StakeoutView", self.stakeout_page.view())

    @property
    def outbox(self) -> OutboxView:
        """The outbox (Kirim) view of the open job, built on first use."""
        return cast("OutboxView", self.outbox_page.view())

    @property
    def occupation(self) -> OccupationView:
        """The occupation view of the open job, built on first use."""
        return cast("OccupationView", self.occupation_page.view())

    @property
    def installation(self) -> InstallationView:
        """The installation view of the open job, built on first use."""
        return cast("InstallationView", self.installation_page.view())

    @property
    def documents(self) -> DocumentsView:
        """The Dokumen view of the open job (builds, printing, print log), built on first use."""
        return cast("DocumentsView", self.documents_page.view())

    @property
    def control(self) -> ControlView:
        """The Kontrol view (static sessions, raw logging, baselines), built on first use."""
        return cast("ControlView", self.control_page.view())

    @property
    def maintenance(self) -> MaintenanceView:
        """The Pemeliharaan view (markers' latest inspections, history), built on first use."""
        return cast("MaintenanceView", self.maintenance_page.view())

    def _calendar_on_open(self) -> None:
        from fieldapp.ui.calendar_dialog import show_on_open

        if self.session is not None:
            self.calendar_dialog = show_on_open(self.session, self.today(), self)

    def show_calendar(self) -> CalendarDialog | None:
        """The compliance calendar of the open job (More > Compliance calendar)."""
        from fieldapp.ui.calendar_dialog import CalendarDialog

        if self.session is None:
            self.message(self.tr("Open a job first."))
            return None
        shown = self.calendar_dialog
        if shown is not None and shiboken6.isValid(shown) and shown.isVisible():
            shown.refresh()
            shown.raise_()
            return shown
        dialog = CalendarDialog(self.session, self.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.calendar_dialog = dialog
        return dialog

    @property
    def planning(self) -> PlanningView:
        """The planning view of the open job, built on first use."""
        return cast("PlanningView", self.planning_page.view())

    def close_job(self) -> None:
        if self.session is None:
            return
        if self.occupation_page.built and self.occupation.running:
            self.occupation.stop(wait=True)  # the writer thread commits the result first
        if self.outbox_page.built:
            self.outbox.shutdown()  # cancel a push before the job closes
        if self.stakeout_page.built:
            self.stakeout.shutdown()  # release the total station's port
        if self.control_page.built:
            self.control.shutdown()  # close the raw file whole, stop a baseline run
        if self.calendar_dialog is not None and shiboken6.isValid(self.calendar_dialog):
            self.calendar_dialog.close()  # it reads the job's database
            self.calendar_dialog.deleteLater()
        self.calendar_dialog = None
        self.adapter.disconnect_device()
        self.map_backgrounds.close()  # the tile workers stop before the files close
        remember_marker(self.session.path, self.session.selected)
        # Tabs go before the store closes: clearing them shows each page in turn, and a page
        # may read the job when shown (the outbox does).
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self._show_empty()
        for page in pages:  # removed tabs stay children of the tab widget until deleted
            page.deleteLater()
        self.session.close()
        self.session = None

    def _map_page(self) -> QWidget:
        # One list at a time, chosen in a drop-down: three tab titles do not fit the narrow
        # side of a 1024 px screen in Indonesian ("Tanda Batas", "Titik Batas", "Kontrol").
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        self.list_choice = QComboBox()
        lists = QStackedWidget()
        self.boundary_list = QListWidget()
        self.marker_tree = QTreeWidget()
        self.marker_tree.setHeaderHidden(True)
        self.marker_tree.setIndentation(14)  # the status title keeps its count in view
        self.marker_tree.itemClicked.connect(self._tree_clicked)
        self.control_list = QListWidget()
        for widget, title in (
            (self.marker_tree, self.tr("Markers")),
            (self.boundary_list, self.tr("Boundary")),
            (self.control_list, self.tr("Control")),
        ):
            lists.addWidget(widget)
            self.list_choice.addItem(title)
        self.list_choice.currentIndexChanged.connect(lists.setCurrentIndex)
        sv.addWidget(self.list_choice)
        sv.addWidget(lists, 1)
        inner = QWidget()
        rv = QVBoxLayout(inner)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.gnss)
        rv.addStretch(1)
        # The side panels scroll and fold away (drag the splitter handle to the edge): on a
        # 1024 px tablet the map keeps most of the width.
        right = SidePanel(inner)
        split = self.map_split = QSplitter()
        split.addWidget(side)
        split.addWidget(self.map)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setHandleWidth(12)
        for i in range(3):
            split.setCollapsible(i, i != 1)
        split.setSizes([200, 500, 320])  # at 1024 px; a wider window widens the map
        return split

    def _fill_lists(self) -> None:
        assert self.session is not None
        layers = self.session.layers
        self.boundary_list.clear()
        self.boundary_list.addItems([self.tr("Point {0}").format(b.name) for b in layers.boundary])
        self.control_list.clear()
        self.control_list.addItems([f"{c.name} ({c.kind})" for c in layers.control])
        self.marker_tree.clear()
        for status in MarkerStatus:
            members = [m for m in layers.markers if m.status == status.value]
            top = QTreeWidgetItem([f"{texts.marker_status(status.value)} ({len(members)})"])
            self.marker_tree.addTopLevelItem(top)
            for m in members:
                top.addChild(QTreeWidgetItem([m.name]))
            top.setExpanded(True)

    def _tree_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        if item.parent() is not None and self.session:
            self.session.select(item.text(0))

    def _map_clicked(self, e: float, n: float) -> None:
        if self.session is None:
            return
        name = nearest_marker(self.session.layers, e, n)
        if name:
            self.session.select(name)

    def _layers_changed(self) -> None:
        if self.session:
            self.map.set_layers(self.session.layers, fit=False)
            self._fill_lists()

    # -- devices ---------------------------------------------------------------------
    def setup_device(self) -> None:
        fix = self.adapter.latest_fix
        here = (fix.lat, fix.lon) if fix and fix.lat is not None and fix.lon is not None else None
        if DeviceDialog(self, position=here).exec():
            self.connect_device()

    def connect_device(self) -> bool:
        near = None
        if self.session and self.session.layers.markers:
            m = self.session.layers.markers[0]
            near = (m.lat - 0.0003, m.lon - 0.0003)
        try:
            choice = DeviceChoice.load()
            source = make_source(choice, near)
        except (ValueError, OSError) as exc:
            self.message(self.tr("Cannot connect: {0}").format(error_text(exc)))
            return False
        store = self.session.store if self.session else None
        raw = store.raw_dir if store is not None and not store.read_only else None
        self.adapter.connect_source(source, raw_dir=raw, ntrip=chosen_ntrip_profile(choice))
        return True

    def _on_link_status(self, status: LinkStatus) -> None:
        self.link_label.setText(f"GNSS: {texts.link_state(status.state)}")
        self.strip.show_link(status.state)
        if status.state in (LinkState.LOST, LinkState.STALE):
            self.message(error_text(status.reason))
        if self.session:
            self.gnss.show_status(status, self.adapter.raw_logging)

    def redraw(self) -> None:
        """Timer slot: the liveness every tick, the latest epoch once, whatever came between.

        Staleness happens precisely when nothing arrives, so the age is computed on every tick;
        the widgets restyle only when it crosses the stale time or the link goes.
        """
        state = self.adapter.liveness()
        fix = self.adapter.latest_fix
        self.strip.show_liveness(state)
        if fix is not self._strip_fix:
            self._strip_fix = fix
            self.strip.show_fix(fix)
        new_fix = fix is not self._drawn
        if self.session is None:
            return
        self._drawn = fix
        self.gnss.show_liveness(state)
        if state.live:  # colours come back with the epoch drawn next
            self._tell_views(state)
        if new_fix:
            self._draw_fix(fix)
        self.map.set_position_live(state.live, age_text(state) if state.live else stale_text(state))
        if not state.live:  # grey wins over whatever was just drawn
            self._tell_views(state)

    def _tell_views(self, state: Liveness) -> None:
        """set_liveness on the built stake-out and occupation views when what they show changes."""
        age = None if state.age_s is None else int(state.age_s)
        key = (state.live, state.link_up, state.since, age)
        pages = {"stakeout": self.stakeout_page, "occupation": self.occupation_page}
        for name, page in pages.items():
            if page.built and self._told.get(name) != key:
                self._told[name] = key
                window_pages.tell_liveness(page.view(), state)

    def _draw_fix(self, fix: Fix | None) -> None:
        assert self.session is not None
        self.gnss.show_fix(fix)
        if fix is not None and fix.lat is not None and fix.lon is not None:
            e, n = to_grid(self.session.layers.grid, fix.lat, fix.lon)
            ell = None
            if fix.ellipse is not None:
                x = fix.ellipse
                ell = ellipse_outline(e, n, x.semi_major_m, x.semi_minor_m, x.orientation_deg)
            elif fix.sigma_horizontal is not None:
                s = fix.sigma_horizontal
                ell = ellipse_outline(e, n, s, s, 0.0)
            self.map.set_position(e, n, ell)
        if self.stakeout_page.built:
            self.stakeout.update_fix(fix)

    # -- preferences: switched live, nothing reopened ---------------------------------
    def toggle_language(self) -> None:
        self.set_language("en" if current_language() == "id" else "id")

    def set_language(self, lang: str) -> None:
        """Install ``lang`` and re-set every text shown; running work is not touched."""
        old = current_language()
        settings().setValue("ui/language", lang)
        app = QApplication.instance()
        if app is not None:
            install_language(app, lang)
            # Qt posts LanguageChange to the windows: deliver it now, so views that reword
            # themselves on it (occupation, installation) are done before the walk below.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.retranslate(old)

    def retranslate(self, old: str | None = None) -> None:
        """Every text of the window in the language now installed (``old``: the one before)."""
        old = old or ("en" if current_language() == "id" else "id")
        central = self.centralWidget()
        if central is not None:
            retranslate_tree(central, old)  # views with retranslate() re-set their own texts
        self.toolbar.retranslate()
        for i, text in enumerate(self._tab_titles()):
            if i < self.tabs.count():
                self.tabs.setTabText(i, text)
        if self.session is not None:
            self._fill_lists()
        self.statusBar().clearMessage()  # a message in the old language would linger
        # Live texts formatted from the data (link state, fix words) are formatted again now,
        # not at the next change of state.
        if self.adapter.status is not None:
            self._on_link_status(self.adapter.status)
        else:
            self.link_label.setText(translate_text(self.link_label.text(), old))
        self._drawn = self._strip_fix = None
        self.redraw()

    def _tab_titles(self) -> list[str]:
        if self.session is None:
            return [self.tr("Start")]
        return [
            self.tr("Map"),
            self.tr("Stake-out"),
            self.tr("Occupation"),
            self.tr("Installation"),
            self.tr("Maintenance"),
            self.tr("Planning"),
            self.tr("Control"),
            self.tr("Outbox"),
            self.tr("Documents"),
        ]

    def toggle_theme(self) -> None:
        self.set_theme("light" if is_dark() else "dark")

    def set_theme(self, theme: str) -> None:
        """Re-style in place: the job stays open, links and occupations keep running."""
        settings().setValue("ui/theme", theme)
        dark = theme == "dark"
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        for widget in self.findChildren(QWidget):
            set_dark = getattr(widget, "set_dark", None)
            if callable(set_dark):
                set_dark(dark)  # views that bake colours when built (the maps)
        restyle_tree(self, theme_colour_swap(dark))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.read_only_refusals.remove()
        self.timer.stop()
        self.close_job()
        super().closeEvent(event)
