"""Who may not sign a final document: juru ukur whose KPO card is not active or not kept up.

Surat Edaran 1.E/MB.07/DBT.KP/2022 (KPO, Kartu Pengawas Operasional): the card is valid only
while its holder works in that role, and the KTT updates the KPO data at least once a year,
at the latest 30 days after the end of Q4. A surveyor signs a final document on day ``on``
only when

* the card's status is ``aktif`` (``dikembalikan`` and ``dihusutkan`` cards sign nothing);
* the date of the last data update is recorded, and the update is not overdue on ``on``:
  the update for year Y is due by 30 January of Y+1; one made 1-30 January counts for the
  year before (the exact rule and its examples: fieldapp.survey.kpo).

A surveyor without a KPO number recorded is not refused here: the card rule binds card
holders, and the berita acara prints such a juru ukur without a KPO line. A name the job
does not list is refused (nobody can tell what card it holds).

The reasons are Indonesian, one per refused signatory, for the DRAF annex of the document,
the build's note and the print refusal alike (fieldapp.reports.completeness).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fieldapp.reports.textfmt import date_id
from fieldapp.store.database import JobDatabase
from fieldapp.store.kpo import load_surveyor
from fieldapp.survey.kpo import covered_year, next_update_due, update_overdue

BASIS = "SE 1.E/MB.07/DBT.KP/2022"


def card_refusals(db: JobDatabase, names: Sequence[str], on: dt.date) -> list[str]:
    """One reason per signatory who may not sign a final document on ``on``; [] when all may."""
    reasons = []
    for name in dict.fromkeys(names):
        s = load_surveyor(db, name)
        if s is None:
            reasons.append(f"juru ukur {name} tidak terdaftar pada pekerjaan ini")
            continue
        if not s.kpo_no:
            continue
        problems = []
        status = s.kpo_status or ("aktif" if s.kpo_active else "dikembalikan")
        if status != "aktif":
            problems.append(f"berstatus {status}, tidak berlaku")
        if s.kpo_updated_on is None:
            problems.append("tanggal pemutakhiran datanya tidak tercatat")
        elif update_overdue(s.kpo_updated_on, on):
            due = next_update_due(s.kpo_updated_on)
            problems.append(
                f"datanya terakhir dimutakhirkan {date_id(s.kpo_updated_on)}, padahal "
                f"pemutakhiran tahun {covered_year(s.kpo_updated_on) + 1} wajib paling lambat "
                f"{date_id(due)}"
            )
        if problems:
            reasons.append(
                f"juru ukur {s.name} tidak dapat menandatangani dokumen final: kartu KPO "
                f"{s.kpo_no} {'; '.join(problems)} ({BASIS})"
            )
    return reasons
