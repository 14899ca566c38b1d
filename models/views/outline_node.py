"""One row of the reading tree, shared by the live outline and its start-up cache.

A plain class with __slots__ rather than a dataclass: the window draws its
first tree from the cache before anything heavy is imported, and this
module must cost next to nothing to import.
"""
from __future__ import annotations

from typing import Iterator


class OutlineNode:
    __slots__ = ("kind", "key", "text", "document_key", "doc_number", "expired",
                 "valid_until", "parent", "row", "children")

    def __init__(self, kind: str, key: str, text: str, document_key: str = "",
                 doc_number: str = "", valid_until: str | None = None,
                 expired: bool = False) -> None:
        self.kind = kind  # "issue" | "category" | "document" | a node kind
        self.key = key  # node key, document key, or a synthetic key for issue/category
        self.text = text  # the row's label
        self.document_key, self.doc_number = document_key, doc_number
        self.valid_until, self.expired = valid_until, expired
        self.parent: OutlineNode | None = None
        self.row = 0  # index in parent.children, cached so parent() is O(1)
        self.children: list[OutlineNode] = []

    def add(self, child: "OutlineNode") -> "OutlineNode":
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterator["OutlineNode"]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_clause(self) -> bool:
        return self.kind not in ("root", "issue", "category", "document")


def shown_by_filter(node: OutlineNode, keys: set[str]) -> bool:
    """The department filter's rule: a clause whose key it keeps (the rows above such a
    clause are shown for its sake, by filtered_copy or the proxy's recursive filtering)."""
    return node.is_clause and node.key in keys


def filtered_copy(root: OutlineNode, keys: set[str]) -> OutlineNode:
    """The rows ui.window.left.tree_filter.OutlineFilter would show for *keys* (the clauses in *keys* and
    the rows above them), as a tree of their own: stage 1's tree with a filter on."""
    def copy(node: OutlineNode) -> OutlineNode | None:
        children = [c for c in (copy(child) for child in node.children) if c is not None]
        if not children and not shown_by_filter(node, keys) and node is not root:
            return None
        twin = OutlineNode(node.kind, node.key, node.text, node.document_key, node.doc_number,
                           node.valid_until, node.expired)
        for child in children:
            twin.add(child)
        return twin
    return copy(root)
