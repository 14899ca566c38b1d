"""Text normalisation shared by the parser, the library and search.

Two different needs, kept apart:
- *folding* maps full- and half-width variants onto one form, character for
  character (same length), so offsets found in folded text are offsets in the
  published text too — used for matching, never for display;
- *mending* removes only what PDF extraction added (stray spaces between
  Chinese characters); the published wording is otherwise kept.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_FOLD = {
    "（": "(", "）": ")", "［": "[", "］": "]", "【": "[", "】": "]",
    "〔": "[", "〕": "]", "｛": "{", "｝": "}", "，": ",", "：": ":",
    "；": ";", "！": "!", "？": "?", "．": ".", "　": " ", "－": "-",
    "—": "-", "～": "~", "＋": "+", "％": "%", "／": "/",
}
_FOLD_TABLE = {ord(k): v for k, v in _FOLD.items()}
# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII by a fixed offset.
for _cp in range(0xFF01, 0xFF5F):
    _FOLD_TABLE.setdefault(_cp, chr(_cp - 0xFEE0))


class LazyRegex:
    """A regex compiled on first use.

    Patterns over the CJK ranges cost milliseconds each to compile; the
    window imports this module at start-up but only the parser needs them.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def fold(text: str) -> str:
    """Fold width variants and brackets to ASCII, keeping the length unchanged."""
    return text.translate(_FOLD_TABLE)


@functools.lru_cache(maxsize=256)
def folded_pattern(term: str) -> re.Pattern:
    """A pattern that finds *term* (folded, lower-cased) in text as published: each
    character stands with every character that folds to it, so matches are marked
    without folding each clause that is shown (（一） for "(一)", Ａ for "a")."""
    variants: dict[str, set[str]] = {}
    for cp, folded in _FOLD_TABLE.items():
        variants.setdefault(folded.lower(), set()).add(chr(cp))
    parts = []
    for ch in term:
        same = {ch, ch.upper()} | variants.get(ch, set())
        parts.append(re.escape(ch) if len(same) == 1
                     else "[" + "".join(re.escape(c) for c in sorted(same)) + "]")
    return re.compile("".join(parts))


_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f\u2014\u2026"
_SPACE_BETWEEN_CJK = LazyRegex(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_SPACE_AFTER_OPEN = LazyRegex(r"(?<=[（(])[ \t\u3000]+")
_SPACE_BEFORE_CLOSE = LazyRegex(r"[ \t\u3000]+(?=[）)])")
_SPACE_AROUND_PUNCT = LazyRegex(
    rf"(?<=[{_CJK}\d])[ \t\u3000]+(?=[,.;:!?)（(])|(?<=[,;:!?)）(（])[ \t\u3000]+(?=[{_CJK}\d])"
)
_SPACE_DIGIT_CJK = LazyRegex(rf"(?<=\d)[ \t\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u3000]+(?=\d)")


def mend_spaces(text: str) -> str:
    """Remove spaces that extraction put between Chinese characters.

    Spaces next to Latin letters are kept ("PC端", "宣传教育 and 解释") since
    there they may be part of the published wording.
    """
    text = text.strip()
    if " " not in text and "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
        return text  # most lines have no space at all
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _SPACE_AFTER_OPEN.sub("", text)
    text = _SPACE_BEFORE_CLOSE.sub("", text)
    text = _SPACE_AROUND_PUNCT.sub("", text)
    text = _SPACE_DIGIT_CJK.sub("", text)
    return re.sub(r"[ \t\u3000]{2,}", " ", text)


def nonblank(text: str) -> str:
    """The characters of *text* without any whitespace (for conservation checks)."""
    return "".join(ch for ch in text if not ch.isspace())


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(numeral: str) -> int:
    """Convert a Chinese numeral (一, 十二, 二十三, 一百零五) to an int."""
    total, current = 0, 0
    for ch in numeral:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            raise ValueError(numeral)
    return total + current


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


# ---------------------------------------------------------------- 文号
_DOCNO = LazyRegex(
    r"^(?P<org>[\u4e00-\u9fff]{1,15}?)\s*"
    r"[\[(]?\s*(?P<year>(?:19|20)\d{2})\s*[\])]?\s*"
    r"第?\s*(?P<seq>\d{1,4})\s*号?$"
)


def parse_doc_number(text: str) -> tuple[str, int, int] | None:
    """Split a 文号 written in any common form into (机关代字, year, number)."""
    folded = unicodedata.normalize("NFKC", fold(text)).strip()
    folded = re.sub(r"\s+", "", folded)
    m = _DOCNO.match(folded)
    if not m:
        return None
    return m.group("org"), int(m.group("year")), int(m.group("seq"))


def doc_number_pattern(number: tuple[str, int, int]) -> re.Pattern:
    """A pattern finding the 文号 *number* (parse_doc_number's answer) in text as published,
    in any of its forms: 〔2021〕 [2021] 【2021】 (2021), any width, with or without 号."""
    org, year, seq = number

    def digits(n: int) -> str:  # each digit, half- or full-width
        return "".join(f"[{d}{chr(ord(d) + 0xFEE0)}]" for d in str(n))
    return re.compile(folded_pattern(fold(org).lower()).pattern + r"\s*[\[(（〔【［]\s*"
                      + digits(year) + r"\s*[\])）〕】］]\s*[0０]*" + digits(seq) + "号?")


def doc_number_key(text: str) -> str | None:
    """A comparable key for a 文号: same key for 〔2021〕, [2021], 【2021】, (2021), with or without 号."""
    parts = parse_doc_number(text)
    if not parts:
        return None
    org, year, seq = parts
    return f"{org}|{year}|{seq}"


def doc_number_tail(text: str) -> str | None:
    """year|serial of a 文号 (2021|16): what a 文号 query finds in the index before its
    机关代字 is compared (which a user may write shorter: 政办发 for 市中政办发)."""
    parts = parse_doc_number(text)
    return f"{parts[1]}|{parts[2]}" if parts else None


def canonical_doc_number(text: str) -> str:
    """The 文号 in the standard's form 机关代字〔年份〕序号号 (text unchanged if it is not one).

    The serial keeps its published digits (〔2022〕070号 stays 070: it is how the paper
    copy reads); only doc_number_key, for matching, reads it as a number."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", fold(text)).strip())
    m = _DOCNO.match(folded)
    if not m:
        return mend_spaces(text)
    return f"{m.group('org')}〔{m.group('year')}〕{m.group('seq')}号"


DOC_NUMBER_LINE = LazyRegex(
    r"^\s*[\u4e00-\u9fff]{2,15}\s*[〔\[【(（［]\s*(?:19|20)\d{2}\s*[〕\]】)）］]\s*第?\s*\d{1,4}\s*号\s*$"
)


def is_doc_number_line(text: str) -> bool:
    """A line that is a 文号 and nothing else, in any bracket and digit width (〔２０２２〕８号)."""
    return bool(DOC_NUMBER_LINE.match(fold(text)))
