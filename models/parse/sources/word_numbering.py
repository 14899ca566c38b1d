"""Word's automatic numbering, rendered into the text as it is printed.

A heading numbered by Word ("一、" from numbering.xml, not typed) has no
number in its text runs; the parser needs "一、明确改革内容" as printed. The
rules are those of ECMA-376 §17.9: a paragraph's w:numPr (or its style's)
names a w:num, which points to a w:abstractNum whose w:lvl gives the format
(numFmt), the pattern (lvlText "%1、"), the start value, and when it restarts
(lvlRestart); a w:num may override a level's start (startOverride) or the
whole level.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

_CN_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def counting(n: int, digits: str = _CN_DIGITS, ten: str = "十", hundred: str = "百",
             thousand: str = "千") -> str:
    """一 … 十 十一 … 二十 … 一百零五: the counting numerals Chinese documents print."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    units = ((1000, thousand), (100, hundred), (10, ten))
    rest = n
    zero = False
    for value, name in units:
        q, rest = divmod(rest, value)
        if q:
            if zero:
                parts.append(digits[0])
                zero = False
            bare_ten = value == 10 and n < 20 and digits is _CN_DIGITS  # 十一, not 一十一
            parts.append(("" if bare_ten else digits[q]) + name)
        elif parts:
            zero = True
    if rest:
        if zero:
            parts.append(digits[0])
        parts.append(digits[rest])
    return "".join(parts)


def _letters(n: int, base: str) -> str:
    # Word repeats the letter: 27 → "aa", 28 → "bb"
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else ""


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _enclosed(n: int, first: int, last: int, base: int, fallback: str = "") -> str:
    return chr(base + n - first) if first <= n <= last else (fallback or str(n))


def _circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ①..⑳
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)  # ㉑..㉟
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)  # ㊱..㊿
    return str(n)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a w:numFmt."""
    if fmt in ("decimal", ""):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return counting(n)
    if fmt == "chineseLegalSimplified":
        return counting(n, _LEGAL, "拾", "佰", "仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _circle(n)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 1, 20, 0x2474)  # ⑴..⒇
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 1, 20, 0x2488)  # ⒈..⒛
    if fmt == "ideographEnclosedCircle":
        return _enclosed(n, 1, 10, 0x3280)  # ㊀..㊉
    if fmt == "ideographTraditional":
        return _TIANGAN[n - 1] if 0 < n <= 10 else str(n)  # past 癸: digits, as LibreOffice
    if fmt == "ideographZodiac":
        return _DIZHI[n - 1] if 0 < n <= 12 else str(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt == "none":
        return ""
    return str(n)  # ordinal, cardinalText, … in Chinese gazettes: never seen; digits are honest


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # isLgl: every number in the pattern shown in decimal
    suffix: str = "tab"  # tab | space | nothing
    style: str | None = None  # pStyle: the paragraph style this level belongs to


def _val(el, name: str) -> str | None:
    child = el.find(qn(name)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(qn("w:isLgl"))
    return Level(fmt=_val(lvl, "w:numFmt") or "decimal",
                 text=_val(lvl, "w:lvlText") if _val(lvl, "w:lvlText") is not None else "",
                 start=_int(_val(lvl, "w:start"), 0 if (_val(lvl, "w:numFmt") == "none") else 1),
                 restart=_int(restart, 0) if restart is not None else None,
                 legal=legal is not None
                 and legal.get(qn("w:val"), "1") not in ("0", "false", "off"),
                 suffix=_val(lvl, "w:suff") or "tab",
                 style=_val(lvl, "w:pStyle"))


class Numbering:
    """The numbering definitions of one document and the counters as it is read."""

    def __init__(self, numbering_element):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # numStyleLink target → abstractNumId defining it
        links: dict[str, str] = {}
        root = numbering_element
        if root is not None:
            for an in root.findall(qn("w:abstractNum")):
                aid = an.get(qn("w:abstractNumId"))
                self.abstract[aid] = {_int(lv.get(qn("w:ilvl")), 0): _level(lv)
                                      for lv in an.findall(qn("w:lvl"))}
                if _val(an, "w:styleLink"):
                    self.style_link[_val(an, "w:styleLink")] = aid
                if _val(an, "w:numStyleLink"):
                    links[aid] = _val(an, "w:numStyleLink")
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        if root is not None:
            for num in root.findall(qn("w:num")):
                nid = num.get(qn("w:numId"))
                aid = _val(num, "w:abstractNumId")
                levels, starts = {}, {}
                for ov in num.findall(qn("w:lvlOverride")):
                    ilvl = _int(ov.get(qn("w:ilvl")), 0)
                    if _val(ov, "w:startOverride") is not None:
                        starts[ilvl] = _int(_val(ov, "w:startOverride"), 1)
                    lvl = ov.find(qn("w:lvl"))
                    if lvl is not None:
                        levels[ilvl] = _level(lvl)
                self.nums[nid] = (aid, levels, starts)
        self._links = links
        self.counters: dict[str, dict[int, int | None]] = {}
        self._started: set[str] = set()

    def _levels(self, nid: str) -> tuple[str, dict[int, Level]] | None:
        entry = self.nums.get(nid)
        if entry is None:
            return None
        aid, overrides, _ = entry
        target = aid
        if aid in self._links:  # a list style: the definition lives where the style links it
            target = self.style_link.get(self._links[aid], aid)
        base = dict(self.abstract.get(target, {}))
        base.update(overrides)
        return target, base

    def level_for_style(self, nid: str, style_id: str | None) -> int:
        found = self._levels(nid)
        if found and style_id:
            for ilvl, lvl in found[1].items():
                if lvl.style == style_id:
                    return ilvl
        return 0

    def render(self, nid: str, ilvl: int) -> str:
        """The printed number of the next paragraph of list *nid* at level *ilvl* (with its
        suffix), counting it; "" when the list is unknown (a dangling numId is not fatal)."""
        found = self._levels(nid)
        if found is None or nid == "0":
            return ""
        aid, levels = found
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        starts = self.nums[nid][2]
        # The w:num elements of one abstractNum count together. One that overrides a start
        # restarts those levels where it is first used, and the list counts on from there
        # in whichever w:num comes next: Word's "restart numbering" writes a new w:num for
        # the first paragraph only (LibreOffice's .docx export does the same).
        counters = self.counters.setdefault(aid, {})
        if starts and nid not in self._started:
            self._started.add(nid)
            for level in starts:
                counters[level] = None
        start = starts.get(ilvl, lvl.start)
        current = counters.get(ilvl)
        counters[ilvl] = start if current is None else current + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_lvl = levels.get(deeper, Level())
            restart = deeper_lvl.restart
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                counters[deeper] = None
        text = lvl.text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token not in text:
                continue
            ref = levels.get(k - 1, Level())
            value = counters.get(k - 1)
            if value is None:
                value = starts.get(k - 1, ref.start)
            fmt = "decimal" if (lvl.legal and ref.fmt != "none") else ref.fmt
            text = text.replace(token, format_number(value, fmt))
        if lvl.fmt == "bullet":
            text = "".join("•" if 0xE000 <= ord(c) <= 0xF8FF else c for c in text)
        if not text:
            return ""
        return text + {"tab": " ", "space": " "}.get(lvl.suffix, "")
