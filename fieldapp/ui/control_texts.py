"""The Kontrol tab's words for the core's values: rules and their figures, engine steps, status."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from fieldapp.gnss.baseline import BaselineSolution
from fieldapp.ui.app import TEXT_COLOURS, is_dark
from fieldapp.ui.numbers import fixed

# The figures and bounds come from gnss.static_rules in English (for the CLI and the logs);
# here they are said in the window's language, with its decimal sign.


def colour(meaning: str) -> QColor:
    """A table cell's text colour for "good", "warn" or "bad" in the theme now applied."""
    light, dark = TEXT_COLOURS[meaning]
    return QColor(dark if is_dark() else light)


def rule_text(rule: str) -> str:
    words = {
        "duration": QCoreApplication.translate("ControlTexts", "Observation duration"),
        "interval": QCoreApplication.translate("ControlTexts", "Recording interval"),
        "mask": QCoreApplication.translate("ControlTexts", "Elevation mask"),
        "fixed": QCoreApplication.translate("ControlTexts", "Ambiguities fixed"),
        "sigma_h": QCoreApplication.translate("ControlTexts", "σ horizontal"),
        "sigma_v": QCoreApplication.translate("ControlTexts", "σ vertical"),
    }
    return words.get(rule, rule)


def _duration(m: re.Match[str]) -> str:
    if m[3]:
        text = QCoreApplication.translate("ControlTexts", "{0} h {1} min {2} s")
        return text.format(m[1], m[2], m[3])
    if m[2]:
        return QCoreApplication.translate("ControlTexts", "{0} h {1} min").format(m[1], m[2])
    return QCoreApplication.translate("ControlTexts", "{0} h").format(m[1])


def _ratio(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ControlTexts", "(ratio {0})").format(m[1])


def rule_figure(text: str) -> str:
    """A figure or bound of the rules (gnss.static_rules, in English) as the window says it."""
    text = text.replace(">=", "≥").replace("<=", "≤").replace(" deg", "°")
    short = QCoreApplication.translate("ControlTexts", "for a baseline under 20 km")
    long = QCoreApplication.translate("ControlTexts", "for a baseline of 20 km or more")
    text = text.replace("for a baseline under 20 km", short)
    text = text.replace("for a baseline 20 km or more", long)
    text = re.sub(r"(\d+) h(?: (\d+) min)?(?: (\d+) s)?", _duration, text)
    text = re.sub(r"\(ratio ([\d.]+)\)", _ratio, text)
    # The decimal sign of the window's language (a comma in Bahasa Indonesia).
    return re.sub(r"\d+\.\d+", lambda m: fixed(float(m[0]), len(m[0].split(".")[1])), text)


def step_text(step: str) -> str:
    """The engine's progress words (gnss.rtklib) in the window's language."""
    if step.startswith("converting "):
        text = QCoreApplication.translate("ControlTexts", "Converting {0}…")
        return text.format(step.removeprefix("converting "))
    if step.startswith("processing "):
        text = QCoreApplication.translate("ControlTexts", "Processing epoch {0}…")
        return text.format(step.removeprefix("processing "))
    if step == "done":
        return QCoreApplication.translate("ControlTexts", "Reading the solution…")
    return step


def status_text(status: str, override_reason: str | None = None) -> str:
    """The baseline's status; one accepted although a rule failed says so."""
    if status == "accepted" and override_reason:
        return QCoreApplication.translate("ControlTexts", "accepted with a reason")
    words = {
        "new": QCoreApplication.translate("ControlTexts", "new"),
        "accepted": QCoreApplication.translate("ControlTexts", "accepted"),
        "superseded": QCoreApplication.translate("ControlTexts", "superseded"),
    }
    return words.get(status, status)


def duration_text(seconds: float) -> str:
    """As the rules word it (never rounded up past what the rule saw)."""
    h, rest = divmod(round(seconds), 3600)
    m, sec = divmod(rest, 60)
    if sec:
        return QCoreApplication.translate("ControlTexts", "{0} h {1} min {2} s").format(h, m, sec)
    return QCoreApplication.translate("ControlTexts", "{0} h {1} min").format(h, m)


def ratio_text(word: str, ratio: float) -> str:
    return f"{word} " + QCoreApplication.translate("ControlTexts", "(ratio {0})").format(
        fixed(ratio, 1)
    )


def sigmas_text(s: BaselineSolution) -> str:
    sigmas = (s.sigma_e_m, s.sigma_n_m, s.sigma_u_m)
    return " / ".join(fixed(x * 1000, 1) for x in sigmas) + " mm"


def fix_text(solution: BaselineSolution) -> str:
    """ "fixed" and "float" as Indonesian surveyors say them, with the ratio test's figure."""
    fix = str(solution.fix)
    if fix in ("fixed", "float"):
        word = fix
    else:
        word = QCoreApplication.translate("ControlTexts", "no phase solution")
    if solution.ratio is not None:
        return ratio_text(word, solution.ratio)
    return word
