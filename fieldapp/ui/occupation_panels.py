"""Parts of the occupation view: the antenna form (height, method, model) and the live readout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.fieldwork import parse_metres
from fieldapp.gnss.fix import Fix, GgaQuality
from fieldapp.survey.antenna import (
    GENERIC_ANTENNA,
    HEIGHT_RANGE_M,
    PCO_RANGE_M,
    RADIUS_RANGE_M,
    AntennaHeight,
    AntennaModel,
    HeightMethod,
    out_of_range,
)
from fieldapp.survey.local import Position, compare
from fieldapp.survey.occupation_guard import (
    DistanceFrom,
    GuardLimits,
    GuardRefusal,
    GuardResult,
)
from fieldapp.ui import texts
from fieldapp.ui.app import settings, text_style
from fieldapp.ui.live import STALE_COLOUR, Liveness, age_text, stale_text

CUSTOM = "custom"


def number(value: float, decimals: int) -> str:
    """A number as the UI language writes it (decimal comma in Indonesian)."""
    return QLocale().toString(float(value), "f", decimals)


def distance_text(metres: float) -> str:
    """Metres up to a kilometre, kilometres beyond, in the UI's number format."""
    if metres >= 1000:
        return f"{number(metres / 1000, 2)} km"
    return f"{number(metres, 2)} m"


def guard_text(g: GuardResult, marker: str) -> str:
    """A refused start in words, with the distance or speed; empty when it is allowed."""
    if g.reason is GuardRefusal.NO_POSITION:
        return QCoreApplication.translate(
            "OccupationGuard", "Not started: no live position from the receiver."
        )
    if g.reason is GuardRefusal.TOO_FAR and g.distance_m is not None:
        stake = g.measured_to is DistanceFrom.STAKE
        what = (
            QCoreApplication.translate("OccupationGuard", "its stake")
            if stake
            else QCoreApplication.translate("OccupationGuard", "its design position")
        )
        return QCoreApplication.translate(
            "OccupationGuard",
            "Not started: the antenna is {0} from marker {1} ({2}); at most {3}. "
            "Set up over the marker first.",
        ).format(distance_text(g.distance_m), marker, what, distance_text(g.limits.max_distance_m))
    if g.reason is GuardRefusal.MOVING and g.speed_mps is not None:
        return QCoreApplication.translate(
            "OccupationGuard",
            "Not started: the antenna is moving at {0} m/s; at most {1} m/s. Hold the pole still.",
        ).format(number(g.speed_mps, 1), number(g.limits.max_speed_mps, 1))
    return ""


