"""The library file's schema: one place for table names and the version."""
from __future__ import annotations

SCHEMA_VERSION = 2  # 2: the page of every node and where its lines stand; the source format
APP_ID = "gazette-desk-library"

TABLES = ("metadata", "issues", "toc", "documents", "nodes", "departments", "aliases",
          "assignments", "duties", "roster", "deadlines", "references", "search_fts")
