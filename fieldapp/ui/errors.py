"""Core error messages in the window's language: known messages of the core, translated.

The core (store, gnss, reports, sync) words its errors in English for the CLI and the logs;
the window shows them to a surveyor who reads Bahasa Indonesia. ``error_text`` recognises the
known messages by their shape (the path or port they name is kept) and returns them translated;
anything unknown is shown as it came, never hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# ruff: noqa: E501 -- each message stays whole on one line, as lupdate and grep see it
# The core's English message (a pattern) -> the message to translate, with the captured parts.
_KNOWN: tuple[tuple[str, object], ...] = (  # QT_TRANSLATE_NOOP is typed as object
    (r"(.+): not a fieldapp job \(no (.+) inside\)",
     QT_TRANSLATE_NOOP("Errors", "{0}: not a fieldapp job (no {1} inside)")),
    (r"(.+): already exists; choose another name or open it",
     QT_TRANSLATE_NOOP("Errors", "{0}: already exists; choose another name or open it")),
    (r"(.+): cannot open the job database: (.+)",
     QT_TRANSLATE_NOOP("Errors", "{0}: cannot open the job database: {1}")),
    (r"job file has schema version (\d+), this fieldapp knows up to (\d+).*",
     QT_TRANSLATE_NOOP("Errors", "The job was saved by a newer fieldapp (schema {0}; this one knows up to {1}): "
                                 "update fieldapp to open it")),
    (r"job (.+) is read-only \((.+)\); copy it to a writable folder to change it",
     QT_TRANSLATE_NOOP("Errors", "job {0} is read-only ({1}); copy it to a writable folder to change it")),
    # Why a job is read-only (store.jobfile), inside the message above.
    (r"opened read-only", QT_TRANSLATE_NOOP("Errors", "opened read-only")),
    (r"its folder is not writable", QT_TRANSLATE_NOOP("Errors", "its folder is not writable")),
    (r"(\S+) is not writable", QT_TRANSLATE_NOOP("Errors", "{0} is not writable")),
    (r"it cannot be written: (.+)", QT_TRANSLATE_NOOP("Errors", "it cannot be written: {0}")),
    (r"(.+): not an image that can be read \(\w+\)",
     QT_TRANSLATE_NOOP("Errors", "{0}: not an image that can be read")),
    (r"(.+): no such file", QT_TRANSLATE_NOOP("Errors", "{0}: no such file")),
    (r"(.+): not a file", QT_TRANSLATE_NOOP("Errors", "{0}: not a file")),
    (r"port (.+) not found \(unplugged, or Bluetooth not paired\?\)",
     QT_TRANSLATE_NOOP("Errors", "port {0} not found (unplugged, or Bluetooth not paired?)")),
    (r"port (.+) is busy \(another program has it open\?\)",
     QT_TRANSLATE_NOOP("Errors", "port {0} is busy (another program has it open?)")),
    (r"no permission to open port (.+) \(on Linux: add the user to 'dialout'\)",
     QT_TRANSLATE_NOOP("Errors", "no permission to open port {0} (on Linux: add the user to 'dialout')")),
    (r"choose a serial port", QT_TRANSLATE_NOOP("Errors", "choose a serial port")),
    (r"choose a capture file to replay", QT_TRANSLATE_NOOP("Errors", "choose a capture file to replay")),
    # The receiver link's states (gnss.link): shown as the link's tool tip and in the status bar.
    (r"not started", QT_TRANSLATE_NOOP("Errors", "not started")),
    (r"opening (.+)", QT_TRANSLATE_NOOP("Errors", "opening {0}")),
    (r"opened (.+), waiting for data", QT_TRANSLATE_NOOP("Errors", "{0} opened, waiting for data")),
    (r"reopened (.+), waiting for data", QT_TRANSLATE_NOOP("Errors", "{0} opened again, waiting for data")),
    (r"(.+): epochs arriving", QT_TRANSLATE_NOOP("Errors", "{0}: epochs arriving")),
    (r"(.+): no epoch for ([\d.]+) s, bytes arrive but no epoch \(wrong baud rate or no NMEA output\?\)",
     QT_TRANSLATE_NOOP("Errors", "{0}: no epoch for {1} s; bytes arrive but no epoch (wrong baud rate, or no NMEA output?)")),
    (r"(.+): no epoch for ([\d.]+) s, no data at all \(receiver off or not sending\?\)",
     QT_TRANSLATE_NOOP("Errors", "{0}: no epoch for {1} s; no data at all (receiver off, or not sending?)")),
    (r"(.+); retrying", QT_TRANSLATE_NOOP("Errors", "{0}; retrying")),
    (r"(.+); reconnecting", QT_TRANSLATE_NOOP("Errors", "{0}; reconnecting")),
    (r"raw log failed: (.+)", QT_TRANSLATE_NOOP("Errors", "raw log failed: {0}")),
    (r"(.+) closed", QT_TRANSLATE_NOOP("Errors", "{0} closed")),
    # The job lock and a full disk (store.joblock, store.durable); the step's name is itself known.
    (r"job (.+) is in use by (.+) \((.+); PID (\d+) on host (.+) since (.+)\); wait for it or close it",
     QT_TRANSLATE_NOOP("Errors", "job {0} is in use by {1} ({2}; PID {3} on host {4} since {5}); wait for it or close it")),
    (r"job (.+) is in use by this program \((.+)\); wait for it",
     QT_TRANSLATE_NOOP("Errors", "job {0} is in use by this program ({1}); wait for it")),
    (r"(.+): not enough free space to (.+): about (.+) needed, (.+) free; free some space \(or move the job to a bigger disk\) and try again",
     QT_TRANSLATE_NOOP("Errors", "{0}: not enough free space to {1}: about {2} needed, {3} free; free some space (or move the job to a bigger disk) and try again")),
    (r"sealing a package", QT_TRANSLATE_NOOP("Errors", "sealing a package")),
    (r"importing a photo", QT_TRANSLATE_NOOP("Errors", "importing a photo")),
    (r"saving a camera photo", QT_TRANSLATE_NOOP("Errors", "saving a camera photo")),
    (r"starting an occupation", QT_TRANSLATE_NOOP("Errors", "starting an occupation")),
    (r"import the photo", QT_TRANSLATE_NOOP("Errors", "import the photo")),
    (r"seal a package", QT_TRANSLATE_NOOP("Errors", "seal a package")),
    (r"record the occupation", QT_TRANSLATE_NOOP("Errors", "record the occupation")),
    (r"open the job", QT_TRANSLATE_NOOP("Errors", "open the job")),
    # Control survey (app.control, gnss.rtklib): what the Kontrol tab may be told.
    (r"base point (.+) is not in the job's control: .*give its position.*",
     QT_TRANSLATE_NOOP("Errors", "base point {0} is not in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013) or take it from the file header, or import it as a JKHN or BM control point")),
    (r"base point (.+) has no height in the job's control: .*give its position.*",
     QT_TRANSLATE_NOOP("Errors", "base point {0} has no height in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013)")),
    (r"no static session on point '(.+)' in the job: add the session first",
     QT_TRANSLATE_NOOP("Errors", "no observation session on point {0} in the job: add the session first")),
    (r"(.+): no navigation data: give the broadcast ephemeris .+",
     QT_TRANSLATE_NOOP("Errors", "{0}: no navigation data: add the broadcast ephemeris (a RINEX navigation file, .nav or .YYn) to the session")),
    (r"(.+): no common epochs with the base (.+?): rover (.+) to (.+), base (.+) to (.+) \(GPS time\)",
     QT_TRANSLATE_NOOP("Errors", "{0}: no common epochs with the base {1}: rover {2} to {3}, base {4} to {5} (GPS time)")),
    (r"(.+): no solution against (.+): rnx2rtkp solved no epoch .+",
     QT_TRANSLATE_NOOP("Errors", "{0}: no solution against {1}: RTKLIB solved no epoch (too few common satellites above the mask, or epochs that do not pair)")),
    (r"RTKLIB's (\S+) not found; (.+)", QT_TRANSLATE_NOOP("Errors", "RTKLIB's {0} not found; {1}")),
    # Maintenance inspections (store.inspections): what the inspection dialog may be told.
    (r"date (\S+): in the future \(today is (\S+)\)",
     QT_TRANSLATE_NOOP("Errors", "date {0}: in the future (today is {1})")),
    (r"date (\S+): before marker (.+) was installed \((\S+), (.+)\)",
     QT_TRANSLATE_NOOP("Errors", "date {0}: before marker {1} was installed ({2}, {3})")),
    (r"vegetation cleared = yes for marker (.+) needs a photo with direction vegetasi .*",
     QT_TRANSLATE_NOOP("Errors", "vegetation cleared = yes for marker {0} needs a vegetation photo showing the cleared 1 m around the monument")),
    (r"condition (\S+) of marker (.+) needs at least one photo of what was found",
     QT_TRANSLATE_NOOP("Errors", "condition {0} of marker {1} needs at least one photo of what was found")),
    (r"(.+): the same photo is given twice", QT_TRANSLATE_NOOP("Errors", "{0}: the same photo is given twice")),
    (r"(.+): already a photo of the inspection of marker (.+) on (\S+)",
     QT_TRANSLATE_NOOP("Errors", "{0}: already a photo of the inspection of marker {1} on {2}")),
    (r"(.+): the installation photo (.+) of marker (.+); take a new one",
     QT_TRANSLATE_NOOP("Errors", "{0}: the installation photo {1} of marker {2}; take a new one")),
    (r"marker (.+) is (\S+): (.+); only an installed or documented Tanda Batas is inspected",
     QT_TRANSLATE_NOOP("Errors", "marker {0} is {1}: {2}; only an installed or documented Tanda Batas is inspected")),
    (r"its reinstallation opened (\S+) is not finished",
     QT_TRANSLATE_NOOP("Errors", "its reinstallation opened {0} is not finished")),
    (r"it was never installed", QT_TRANSLATE_NOOP("Errors", "it was never installed")),
    (r"check shot \((.+)\): no usable fix: (.+)",
     QT_TRANSLATE_NOOP("Errors", "check shot ({0}): no usable fix: {1}")),
    (r"check shot \((.+)\): marker (.+) is lost \(hilang\); nothing to measure",
     QT_TRANSLATE_NOOP("Errors", "check shot ({0}): marker {1} is lost (hilang); nothing to measure")),
)  # fmt: skip
_PATTERNS = tuple((re.compile(f"(?s){p}"), str(text)) for p, text in _KNOWN)


def error_text(error: BaseException | str) -> str:
    """The message of ``error`` in the window's language (as it came when it is not known)."""
    text = str(error).strip() or type(error).__name__
    for pattern, source in _PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            # A part may itself be a known message ("port X not found; retrying").
            parts = [error_text(g) if g else g for g in found.groups()]
            return QCoreApplication.translate("Errors", source).format(*parts)
    return text
