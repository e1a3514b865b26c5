"""The KPO card rules: the card statuses and when the holder's yearly data update falls due.

Surat Edaran 1.E/MB.07/DBT.KP/2022: a KPO (Kartu Pengawas Operasional) card is valid only
while its holder works in that role, and the KTT updates the KPO data at least once a year,
at the latest 30 days after the end of the fourth quarter.

How this reads, day by day:

* the update for calendar year Y is due by 30 January of Y+1 (31 December + 30 days);
* an update dated after 30 January of year Y is the update for Y; one dated 1-30 January of
  Y is the late update for Y-1 (the grace window of the year before). Reading it as the
  update of Y-1 is the stricter choice: it never lets a January update stand for two years;
* so after an update on U the next one is due on 30 January of ``covered(U) + 2``, and on a
  day D the data is overdue when D is after that date. An update on 1 Feb 2025 covers 2025
  and leaves 2026's due by 30 Jan 2027; one on 15 Jan 2025 covers 2024 and leaves 2025's
  due by 30 Jan 2026.

Only the latest update date is kept, so a day before it is judged by it (the data was
updated then; nothing says it was overdue before).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

KPO_STATUSES: Final = ("aktif", "dikembalikan", "dihusutkan")
GRACE_DAYS: Final = 30  # after the end of Q4 (31 December)


def year_end_deadline(year: int) -> dt.date:
    """The last day the KPO data update for ``year`` may be made: 30 January of year + 1."""
    return dt.date(year, 12, 31) + dt.timedelta(days=GRACE_DAYS)


def covered_year(updated_on: dt.date) -> int:
    """The year an update on that day counts for (January's grace days: the year before)."""
    if updated_on <= year_end_deadline(updated_on.year - 1):
        return updated_on.year - 1
    return updated_on.year


def next_update_due(updated_on: dt.date) -> dt.date:
    """The last day of the next yearly update after one made on ``updated_on``."""
    return year_end_deadline(covered_year(updated_on) + 1)


def update_overdue(updated_on: dt.date, on: dt.date) -> bool:
    return on > next_update_due(updated_on)
