"""Storage: the only package that knows SQL. Callers get dataclasses from timeline.model.

Open a database with ``open_repository(url)``; its schema is brought to the newest
revision (Alembic) on the way.
"""

from timeline.store.db import default_database_url, missing_sqlite_file, shown_url
from timeline.store.errors import (
    ConflictError,
    DatabaseUnavailableError,
    NewerSchemaError,
    NotFoundError,
    ReadOnlyDatabaseError,
    StoreError,
)
from timeline.store.published import PublishedChange
from timeline.store.removal import ArticleRemoval
from timeline.store.repository import IngestOutcome, Repository, database_url, open_repository

__all__ = [
    "ArticleRemoval",
    "ConflictError",
    "DatabaseUnavailableError",
    "IngestOutcome",
    "NewerSchemaError",
    "NotFoundError",
    "PublishedChange",
    "ReadOnlyDatabaseError",
    "Repository",
    "StoreError",
    "database_url",
    "default_database_url",
    "missing_sqlite_file",
    "open_repository",
    "shown_url",
]
