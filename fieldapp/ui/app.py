"""QApplication setup: outdoor/dark themes, glove-sized targets, translations and settings."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyledItemDelegate,
    QTableView,
)

from fieldapp.resources import resource_path

ORG = "fieldapp"
APP = "fieldapp"
LANGUAGES = ("id", "en")
THEMES = ("light", "dark")
TARGET_PX = 48  # >= 44 px: a gloved finger hits it

_BASE = """
* {{ font-size: {font}pt; }}
QWidget {{ background: {bg}; color: {fg}; }}
QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox, QDoubleSpinBox {{
    min-height: {target}px; padding: 2px 12px; border: 2px solid {border}; border-radius: 6px;
    background: {button};
}}
QPushButton:hover, QToolButton:hover {{ background: {hover}; }}
QPushButton:disabled {{ color: {disabled}; border-color: {disabled}; }}
QPushButton[accent="true"] {{ background: {accent}; color: {accent_fg}; font-weight: bold; }}
QPushButton[accent="true"]:disabled {{ background: {button}; color: {disabled}; }}
QListWidget::item, QTreeWidget::item, QTableWidget::item, QListView::item, QTreeView::item {{
    min-height: {target}px; padding: 2px; }}
QComboBox QAbstractItemView::item {{ min-height: {target}px; }}
QComboBox QAbstractItemView {{ background: {panel}; color: {fg}; }}
*:disabled {{ color: {disabled}; }}
QListWidget, QTreeWidget, QTableWidget, QPlainTextEdit, QTextEdit {{
    border: 1px solid {border}; background: {panel};
}}
QTabBar::tab {{ min-height: {target}px; min-width: {target}px; padding: 4px 10px;
    border: 1px solid {border}; background: {button}; }}
QTabBar QToolButton {{ min-width: {target}px; padding: 0; }}
QToolBar QToolButton {{ padding: 2px 8px; }}
QTabBar::tab:selected {{ background: {accent}; color: {accent_fg}; font-weight: bold; }}
QGroupBox {{ border: 1px solid {border}; margin-top: 18px; font-weight: bold; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 28px; height: 28px;
    border: 2px solid {border}; background: {panel}; }}
QRadioButton::indicator {{ border-radius: 16px; }}
QCheckBox::indicator:checked {{ background: {accent}; image: url("{check}"); }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,
    fx: 0.5, fy: 0.5, stop: 0 {accent}, stop: 0.6 {accent}, stop: 0.65 {panel}, stop: 1 {panel}); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {disabled}; }}
QStatusBar {{ background: {panel}; font-weight: bold; }}
QProgressBar {{ min-height: 28px; border: 1px solid {border}; text-align: center; }}
QProgressBar::chunk {{ background: {accent}; }}
QLabel[role="big"] {{ font-size: {big}pt; font-weight: bold; }}
QLabel[role="huge"] {{ font-size: {huge}pt; font-weight: bold; }}
QLabel[role="caption"] {{ color: {muted}; }}
"""

PALETTES = {
    "light": dict(
        bg="#ffffff", fg="#000000", panel="#f2f2f2", button="#e6e6e6", hover="#d0d0d0",
        border="#202020", disabled="#595959", accent="#0047b3", accent_fg="#ffffff",
        muted="#333333",
    ),
    "dark": dict(
        bg="#111111", fg="#f2f2f2", panel="#1c1c1c", button="#2a2a2a", hover="#3a3a3a",
        border="#9a9a9a", disabled="#a6a6a6", accent="#ffb000", accent_fg="#000000",
        muted="#cccccc",
    ),
}  # fmt: skip


def settings() -> QSettings:
    """Per-machine settings (INI, user scope): language, theme, recent jobs, devices."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def current_language() -> str:
    lang = str(settings().value("ui/language", "id"))
    return lang if lang in LANGUAGES else "id"


def current_theme() -> str:
    theme = str(settings().value("ui/theme", "light"))
    return theme if theme in THEMES else "light"


