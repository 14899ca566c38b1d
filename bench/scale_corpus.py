"""Libraries of many issues for the scale bench (issue 14): variants of the embedded issue.

    .venv/bin/python bench/scale_corpus.py --count 3 --out /tmp/issues   (write the texts)

Issue *i* of the corpus (0-based, deterministic for a given --seed) is the seed
content/issues/2021-05_shizhong.txt with:
* its own cover: year FIRST_YEAR + i // PER_YEAR, 第 (i % PER_YEAR + 1) 期 (a
  semimonthly gazette, so that 1,000 issues span 42 years rather than 84),
  总第 i+1 期, its own publication date;
* new 文号 for its five documents, in the table of contents and on the
  documents (same 机关代字, the issue's year, serials that grow through the
  year by a random step): document keys never repeat across the corpus;
* every other year written in the text moved by the same amount (dates,
  deadlines, 有效期, the years of the documents it cites), so deadlines stay
  relative to the document as published;
* light wording: a few quantities changed (20万元 → 35万元, 100% → 95%) and a
  few plain words swapped for their synonyms (积极 → 主动), only in body
  sentences and never in the role notes' words, so that the texts and their
  fingerprints differ while every document parses into the same tree.

issue_structure() is what "the same tree" means (node kinds in order, roles and
deadlines per node); make_issue() checks each variant against the seed with it,
so a generator change that would alter the parse fails at once.

Building a library of N issues (build_libraries) goes through the real import
path: models.store.content.import_gazette(path, library) — what `main.py import
FILE --library LIB` does — one issue after the other, each a transaction of its
own, as an official importing them would. Libraries are named by a hash of the
texts they hold and of models/ (so a library built by other code or from other
texts is never reused), and a library of N is built by extending a copy of the
largest smaller one: 10, 100 and 1,000 are one sequence of imports, and every
import's time is logged (import-times.csv in the work folder).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.textnorm import is_doc_number_line, parse_doc_number

SEED = ROOT / "content" / "issues" / "2021-05_shizhong.txt"
SEED_YEAR = 2021
FIRST_YEAR = 2000
PER_YEAR = 24
DEFAULT_SEED = 14  # the issue's number: any seed gives a valid corpus, this one is the bench's

# Quantities that may change (a number right before one of these units).
_QUANTITY = re.compile(r"(?<![\d.．、,，）)年月])(\d{1,3})(?=(?:个|家|人|万元|元|亩|所|名|户|座|处|项"
                       r"|天|小时|%|％|万|次))")
# Plain words and their synonyms: none is, contains or makes a role word, a unit name,
# a general phrase or a marker of content/roles.toml and the parser.
SYNONYMS = (("积极", "主动"), ("不断", "持续"), ("加快", "加速"), ("切实", "扎实"),
            ("充分", "全面"), ("稳妥", "稳步"), ("及时", "按时"), ("逐步", "稳步"),
            ("强化", "增强"), ("提高", "提升"))
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_COVER_NUMBER = re.compile(r"第 ?\d{1,3} ?期")
_COVER_TOTAL = re.compile(r"总第 ?\d{1,4} ?期")
_COVER_PUBLISHED = re.compile(r"^\d{1,2} ?月 ?\d{1,2} ?日出版$")
_BRACKETS = r"\s*[〔\[【(（［]\s*{year}\s*[〕\]】)）］]\s*第?\s*0*{seq}\s*号"


@dataclass(frozen=True)
class IssueText:
    index: int
    name: str  # the file name it is imported under
    year: int
    number: int  # 期
    doc_numbers: tuple[str, ...]  # its documents' 文号, in order
    text: str


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def issue_place(index: int) -> tuple[int, int]:
    """(year, 期) of issue *index*."""
    return FIRST_YEAR + index // PER_YEAR, index % PER_YEAR + 1


def _own_doc_numbers(text: str) -> list[tuple[str, int, int]]:
    """The 文号 of the seed's own documents (their 文号 lines), in order."""
    found = []
    for line in text.splitlines():
        if is_doc_number_line(line):
            parts = parse_doc_number(line)
            if parts and parts not in found:
                found.append(parts)
    return found


def _serials(count_until: int, seed: int, own: list[tuple[str, int, int]]
             ) -> list[list[int]]:
    """Serials for the documents of issues 0..count_until-1: per 机关代字 and year they grow
    through the year by a random step of 1 to 3, as a government numbers its documents."""
    rng = random.Random(f"serials {seed}")
    counters: dict[tuple[str, int], int] = {}
    out = []
    for index in range(count_until):
        year, _ = issue_place(index)
        serials = []
        for org, _, _ in own:
            counters[(org, year)] = counters.get((org, year), 0) + rng.randint(1, 3)
            serials.append(counters[(org, year)])
        out.append(serials)
    return out


_SERIAL_CACHE: dict[tuple[int, int], list[list[int]]] = {}