class SettingsForm(QWidget):
    """The occupation form: marker, antenna (height, vertical or slant, model with its
    phase-centre offset), profile, auto-finish and the start limits.

    One class, not a subclass of an antenna form: PySide looks translations up under the
    instance's class, lupdate files them under the class the call is written in.
    """

    def __init__(self, profiles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marker = QLabel()
        self.marker.setProperty("role", "big")
        self.profile = QComboBox()
        for key in profiles:
            self.profile.addItem(key, key)  # worded in retranslate(); the key is the data
        self.auto_finish = QCheckBox()
        self.auto_finish.setChecked(True)
        self.limits = QLabel()
        self.limits.setWordWrap(True)
        self.marker_label, self.profile_label = QLabel(), QLabel()
        self.height_edit = QLineEdit(str(settings().value("occupation/antenna_m", "1,800")))
        self.method = QComboBox()
        self.method.addItem("", HeightMethod.VERTICAL.value)
        self.method.addItem("", HeightMethod.SLANT.value)
        self.model = QComboBox()
        self.model.addItem("", GENERIC_ANTENNA.key)
        self.model.addItem("", CUSTOM)
        self.radius = QLineEdit("0,000")
        self.offset = QLineEdit("0,000")
        self.labels = [QLabel() for _ in range(4)]
        pair = QHBoxLayout()
        pair.setContentsMargins(0, 0, 0, 0)
        # The row's label names both fields: no inline labels, so the pair fits 1024 px.
        for edit in (self.radius, self.offset):
            edit.setMinimumWidth(70)
            pair.addWidget(edit, 1)
        self.form = QFormLayout(self)  # one form: the labels line up
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.marker_label, self.marker)
        self.form.addRow(self.labels[0], self.height_edit)
        self.form.addRow(self.labels[1], self.method)
        self.form.addRow(self.labels[2], self.model)
        self.form.addRow(self.labels[3], pair)
        self.form.addRow(self.profile_label, self.profile)
        self.form.addRow(self.auto_finish)  # spans both columns: the long label needs the width
        self.form.addRow(self.limits)
        self.retranslate()
        for combo in (self.method, self.model, self.profile):
            # Sized by a short text, not the longest item: the form fits a 1024 px window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.model.currentIndexChanged.connect(lambda _i: self._model_changed())
        self._restore()
        self._model_changed()

    def retranslate(self) -> None:
        """Every word again in the current language (a live language switch)."""
        self.method.setItemText(0, self.tr("Vertical (to the mark)"))
        self.method.setItemText(1, self.tr("Slant (to the antenna edge)"))
        self.model.setItemText(0, self.tr("Generic (no offset)"))
        self.model.setItemText(1, self.tr("Other: type radius and offset"))
        self.radius.setToolTip(self.tr("Antenna radius (m), for a slant height"))
        self.offset.setToolTip(self.tr("Phase-centre offset (m), from the calibration sheet"))
        words = (
            self.tr("Antenna height (m)"), self.tr("Measured"), self.tr("Antenna model"),
            self.tr("Radius / offset (m)"),
        )  # fmt: skip
        for label, text in zip(self.labels, words, strict=True):
            label.setText(text)
        self.marker_label.setText(self.tr("Marker"))
        self.profile_label.setText(self.tr("Profile"))
        names = {
            "default": self.tr("standard (30 epochs, 30 s)"),
            "rapid": self.tr("rapid re-check (10 epochs)"),
            "strict": self.tr("strict (measured σ only, 60 s)"),
        }
        for i in range(self.profile.count()):
            key = str(self.profile.itemData(i))
            self.profile.setItemText(i, names.get(key, key))
        self.auto_finish.setText(self.tr("Finish when the requirement is met"))
        lim = guard_limits()
        self.limits.setText(
            self.tr("Starts within {0} of the marker, standing still (≤ {1} m/s).").format(
                distance_text(lim.max_distance_m), number(lim.max_speed_mps, 1)
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore(self) -> None:
        """The antenna of the last started occupation: a crew uses one all day."""
        s = settings()
        for combo, key in ((self.method, "method"), (self.model, "model")):
            index = combo.findData(str(s.value(f"occupation/antenna_{key}", "")))
            if index >= 0:
                combo.setCurrentIndex(index)
        if self.model.currentData() == CUSTOM:
            self.radius.setText(str(s.value("occupation/antenna_radius_m", "0,000")))
            self.offset.setText(str(s.value("occupation/antenna_offset_m", "0,000")))

    def _save(self) -> None:
        s = settings()
        s.setValue("occupation/antenna_m", self.height_edit.text())
        s.setValue("occupation/antenna_method", self.method.currentData())
        s.setValue("occupation/antenna_model", self.model.currentData())
        s.setValue("occupation/antenna_radius_m", self.radius.text())
        s.setValue("occupation/antenna_offset_m", self.offset.text())

    def _model_changed(self) -> None:
        custom = self.model.currentData() == CUSTOM
        self.radius.setEnabled(custom)
        self.offset.setEnabled(custom)
        if not custom:
            self.radius.setText(number(GENERIC_ANTENNA.radius_m, 3))
            self.offset.setText(number(GENERIC_ANTENNA.phase_centre_offset_m, 3))

    def antenna(self) -> AntennaHeight | str:
        """The antenna height, or the message saying which field is wrong and its range."""
        names = {
            "height": self.tr("Antenna height"),
            "radius": self.tr("Antenna radius"),
            "offset": self.tr("Phase-centre offset"),
        }
        edits = {"height": self.height_edit, "radius": self.radius, "offset": self.offset}
        ranges = {"height": HEIGHT_RANGE_M, "radius": RADIUS_RANGE_M, "offset": PCO_RANGE_M}
        values: dict[str, float] = {}
        for key, edit in edits.items():
            try:
                values[key] = parse_metres(edit.text())
            except ValueError:
                values[key] = float("nan")
            bad = out_of_range(key, values[key], ranges[key])
            if bad is not None:
                edit.setFocus()
                return self.tr("{0}: type a number of metres from {1} to {2}, e.g. 1,800").format(
                    names[key], number(bad.low, 1), number(bad.high, 1)
                )
        method = HeightMethod(str(self.method.currentData()))
        model = AntennaModel(CUSTOM, values["radius"], values["offset"])
        try:
            height = model.height(values["height"], method)
        except ValueError:
            self.radius.setFocus()
            return self.tr(
                "A slant height needs the antenna radius (greater than 0, less than the height):"
                " choose the model 'Other' and type it."
            )
        self._save()
        return height


class AfterHeightRow(QWidget):
    """The antenna height measured again after the session (Kepdirjen 697.K/29/DDJP/1996).

    Typed while the occupation runs, the same way as the height before; "Stop and save"
    stores only once it is filled and in range.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(90)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.label, self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Antenna height after (m)"))
        self.edit.setPlaceholderText(self.tr("measure again, e.g. 1,800"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def value(self) -> float | str:
        """The height in metres, or the message saying what to type."""
        try:
            value = parse_metres(self.edit.text())
        except ValueError:
            value = float("nan")
        bad = out_of_range("height", value, HEIGHT_RANGE_M)
        if bad is None:
            return value
        self.edit.setFocus()
        if not self.edit.text().strip():
            return self.tr(
                "Measure the antenna height again now that the session is over, and type it "
                "before saving."
            )
        return self.tr("Antenna height after: type a number of metres from {0} to {1}").format(
            number(bad.low, 1), number(bad.high, 1)
        )


def guard_limits() -> GuardLimits:
    """Start limits set on this machine (``occupation/max_distance_m``, ``max_speed_mps``)."""
    try:
        return GuardLimits(
            float(settings().value("occupation/max_distance_m", 2.0)),  # type: ignore[arg-type]
            float(settings().value("occupation/max_speed_mps", 0.3)),  # type: ignore[arg-type]
        )
    except (TypeError, ValueError):
        return GuardLimits()


class RecoveryBox(QFrame):
    """An occupation a crash or a closed job left running: finish it or abandon it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.finish_btn = QPushButton()
        self.abandon_btn = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.finish_btn)
        row.addWidget(self.abandon_btn)
        box = QVBoxLayout(self)
        box.addWidget(self.label)
        box.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.finish_btn.setText(self.tr("Finish from saved epochs"))
        self.abandon_btn.setText(self.tr("Abandon it"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LiveReadout(QFrame):
    """Fix type, σH (measured or estimated) and distance from design, grey when not live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fix = QLabel("–")
        self.sigma = QLabel("–")
        self.distance = QLabel("–")
        self.age = QLabel("–")
        for label in (self.fix, self.sigma, self.distance, self.age):
            label.setMinimumWidth(180)  # the text changes, the layout does not
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        values = (self.fix, self.sigma, self.distance, self.age)
        for label, value in zip(self.labels, values, strict=True):
            form.addRow(label, value)
        self.retranslate()
        self.live = True
        self._fix_style = ""
        self._timed = False  # True once the window's timer calls set_liveness: it writes the age
        self._shown: tuple[Fix, Position | None, Position | None] | None = None

    def retranslate(self) -> None:
        words = (self.tr("Fix"), self.tr("σH"), self.tr("From design"), self.tr("Latest epoch"))
        for label, text in zip(self.labels, words, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._shown is not None:  # the epoch shown, reworded: not made live by it
                self._word(*self._shown)
        super().changeEvent(event)

    def show_fix(self, fix: Fix, design: Position | None, stake: Position | None) -> None:
        """A new epoch arrived: it is live, so it may be coloured."""
        was_live, self.live = self.live, True
        q = fix.quality
        meaning = (
            "good" if q == GgaQuality.RTK_FIXED else "warn" if q == GgaQuality.RTK_FLOAT else "bad"
        )
        self._fix_style = text_style(meaning)
        self._shown = (fix, design, stake)
        self._word(fix, design, stake)
        if not self._timed or not was_live:  # the stale words go with the first new epoch
            self.age.setText(self.tr("live"))
        self._paint()

    def _word(self, fix: Fix, design: Position | None, stake: Position | None) -> None:
        """The epoch's values in words of the current language (colours are _paint's)."""
        self.fix.setText(texts.fix_type(fix.quality))
        sh = fix.sigma_horizontal
        self.sigma.setText(
            "–" if sh is None else f"{number(sh, 3)} m ({texts.sigma_source(fix.sigma_source)})"
        )
        if design is None or fix.lat is None or fix.lon is None:
            self.distance.setText("–")
        else:
            here = Position(fix.lat, fix.lon)
            text = distance_text(compare(design, here).horizontal_m)
            if stake is not None:
                to_stake = distance_text(compare(stake, here).horizontal_m)
                text += " · " + self.tr("stake {0}").format(to_stake)
            self.distance.setText(text)

    def set_liveness(self, state: Liveness) -> None:
        self._timed = True
        if state.live:
            if self.live:
                self.age.setText(age_text(state))
            return  # colours come back with the next epoch, not from old data
        self.live = False
        self.age.setText(stale_text(state))
        self._paint()

    def _paint(self) -> None:
        grey = f"color: {STALE_COLOUR};"
        self.fix.setStyleSheet(self._fix_style if self.live else grey + " font-weight: bold;")
        for label in (self.sigma, self.distance, self.age):
            label.setStyleSheet("" if self.live else grey)