def stylesheet(theme: str, font_pt: int = 13) -> str:
    colours = PALETTES.get(theme, PALETTES["light"])
    # The tick in the colour that reads on the accent (white on blue, black on amber).
    tick = "black" if theme == "dark" else "white"
    check = resource_path("icons", f"check-{tick}.svg").as_posix()
    sizes = dict(font=font_pt, big=font_pt + 9, huge=font_pt + 23, target=TARGET_PX)
    return _BASE.format(check=check, **sizes, **colours)


class _FingerRows(QProxyStyle):
    """Drop-down rows as tall as any touch target: the style sheet's ``::item`` height needs
    a styled delegate, which QComboBox does not use by default."""

    def polish(self, *args: object) -> None:
        target = args[0] if args else None
        if isinstance(target, QComboBox) and not isinstance(
            target.itemDelegate(), QStyledItemDelegate
        ):
            target.setItemDelegate(QStyledItemDelegate(target))
        elif isinstance(target, QTableView):
            rows = target.verticalHeader()  # table rows take their height from here
            rows.setMinimumSectionSize(TARGET_PX)
            rows.setDefaultSectionSize(TARGET_PX)
        super().polish(*args)  # type: ignore[call-overload]


def apply_theme(app: QApplication, theme: str) -> None:
    if not app.property("fieldapp_rows"):
        app.setProperty("fieldapp_rows", True)
        app.setStyle(_FingerRows())
    app.setProperty("fieldapp_theme", theme)
    app.setStyleSheet(stylesheet(theme))


def is_dark(app: QCoreApplication | None = None) -> bool:
    inst = app or QCoreApplication.instance()
    return inst is not None and inst.property("fieldapp_theme") == "dark"


# Text colours per meaning; the dark theme needs lighter shades to keep the contrast.
TEXT_COLOURS = {
    "good": ("#1b5e20", "#81c784"),
    "warn": ("#a84300", "#ffb74d"),  # >= 4.5:1 on the panels of either theme
    "bad": ("#b71c1c", "#ef9a9a"),
}


def theme_colour_swap(dark: bool) -> dict[str, str]:
    """Text colours of the other theme -> this theme's: for styles set before a switch."""
    pairs = [(light, night) for light, night in TEXT_COLOURS.values()]
    return {night: light for light, night in pairs} if not dark else dict(pairs)


def text_style(meaning: str) -> str:
    """Bold text in the colour of a meaning ("good", "warn", "bad") for the current theme."""
    if meaning not in TEXT_COLOURS:
        return ""
    light, dark = TEXT_COLOURS[meaning]
    return f"color: {dark if is_dark() else light}; font-weight: bold;"


_translators: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Load resources/translations/fieldapp_<lang>.qm (English is the source language)."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English)
    )
    # Qt's own texts first (OK/Cancel, the file dialog): ours are installed after and win.
    qt = QTranslator(app)
    if _load_qtbase(qt, lang):
        app.installTranslator(qt)
        _translators.append(qt)
    qm = resource_path("translations", f"fieldapp_{lang}.qm")
    translator = QTranslator(app)
    if qm.is_file() and translator.load(str(qm)):
        app.installTranslator(translator)
        _translators.append(translator)
        return True
    return lang == "en"


def _load_qtbase(translator: QTranslator, lang: str) -> bool:
    """Qt's qtbase_<lang>.qm: ours in resources (Qt ships none for Indonesian), else Qt's."""
    if lang == "en":
        return False
    ours = resource_path("translations", f"qtbase_{lang}.qm")
    if ours.is_file():
        return translator.load(str(ours))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator.load(f"qtbase_{lang}", qt_dir)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, themed and translated from the settings."""
    existing = QApplication.instance()
    if existing is None:
        from fieldapp.ui.display import NO_DISPLAY, missing_display

        if missing_display():  # Qt would abort in its platform plugin with a page of text
            print(f"fieldapp: {NO_DISPLAY}", file=sys.stderr)
            raise SystemExit(2)
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    font = QFont(app.font())
    font.setPointSize(13)
    app.setFont(font)
    apply_theme(app, current_theme())
    install_language(app, current_language())
    return app
