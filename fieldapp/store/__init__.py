"""The job store: a self-contained job folder with its SQLite database (sqlite-utils, WAL)."""

from fieldapp.store.jobfile import JobFileError, JobReadOnlyError, JobStore
from fieldapp.store.migrations import LATEST_VERSION, SchemaTooNewError, migrate, schema_version

__all__ = [
    "LATEST_VERSION",
    "JobFileError",
    "JobReadOnlyError",
    "JobStore",
    "SchemaTooNewError",
    "migrate",
    "schema_version",
]
