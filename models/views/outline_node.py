"""One row of the reading tree, and a tree of rows whose children are all known.

A plain class with __slots__ rather than a dataclass: the window draws its
first tree from the outline cache before anything heavy is imported, and
this module must cost next to nothing to import. The live tree
(models/views/outline.py, read from the library as it is unfolded) is a
NodeTree that loads a row's children the first time they are asked for; the
cached picture of stage 1 is a NodeTree as it is.
"""
from __future__ import annotations

from typing import Iterator


class OutlineNode:
    __slots__ = ("kind", "key", "text", "document_key", "doc_number", "expired",
                 "valid_until", "role", "parent", "row", "children", "loaded", "foldable", "ref")

    def __init__(self, kind: str, key: str, text: str, document_key: str = "",
                 doc_number: str = "", valid_until: str | None = None,
                 expired: bool = False, role: str = "") -> None:
        self.kind = kind  # "issue" | "category" | "document" | a node kind
        self.key = key  # node key, document key, or a synthetic key for issue/category
        self.text = text  # the row's label
        self.document_key, self.doc_number = document_key, doc_number
        self.valid_until, self.expired = valid_until, expired
        self.role = role  # the filtered department's role in the clause ("" for none)
        self.parent: OutlineNode | None = None
        self.row = 0  # index in parent.children, cached so parent() is O(1)
        self.children: list[OutlineNode] = []
        self.loaded = True  # children known (False: not read yet, or not in the picture)
        self.foldable = False  # has rows below it (known before they are read)
        self.ref = None  # what the live tree reads the children by (an issue's ids)

    def add(self, child: "OutlineNode") -> "OutlineNode":
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        self.foldable = True
        return child

    def walk(self) -> Iterator["OutlineNode"]:
        """This row and every row below it that is known."""
        yield self
        for child in self.children:
            yield from child.walk()

    def has_children(self) -> bool:
        return bool(self.children) if self.loaded else self.foldable


class NodeTree:
    """Rows with their children at hand (the start-up picture); the live outline loads them.

    What the item model asks: children(node), find(key) (the row of a key, or
    None), and the counts the status bar shows."""

    key = None  # the department filter it shows (models/roles.filter_key); None for none

    def __init__(self, root: OutlineNode, clause_count: int = 0):
        self.root = root
        self.by_key: dict[str, OutlineNode] = {n.key: n for n in root.walk() if n.key}
        self.clause_count = clause_count

    def children(self, node: OutlineNode) -> list[OutlineNode]:
        return node.children

    def find(self, key: str) -> OutlineNode | None:
        return self.by_key.get(key)

    def unfolded(self, current: str | None = None, everything: bool = False) -> list[str]:
        """The rows to unfold, parents first: those of the picture with their rows at hand."""
        return [n.key for n in self.root.walk() if n is not self.root and n.loaded
                and n.children]
