"""Node kinds as the reader and the tree see them (a module of names: it costs nothing to import,
the window's first paint reads it)."""
from __future__ import annotations

# Front and closing matter: shown in the document's header, not as rows of the tree nor
# counted as clauses.
HEADER_KINDS = ("masthead", "doc_number", "title", "addressee", "signature", "date",
                "publicity", "cc", "imprint")
