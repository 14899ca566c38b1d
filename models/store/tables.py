"""The library's tables and indexes (their names and the version: schema.py), as a build
creates them."""
from __future__ import annotations

import sqlite_utils

from models.store import search_index
from models.store.schema import APP_ID, SCHEMA_VERSION


def create_tables(db: sqlite_utils.Database) -> None:
    """Every table and index of a library, in an empty file or after _drop_all."""
    db["metadata"].create({"key": str, "value": str}, pk="key")
    db["issues"].create({"id": int, "label": str, "title": str, "year": int, "number": int,
                         "total_number": int, "published": str, "sponsor": str, "editor": str,
                         "details": str, "source_name": str, "source_sha256": str,
                         "source_format": str,
                         "imported_at": str}, pk="id")
    db["toc"].create({"id": int, "issue_id": int, "position": int, "category": str, "title": str,
                      "doc_number": str, "page": int}, pk="id", foreign_keys=[("issue_id", "issues")])
    db["documents"].create({"id": int, "key": str, "issue_id": int, "position": int,
                            "doc_number": str, "doc_number_key": str, "doc_number_tail": str,
                            "title": str, "search_title": str,
                            "short_title": str, "masthead": str, "issuer": str, "addressee": str,
                            "date": str, "publicity": str, "cc": str, "imprint_org": str,
                            "imprint_date": str, "attachments": str, "plan_title": str,
                            "valid_until": str, "category": str, "page": int, "first_line": int,
                            "last_line": int, "government": str, "parent_government": str,
                            "issuers": str, "plan_issuers": str, "plan_date": str},
                           pk="id", foreign_keys=[("issue_id", "issues")])
    db["nodes"].create({"id": int, "key": str, "document_id": int, "parent_id": int, "ord": int,
                        "depth": int, "kind": str, "label": str, "path": str, "heading": str, "heading_at": int,
                        "heading_len": int,
                        "text": str, "note": str, "note_len": int, "fingerprint": str,
                        "first_line": int, "last_line": int, "page": int, "page_label": str,
                        "boxes": str}, pk="id",
                       foreign_keys=[("document_id", "documents")])
    db["departments"].create({"id": int, "name": str, "kind": str, "known": int,
                              "part_of": str, "government": str}, pk="id")
    # one name may stand for units of several governments (区财政局 of each district)
    db["aliases"].create({"alias": str, "folded": str, "department_id": int},
                         pk=("folded", "department_id"),
                         foreign_keys=[("department_id", "departments")])
    # document_id: a copy of the clause's, so that the clauses, documents and issues a
    # department filter keeps are read from one covering index, without visiting the nodes
    # dated: the clause has deadlines (a department's deadlines are read from the few
    # clauses that have any: idx_assignments_dated)
    db["assignments"].create({"id": int, "node_id": int, "document_id": int,
                              "department_id": int, "role": str, "as_written": str,
                              "form": str, "dated": int}, pk="id",
                             foreign_keys=[("node_id", "nodes"), ("department_id", "departments")])
    # what the department picker, the filter and `departments` show: each department's
    # clauses by its strongest role (store/counts.py), kept as imports change the library
    db["dept_counts"].create({"department_id": int, "role": str, "n": int},
                             pk=("department_id", "role"))
    db["roster"].create({"id": int, "node_id": int, "department_id": int, "person": str,
                         "post": str, "grp": str, "position": str}, pk="id",
                        foreign_keys=[("node_id", "nodes")])
    db["deadlines"].create({"id": int, "node_id": int, "phrase": str, "due": str, "start": str,
                            "kind": str}, pk="id", foreign_keys=[("node_id", "nodes")])
    db["references"].create({"id": int, "node_id": int, "title": str, "doc_number": str,
                             "doc_number_key": str, "doc_number_tail": str}, pk="id",
                            foreign_keys=[("node_id", "nodes")])
    db["nodes"].create_index(["key"], unique=True)
    db["nodes"].create_index(["document_id", "ord"])
    db["documents"].create_index(["key"], unique=True)
    db["documents"].create_index(["doc_number_tail"])
    db["references"].create_index(["doc_number_tail"])
    db["documents"].create_index(["issue_id"])
    db["assignments"].create_index(["department_id", "document_id", "node_id", "role"])
    db.execute("CREATE INDEX idx_assignments_general ON assignments (document_id, node_id) "
               "WHERE role = 'general'")  # the general notes a filter may add
    db.execute("CREATE INDEX idx_assignments_dated ON assignments "
               "(department_id, document_id, node_id, role) WHERE dated = 1")
    db["deadlines"].create_index(["node_id"])
    db["references"].create_index(["node_id"])
    db["departments"].create_index(["government", "name"], unique=True)
    db["assignments"].create_index(["node_id"])
    db.execute(search_index.CREATE)
    db["metadata"].insert_all([{"key": "schema_version", "value": str(SCHEMA_VERSION)},
                               {"key": "application", "value": APP_ID}])
