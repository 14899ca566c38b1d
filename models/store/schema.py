"""The library file's schema: one place for table names and the version."""
from __future__ import annotations

SCHEMA_VERSION = 3  # 2: pages and boxes of nodes, source format; 3: governments, forms
APP_ID = "gazette-desk-library"

TABLES = ("metadata", "issues", "toc", "documents", "nodes", "departments", "aliases",
          "assignments", "duties", "roster", "deadlines", "references", "search_fts")
