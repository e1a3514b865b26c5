"""Schema of the surveyors' KPO cards: their status and the date their data was last updated."""

from __future__ import annotations

# Surat Edaran 1.E/MB.07/DBT.KP/2022: a KPO card is valid only while its holder works in that
# role; the KTT updates the KPO data at least once a year.
KPO_STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE surveyor ADD COLUMN kpo_status TEXT"
    " CHECK (kpo_status IS NULL OR kpo_status IN ('aktif', 'dikembalikan', 'dihusutkan'))",
    # A day as YYYY-MM-DD: the yearly-update rule (fieldapp.survey.kpo) compares days.
    "ALTER TABLE surveyor ADD COLUMN kpo_updated_on TEXT CHECK (kpo_updated_on IS NULL"
    " OR kpo_updated_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')",
    "UPDATE surveyor SET kpo_status = CASE WHEN kpo_active = 1 THEN 'aktif'"
    " ELSE 'dikembalikan' END WHERE kpo_no IS NOT NULL",
)