def _issue_serials(index: int, seed: int, own: list[tuple[str, int, int]]) -> list[int]:
    # Serials depend on every issue before in the year: computed once per corpus, in blocks.
    block = (index // 1024 + 1) * 1024
    key = (seed, block)
    if key not in _SERIAL_CACHE:
        _SERIAL_CACHE[key] = _serials(block, seed, own)
    return _SERIAL_CACHE[key][index]


def _is_body_sentence(line: str) -> bool:
    """A line of running text (where wording may change): long and with a full stop."""
    return len(line) >= 40 and "。" in line


def _vary_wording(line: str, rng: random.Random) -> str:
    """A few quantities and plain words changed, outside the role note at the line's end."""
    cut = max(line.rfind("（"), line.rfind("("))
    head, note = (line[:cut], line[cut:]) if cut > 0 and line.rstrip().endswith((")", "）")) \
        else (line, "")

    def quantity(m: re.Match) -> str:
        if rng.random() < 0.5:
            return m.group(0)
        value = int(m.group(1))
        return str(max(1, value + rng.choice((-5, -2, -1, 1, 2, 5, 10, 15))))
    head = _QUANTITY.sub(quantity, head)
    for word, other in SYNONYMS:
        if word in head and rng.random() < 0.3:
            head = head.replace(word, other, 1)
    return head + note


def make_issue(index: int, seed: int = DEFAULT_SEED, base: str | None = None) -> IssueText:
    """Issue *index* of the corpus (see the module docstring)."""
    text = base if base is not None else seed_text()
    year, number = issue_place(index)
    delta = year - SEED_YEAR
    rng = random.Random(f"issue {seed} {index}")
    own = _own_doc_numbers(text)
    serials = _issue_serials(index, seed, own)
    placeholders = {}
    for k, ((org, old_year, old_seq), seq) in enumerate(zip(own, serials)):
        mark = f"\x00{k}\x00"
        placeholders[mark] = f"{org}〔{year}〕{seq}号"
        pattern = re.escape(org) + _BRACKETS.format(year=old_year, seq=old_seq)
        text = re.sub(pattern + r"(?!\d)", mark, text)
    lines = text.split("\n")
    toc = next((i for i, line in enumerate(lines) if line.replace(" ", "") == "目录"),
               len(lines))
    month, day = (number + 1) // 2, 14 if number % 2 else 28
    out = []
    for i, line in enumerate(lines):
        line = _YEAR.sub(lambda m: str(int(m.group(1)) + delta), line)
        if i < toc:  # the cover
            if _COVER_TOTAL.search(line):
                line = _COVER_TOTAL.sub(f"总第 {index + 1} 期", line)
            elif _COVER_NUMBER.search(line):
                line = _COVER_NUMBER.sub(f"第 {number} 期", line)
            elif _COVER_PUBLISHED.match(line.strip()):
                line = f"{month} 月 {day} 日出版"
        elif _is_body_sentence(line):
            line = _vary_wording(line, rng)
        out.append(line)
    text = "\n".join(out)
    for mark, doc_number in placeholders.items():
        text = text.replace(mark, doc_number)
    return IssueText(index, f"scale-{index:04d}_{year}-{number:02d}.txt", year, number,
                     tuple(placeholders.values()), text)


def issue_structure(issue) -> list[tuple]:
    """What must not change between variants: per document, its nodes' kinds in order, with
    each node's (department, role) assignments and its number of deadlines."""
    return [tuple((n.kind, tuple((a.department, a.role) for a in n.assignments),
                   len(n.deadlines)) for n in doc.walk())
            for doc in issue.documents]


class StructureError(AssertionError):
    pass


def check_issue(item: IssueText, registry, expected: list[tuple] | None = None):
    """Parse *item* as the importer would and compare its tree with the seed's; the Issue."""
    from models.parse.parser import parse_bytes
    issue = parse_bytes(item.text.encode("utf-8"), registry, item.name)
    if expected is not None and issue_structure(issue) != expected:
        raise StructureError(f"{item.name}: parses differently from the seed")
    return issue


def seed_structure(registry) -> list[tuple]:
    from models.parse.parser import parse_bytes
    return issue_structure(parse_bytes(SEED.read_bytes(), registry, SEED.name))


# ------------------------------------------------------------------ libraries
# What only reads a library: its code does not change what a build writes.
READERS = ("models/views", "models/bookmarks", "models/store/library.py",
           "models/store/library_file.py", "models/store/records.py", "models/store/search.py",
           "models/store/tree.py")


def code_digest() -> str:
    """A hash of the code and data that turn texts into a library: models/ but READERS, and
    content's registry (a library built by other code is not reused)."""
    digest = hashlib.sha256()
    readers = [ROOT / r for r in READERS]
    files = [ROOT / "content" / "departments.toml", ROOT / "content" / "roles.toml",
             *sorted(p for p in (ROOT / "models").rglob("*.py")
                     if not any(r == p or r in p.parents for r in readers))]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_SIZES: dict[tuple[int, int], int] = {}  # (seed, index) → bytes of the issue's text


def corpus_digests(count: int, seed: int = DEFAULT_SEED) -> list[str]:
    """digests[n]: a hash of the texts of issues 0..n-1 (so a library of n issues is named by
    exactly what it holds, and a smaller one is recognised as a prefix of a larger one)."""
    digest = hashlib.sha256(b"gazette scale corpus")
    out = [digest.hexdigest()[:12]]
    for index in range(count):
        data = make_issue(index, seed).text.encode("utf-8")
        _SIZES[(seed, index)] = len(data)
        digest.update(data)
        out.append(digest.hexdigest()[:12])
    return out


def library_name(count: int, texts: str, code: str) -> str:
    return f"library-{code}-{count:05d}-{texts}.sqlite"


def write_issue(item: IssueText, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / item.name
    if not path.exists() or path.read_bytes() != item.text.encode("utf-8"):
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(item.text, encoding="utf-8")
        tmp.replace(path)
    return path


def copy_library(source: Path, target: Path) -> None:
    """A copy of a library file (closed, so nothing is left in a -wal beside it), atomically."""
    if Path(f"{source}-wal").exists() and Path(f"{source}-wal").stat().st_size:
        raise RuntimeError(f"{source} has a -wal file: is it open?")
    tmp = target.with_name(target.name + ".copy")
    shutil.copyfile(source, tmp)
    tmp.replace(target)


def build_libraries(work: Path, sizes: list[int], seed: int = DEFAULT_SEED,
                    say: Callable[[str], None] = print,
                    log: Path | None = None) -> dict[int, Path]:
    """The libraries of issues 0..n-1 for each n in *sizes*, cached in *work*.

    One pass of real imports (models.store.content.import_gazette with a library
    given, as `main.py import FILE --library LIB`), one transaction per issue, from
    the largest library already built from the same texts and code; a copy is
    kept at each size. Each variant is parsed and checked against the seed's tree
    first. *log*: a CSV of every import's time (issues before it, seconds).
    """
    from models.store.content import import_gazette, load_content_registry
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(sizes))
    code = code_digest()
    digests = corpus_digests(sizes[-1], seed)
    result = {n: work / library_name(n, digests[n], code) for n in sizes}
    missing = [n for n in sizes if not result[n].exists()]
    if not missing:
        return result
    start, source = 0, None
    for n in range(missing[0] - 1, 0, -1):  # the largest smaller library: a prefix of ours
        candidate = work / library_name(n, digests[n], code)
        if candidate.exists():
            start, source = n, candidate
            break
    building = work / f"building-{code}-{os.getpid()}.sqlite"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    if source is not None:
        say(f"  extending the library of {start} issues")
        copy_library(source, building)
    registry = load_content_registry()
    expected = seed_structure(registry)
    texts = work / "issues"
    began = last = time.perf_counter()
    try:
        for index in range(start, missing[-1]):
            item = make_issue(index, seed)
            check_issue(item, registry, expected)
            path = write_issue(item, texts)
            t0 = time.perf_counter()
            import_gazette(path, library=building)
            now = time.perf_counter()
            if log:
                with open(log, "a", encoding="utf-8") as times:
                    times.write(f"{index},{now - t0:.4f}\n")
            if index + 1 in missing:
                copy_library(building, result[index + 1])
            if now - last > 60 or index + 1 in missing:
                say(f"  built {index + 1}/{missing[-1]} issues in {now - began:.0f} s "
                    f"(last import {now - t0:.2f} s)")
                last = now
    finally:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    return result


def source_size(count: int, seed: int = DEFAULT_SEED) -> int:
    """Bytes of the gazette texts of issues 0..count-1 (what the library is compared to)."""
    return sum(_SIZES.get((seed, i)) or len(make_issue(i, seed).text.encode("utf-8"))
               for i in range(count))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("texts", help="write issue texts to a folder")
    p.add_argument("--count", type=int, default=3)
    p.add_argument("--first", type=int, default=0)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("build", help="build (or find) the libraries of these sizes")
    p.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    p.add_argument("--work", type=Path, default=Path("/tmp/gazette-scale"))
    args = parser.parse_args()
    if args.command == "build":
        paths = build_libraries(args.work, args.sizes, args.seed,
                                log=args.work / "import-times.csv")
        for n, path in paths.items():
            print(n, path)
        return 0
    from models.store.content import load_content_registry
    registry = load_content_registry()
    expected = seed_structure(registry)
    for index in range(args.first, args.first + args.count):
        item = make_issue(index, args.seed)
        check_issue(item, registry, expected)
        print(write_issue(item, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
