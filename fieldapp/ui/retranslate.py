"""Live language and theme switch: re-set the texts and colours of widgets already built.

A view that knows its texts implements ``retranslate()`` and is asked to re-set them. Any
other widget is walked: a text that is a known message of the previous language (from the
translation catalogue, ``fieldapp_id.ts``) is replaced by the same message in the new one; a
message with arguments ("Used {0} / {1} epochs") is recognised by its shape and re-formatted
with the same arguments. Nothing is rebuilt, so a running occupation, a link or a build goes
on untouched while its screen changes language. Colours baked into a widget's own style
sheet from one theme's text colours are swapped for the other theme's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from fieldapp.resources import resource_path

_PLACEHOLDER = re.compile(r"\{(\d)\}")
_MIN_LITERAL = 3  # a message of "{0} m" alone would claim every number: not recognised


@dataclass
class _Index:
    """Texts of one language -> the (context, source) messages they can be."""

    exact: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    shapes: list[tuple[re.Pattern[str], str, str, list[int]]] = field(default_factory=list)


@cache
def _messages() -> tuple[tuple[str, str, str], ...]:
    """(context, English source, Indonesian) of every message of the window."""
    ts = resource_path("translations", "fieldapp_id.ts")
    out = []
    for ctx in ET.parse(ts).iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            out.append((name, src, msg.findtext("translation") or src))
    return tuple(out)


@cache
def _index(lang: str) -> _Index:
    index = _Index()
    for ctx, src, indonesian in _messages():
        text = indonesian if lang == "id" else src
        if not text:
            continue
        index.exact.setdefault(text, []).append((ctx, src))
        if _PLACEHOLDER.search(text):
            literal = _PLACEHOLDER.sub("", text).strip()
            if len(literal) < _MIN_LITERAL:
                continue
            parts = _PLACEHOLDER.split(text)  # literal, digit, literal, digit, ...
            order = [int(d) for d in parts[1::2]]
            regex = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
            index.shapes.append((re.compile(f"(?s){regex}"), ctx, src, order))
    # Longest literal first: "{0} epochs saved in the job." before "{0} epochs".
    index.shapes.sort(key=lambda s: -len(_PLACEHOLDER.sub("", s[2])))
    return index


def _contexts(widget: QWidget) -> list[str]:
    """Class names of the widget and its parents: the tr() contexts its texts came from."""
    names: list[str] = []
    w: QWidget | None = widget
    while w is not None:
        names += [k.__name__ for k in type(w).__mro__]
        w = w.parentWidget()
    return names


def _pick(candidates: list[tuple[str, str]], contexts: list[str]) -> tuple[str, str]:
    for name in contexts:
        for ctx, src in candidates:
            if ctx == name:
                return ctx, src
    return candidates[0]


def translate_text(text: str, old: str, contexts: Iterable[str] = ()) -> str:
    """``text`` (a message in language ``old``) in the language now installed."""
    if not text or old not in ("id", "en"):
        return text
    index = _index(old)
    ctxs = list(contexts)
    found = index.exact.get(text)
    if found:
        ctx, src = _pick(found, ctxs)
        return QCoreApplication.translate(ctx, src)
    for pattern, ctx, src, order in index.shapes:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        args: dict[int, str] = {}
        for slot, value in zip(order, m.groups(), strict=True):
            # An argument may itself be a message ("Cannot connect: {0}" with an error).
            args[slot] = translate_text(value, old, ctxs) if value in index.exact else value
        return QCoreApplication.translate(ctx, src).format(*(args[i] for i in sorted(args)))
    return text


def _changed(text: str, tr: Callable[[str], str]) -> str | None:
    """The text in the new language, or None when it stays as it is.

    Only a text that changes is set again: setting an editable combo's current item would
    overwrite what the surveyor typed, and every setText costs a relayout.
    """
    new = tr(text) if text else text
    return new if new != text else None


def retranslate_widget(w: QWidget, old: str) -> None:
    """Re-set the texts one widget shows (not those of its children)."""
    ctxs = _contexts(w)

    def tr(text: str) -> str:
        return translate_text(text, old, ctxs)

    if isinstance(w, (QLabel, QAbstractButton)):
        if (new := _changed(w.text(), tr)) is not None:
            w.setText(new)
    elif isinstance(w, QGroupBox):
        if (new := _changed(w.title(), tr)) is not None:
            w.setTitle(new)
    elif isinstance(w, QLineEdit):
        if (new := _changed(w.placeholderText(), tr)) is not None:
            w.setPlaceholderText(new)
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            if (new := _changed(w.itemText(i), tr)) is not None:
                w.setItemText(i, new)
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            if (new := _changed(w.tabText(i), tr)) is not None:
                w.setTabText(i, new)
    elif isinstance(w, QTreeWidget):
        head = w.headerItem()
        for c in range(w.columnCount()):
            if (new := _changed(head.text(c), tr)) is not None:
                head.setText(c, new)
    elif isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            item = w.horizontalHeaderItem(c)
            if item is not None and (new := _changed(item.text(), tr)) is not None:
                item.setText(new)
    if (new := _changed(w.toolTip(), tr)) is not None:
        w.setToolTip(new)
    if w.isWindow() and (new := _changed(w.windowTitle(), tr)) is not None:
        w.setWindowTitle(new)


def retranslate_tree(root: QWidget, old: str) -> None:
    """Every widget under ``root`` in the language now installed; ``old`` is the one before.

    A widget with a ``retranslate()`` method re-sets its own texts (and its children's);
    the walk does not go into it.
    """
    own = getattr(root, "retranslate", None)
    if callable(own):
        own()
        return
    retranslate_widget(root, old)
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        retranslate_tree(child, old)


def restyle_tree(root: QWidget, colours: dict[str, str]) -> None:
    """Swap baked colours (old -> new) in the style sheets of ``root`` and its children."""
    pattern = re.compile("|".join(re.escape(c) for c in colours), re.IGNORECASE)
    lower = {k.lower(): v for k, v in colours.items()}
    for w in [root, *root.findChildren(QWidget)]:
        sheet = w.styleSheet()
        if sheet and pattern.search(sheet):
            w.setStyleSheet(pattern.sub(lambda m: lower[m.group(0).lower()], sheet))
