"""What library queries answer: plain records of documents, clauses, duties and units."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.store.library_file import stored_date
from models.validity import is_expired


@dataclass
class DocumentInfo:
    key: str
    doc_number: str | None
    title: str
    short_title: str
    issuer: str
    date: str | None
    category: str
    valid_until: str | None
    issue: str
    addressee: str
    plan_title: str
    attachments: list[str]
    position: int
    id: int = 0
    masthead: str = ""
    publicity: str = ""
    cc: str = ""
    imprint_org: str = ""
    imprint_date: str | None = None
    page: int | None = None
    source_sha256: str = ""  # the file it was imported from (its original is kept by this)
    source_format: str = "text"  # text | pdf | ofd | word
    government: str = ""  # whose document: 市中区, 青川区 …
    issuers: list[str] = field(default_factory=list)  # every organ that signs it

    def expired(self, today: date | None = None) -> bool:
        stored_date(self.valid_until, "公文的有效期")  # (a damaged date says so)
        return is_expired(self.valid_until, (today or date.today()).isoformat())

    def as_json(self) -> dict:
        return {"key": self.key, "doc_number": self.doc_number, "title": self.title,
                "short_title": self.short_title, "issuer": self.issuer, "date": self.date,
                "category": self.category, "valid_until": self.valid_until, "issue": self.issue,
                "addressee": self.addressee, "attachments": self.attachments,
                "government": self.government, "issuers": self.issuers}


@dataclass
class NodeInfo:
    id: int
    key: str
    document_key: str
    parent_id: int | None
    depth: int
    kind: str
    label: str
    path: str
    heading: str
    text: str
    note: str
    fingerprint: str
    ord: int
    page: int | None = None  # the page of the source file where it starts (PDF, OFD)
    page_label: str | None = None  # the page number printed there

    @property
    def full_text(self) -> str:
        return self.label + self.text


@dataclass
class DutyEntry:
    doc_number: str | None
    document_key: str
    key: str
    path: str
    heading: str
    role: str
    text: str
    deadlines: list[dict] = field(default_factory=list)
    via: str = ""  # the collective unit through which the entry concerns the department
    valid_until: str | None = None
    expired: bool = False
    form: str = "note"  # how the document gave the duty (models.issue.FORMS)

    def as_json(self) -> dict:
        return {"doc_number": self.doc_number, "key": self.key, "path": self.path,
                "heading": self.heading, "role": self.role, "text": self.text,
                "deadlines": self.deadlines, "valid_until": self.valid_until,
                "expired": self.expired, "form": self.form,
                **({"via": self.via} if self.via else {})}


@dataclass
class DepartmentInfo:
    id: int
    name: str
    kind: str
    known: bool
    aliases: list[str]
    counts: dict[str, int]
    part_of: list[str]
    government: str = ""  # whose unit: 市中区, 青川区 …

    @property
    def total(self) -> int:
        return sum(v for k, v in self.counts.items() if k != "general")
