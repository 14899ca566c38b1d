"""A parsed gazette issue as plain dataclasses — the one shape the parser hands to the library."""
from __future__ import annotations

from dataclasses import dataclass, field

from models.roles import ROLE_LABELS, ROLES  # noqa: F401  (re-exported: roles of a node)

# Node kinds. Front and closing matter are nodes too, so that every character
# of a document sits in exactly one node.
NUMBERED_KINDS = ("chapter", "section", "article", "subsection", "item", "subitem")
CONTENT_KINDS = NUMBERED_KINDS + ("paragraph", "annex", "duty", "roster", "plan_title", "notice",
                                  "row")

# A document's key: "doc:" + its 文号 folded, or "title:" + a hash of its title when it has
# no 文号 (models/parse/layout.document_key). A clause's key is a bare hex string.
DOC_NUMBER_KEY_PREFIX = "doc:"
TITLE_KEY_PREFIX = "title:"
DOCUMENT_KEY_PREFIXES = (DOC_NUMBER_KEY_PREFIX, TITLE_KEY_PREFIX)


def is_document_key(key: str) -> bool:
    return key.startswith(DOCUMENT_KEY_PREFIXES)


# The forms a document assigns a duty in (the reader can say which):
FORMS = ("note", "responsibility_line", "section", "article_item", "annex", "table", "roster")


@dataclass
class Assignment:
    department: str  # canonical name; "" for a general note
    role: str  # one of ROLES
    as_written: str  # the words of the gazette ("区发改局", "财政部门", "区政府有关部门")
    government: str = ""  # whose unit: 市中区, 青川区, 江宁市 …
    form: str = "note"  # one of FORMS: how the document gave the duty
    known: bool = True  # in a registry (else named by the general rules, or as written)


@dataclass
class Deadline:
    phrase: str  # as written: "11月底前", "（2021年10月至2022年2月）"
    due: str  # ISO date the task is due (end of a period)
    start: str | None = None  # ISO start of a period
    kind: str = "deadline"  # deadline | period | target | within_year


@dataclass
class Reference:
    title: str  # 《…》 without the brackets
    doc_number: str | None  # canonical 文号 when given


@dataclass
class RosterEntry:
    person: str
    post: str
    group: str
    position: str  # 组长 / 副组长 / 成员


@dataclass
class Node:
    key: str
    kind: str
    label: str  # the number as published, spaces mended: "（三）", "1、", "附件 1:" → "附件1:"
    path: str  # a label for people: "二、（三）1."
    heading: str
    text: str  # published wording after the label, spaces mended
    first_line: int
    last_line: int
    children: list["Node"] = field(default_factory=list)
    page: int | None = None  # 1-based page of the source file where it starts (PDF, OFD)
    page_label: str | None = None  # the page number printed there ("17" of "— 17 —")
    boxes: tuple = ()  # (page, x0, top, x1, bottom) of its printed lines, for the 原文 view
    assignments: list[Assignment] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    roster: RosterEntry | None = None
    note: str = ""  # the responsibility note as written, if any (part of text)

    @property
    def full_text(self) -> str:
        return self.label + self.text

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    key: str  # immutable: from the 文号 (or the title when there is none)
    position: int
    doc_number: str | None
    title: str
    short_title: str
    masthead: str = ""
    issuer: str = ""  # the first (leading) of the issuers
    issuers: list[str] = field(default_factory=list)  # every organ that signs (联合发文)
    government: str = ""  # whose document: 市中区, 青川区, 江宁市 …
    parent_government: str = ""  # the government above it, when the document says
    plan_issuers: list[str] = field(default_factory=list)  # a forwarded plan's own signers
    plan_date: str | None = None
    addressee: str = ""
    date: str | None = None  # 成文日期, ISO
    publicity: str = ""
    cc: str = ""
    imprint_org: str = ""
    imprint_date: str | None = None
    attachments: list[str] = field(default_factory=list)
    plan_title: str = ""
    valid_until: str | None = None
    category: str = ""
    page: int | None = None  # the page the issue's 目录 gives it
    first_line: int = 0
    last_line: int = 0
    first_page: int | None = None  # the page of the file where it starts (PDF, OFD)
    nodes: list[Node] = field(default_factory=list)

    def walk(self):
        for node in self.nodes:
            yield from node.walk()

    @property
    def where(self) -> str:
        """Where the document starts in its file, as a user finds it: 第 N 页 or 第 N 行."""
        if self.first_page is not None:
            return f"第 {self.first_page} 页"
        return f"第 {self.first_line} 行" if self.first_line else ""


@dataclass
class TocEntry:
    category: str
    title: str
    doc_number: str | None
    page: int | None
    line: int


@dataclass
class Issue:
    label: str  # "2021年第5期", or the document's title for a single document
    title: str = ""  # 刊名
    year: int | None = None
    number: int | None = None
    total_number: int | None = None
    published: str | None = None
    sponsor: str = ""
    editor: str = ""
    details: dict[str, str] = field(default_factory=dict)
    toc: list[TocEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    source_name: str = ""
    source_sha256: str = ""
    source_format: str = "text"  # text | pdf | ofd | word: the reader it came through
    unknown_units: list[str] = field(default_factory=list)
