"""Splitting an issue into documents and reading their GB/T 9704 elements.

A document starts at its 发文机关标志 (or, reprinted without its 版头, its 标题) followed
by its 文号. Around the body stand the front matter (标题, 主送机关), the closing (署名,
成文日期, 附注), annexes, and the 版记 (抄送, 印发机关和印发日期). A notice that issues a plan
(关于印发……的通知) carries the plan after its own closing: the plan is its body.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from models.issue import DOC_NUMBER_KEY_PREFIX, TITLE_KEY_PREFIX
from models.parse.line import Line
from models.parse.markers import (ANNEX_MARK, CC_LINE, DATE_LINE, IMPRINT_DATE, IMPRINT_LINE,
                                  PUBLICITY, match_marker)
from models.parse.paragraphs import ends_sentence
from models.textnorm import doc_number_key, fold, is_doc_number_line, mend_spaces


def is_masthead(text: str) -> bool:
    compact = mend_spaces(text)
    return 2 <= len(compact) <= 40 and not re.search(r"[。，,：:；;（）()]", compact) \
        and not match_marker(compact)


# The kinds of official document (党政机关公文处理工作条例, 第八条) and the texts they issue:
# a title names one at its end; a 发文机关标志 (…文件, an organ's name) never does.
DOCUMENT_KINDS = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
                  "请示", "批复", "议案", "函", "纪要", "方案", "办法", "规定", "细则", "规划",
                  "条例", "规则")


def is_title_line(text: str) -> bool:
    """A document's 标题 on one line (关于……的通知): printed above the 文号 when a gazette
    reprints a document without its 版头."""
    compact = mend_spaces(text)
    return "关于" in compact and compact.endswith(DOCUMENT_KINDS) and _title_sized(compact)


def find_document_starts(lines: list[Line]) -> list[int]:
    """Indexes of the first line of each document (its masthead or a title above its 文号,
    or its 文号)."""
    starts: list[int] = []
    for i, line in enumerate(lines):
        if is_doc_number_line(line.text):
            above = lines[i - 1].text if i > 0 else ""
            start = i - 1 if i > 0 and (is_masthead(above) or is_title_line(above)) and (
                not starts or i - 1 > starts[-1]) else i
            starts.append(start)
    return starts


def document_key(doc_number: str | None, title: str) -> str:
    key = doc_number_key(doc_number) if doc_number else None
    if key:
        return DOC_NUMBER_KEY_PREFIX + key
    return TITLE_KEY_PREFIX + hashlib.sha1(fold(mend_spaces(title)).encode()).hexdigest()[:12]


@dataclass
class Layout:
    """Where each element of one document lies, as index ranges into its lines."""
    masthead: int | None = None
    doc_number: int | None = None
    title: range = range(0)
    addressee: range = range(0)
    body: range = range(0)
    signature: range = range(0)  # 发文机关署名: one line, or several when organs sign jointly
    date: int | None = None  # 成文日期 (a covering notice may carry it without a signature)
    publicity: int | None = None
    plan_title: range = range(0)
    plan_body: range = range(0)
    plan_signature: range = range(0)  # the plan's own closing (a 转发 plan's bureau)
    plan_date: int | None = None
    annexes: list[range] = field(default_factory=list)
    cc: range = range(0)
    imprint: range = range(0)


_MAX_SIGNERS = 8  # lines of a joint 署名 (a dozen organs, two to a line)


def _organ_line(text: str, endings: tuple[str, ...]) -> bool:
    """A line of a 署名: organ names only (one, or several side by side)."""
    compact = mend_spaces(text)
    if not is_masthead(compact) or DATE_LINE.match(compact) or len(compact) > 60:
        return False
    return all(chunk.endswith(endings) for chunk in compact.split())


def _closing(lines: list[Line], start: int, end: int, endings: tuple[str, ...]
             ) -> tuple[range, int] | None:
    """The first 署名 and 成文日期 in lines[start:end]: a date line standing alone, with
    the organ lines right above it (none, for a covering notice dated without a signature,
    after a finished sentence)."""
    for j in range(start + 1, end):
        if not DATE_LINE.match(mend_spaces(lines[j].text)):
            continue
        top = j
        while top - 1 > start and j - (top - 1) <= _MAX_SIGNERS and \
                _organ_line(lines[top - 1].text, endings):
            top -= 1
        if top < j or ends_sentence(lines[j - 1].text):
            return range(top, j), j
    return None


def lay_out(lines: list[Line], endings: tuple[str, ...]) -> Layout:
    """Find the GB/T 9704 elements of one document's lines (*endings*: how the names of
    organs end, content/roles.toml [units], for telling a 署名)."""
    lay = Layout()
    n = len(lines)
    i = 0
    title_above = False  # the 标题 printed above the 文号 (a reprint without its 版头)
    if i < n and not is_doc_number_line(lines[i].text) and i + 1 < n and \
            is_doc_number_line(lines[i + 1].text):
        title_above = is_title_line(lines[i].text)
        if title_above:
            lay.title = range(i, i + 1)
        else:
            lay.masthead = i
        i += 1
    if i < n and is_doc_number_line(lines[i].text):
        lay.doc_number = i
        i += 1
    # 版记 from the end: 印发 line(s), then 抄送.
    end = n
    last = mend_spaces(lines[end - 1].text) if end >= 1 else ""
    if IMPRINT_DATE.match(last) or IMPRINT_LINE.match(last):
        start = end - 2 if end >= 2 and IMPRINT_DATE.match(last) and \
            is_masthead(lines[end - 2].text) else end - 1
        lay.imprint = range(start, end)
        end = start
        cc_start = next((j for j in range(end - 1, max(end - 5, i) - 1, -1)
                         if CC_LINE.match(lines[j].text)), None)
        if cc_start is not None:
            lay.cc = range(cc_start, end)
            end = cc_start
    # 标题: up to four lines, ending before the addressee or the first sentence.
    if not title_above:
        t = i
        while t < end and t - i < 4 and _title_like(lines[t].text):
            t += 1
        if t == i and i < end:
            t = i + 1  # a title that looks like a sentence still is the title
        lay.title = range(i, t)
        i = t
    # 主送机关: lines up to one ending with a colon, with no sentence before it.
    for j in range(i, min(i + 3, end)):
        text = fold(lines[j].text)
        if "。" in text or match_marker(lines[j].text):
            break
        if text.rstrip().endswith(":"):
            lay.addressee = range(i, j + 1)
            i = j + 1
            break
    # Closing: 署名 + 成文日期 (+ 附注).
    closing = _closing(lines, i, end, endings)
    if closing is None:
        body_end = next((j for j in range(i, end) if ANNEX_MARK.match(mend_spaces(lines[j].text))),
                        end)
        lay.body = range(i, body_end)
        lay.annexes = _annex_ranges(lines, body_end, end)
        return lay
    lay.signature, lay.date = closing
    lay.body = range(i, lay.signature.start if lay.signature else lay.date)
    k = lay.date + 1
    if k < end and PUBLICITY.match(mend_spaces(lines[k].text)):
        lay.publicity = k
        k += 1
    if k < end and not ANNEX_MARK.match(mend_spaces(lines[k].text)):
        # A plan issued by the notice: its title, then its body up to the annexes.
        p = k + 1
        while p < end and lines[p].blank_before is False and _title_like(lines[p].text):
            p += 1
        lay.plan_title = range(k, p)
        plan_end = next((j for j in range(p, end) if ANNEX_MARK.match(mend_spaces(lines[j].text))),
                        end)
        lay.plan_body = range(p, plan_end)
        closing = _closing(lines, max(p, plan_end - _MAX_SIGNERS - 2), plan_end, endings) \
            if plan_end - p > 2 else None
        if closing is not None and closing[0] and closing[1] == plan_end - 1:
            # the plan signed and dated at its end (a bureau's plan that the notice forwards)
            lay.plan_signature, lay.plan_date = closing
            lay.plan_body = range(p, closing[0].start)
        k = plan_end
    lay.annexes = _annex_ranges(lines, k, end)
    return lay


def _title_sized(text: str) -> bool:
    """No sentence ends in *text* and it is no longer than a title (80 characters): what
    every title is (is_title_line's 关于……的通知 may hold a comma; _title_like's may not)."""
    return "。" not in text and len(text) <= 80


def _title_like(text: str) -> bool:
    folded = fold(mend_spaces(text))
    return _title_sized(folded) and "," not in folded and not folded.endswith(":") \
        and not match_marker(folded) and not DATE_LINE.match(folded)


def _annex_ranges(lines: list[Line], start: int, end: int) -> list[range]:
    marks = [j for j in range(start, end) if ANNEX_MARK.match(mend_spaces(lines[j].text))]
    if not marks:
        return [range(start, end)] if start < end else []
    ranges = []
    if marks[0] > start:  # text after the closing that is no annex: keep it as one
        ranges.append(range(start, marks[0]))
    for a, b in zip(marks, marks[1:] + [end]):
        ranges.append(range(a, b))
    return ranges


def imprint_parts(texts: list[str]) -> tuple[str, str, tuple[str, str, str] | None]:
    """The 版记's 印发机关, 印发日期 as written and its (year, month, day), whether the two
    stand on one line (as printed) or on two (as a text extraction gives them)."""
    last = texts[-1]
    m = IMPRINT_DATE.match(last)
    if m:
        return (texts[0] if len(texts) > 1 else ""), last, m.groups()
    m = IMPRINT_LINE.match(last)
    if m:
        return m.group(1), m.group(2), m.groups()[2:]
    return "", last, None


def joined(lines: list[Line], span: range) -> str:
    return mend_spaces("".join(lines[j].text for j in span))
