"""Property tests: whatever text arrives, only the importer's own errors escape."""
from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.store.content import import_gazette
from models.errors import GazetteError
from models.parse.parser import parse_bytes

from conftest import FIXTURES, SEED

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
SMALL_LINES = (FIXTURES / "xuecheng_2022-03.txt").read_text(encoding="utf-8").split("\n")
GENRE = ("一二三四五六七八九十第章条附件号年月日底前至到有效期组长成员区局部门牵头配合负责责任单位"
         "：:（）()〔〕[]【】《》、，。；;.．１２３1234567890 \t\u3000①⑦⑳-—…“”")
GENRE_TEXT = st.lists(st.sampled_from(list(GENRE) + ["\n", "\n\n", "\r\n", "市中政发〔2021〕16号",
                                                     "（区财政局牵头，各镇街配合）", "2021年9月6日"]),
                      max_size=200).map("".join)
ANY_TEXT = st.text(max_size=300)
QUICK = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: bytes, registry) -> None:
    try:
        issue = parse_bytes(data, registry, "fuzz.txt")
    except GazetteError as err:
        assert str(err)  # a message for the user
        return
    assert issue.documents
    for doc in issue.documents:
        assert doc.title and doc.key
        keys = [n.key for n in doc.walk()]
        assert len(keys) == len(set(keys))


@settings(QUICK, max_examples=150)
@given(text=GENRE_TEXT)
def test_random_gazette_like_text(registry, text):
    _parse(text.encode("utf-8"), registry)


@settings(QUICK, max_examples=100)
@given(text=ANY_TEXT)
def test_random_unicode_text(registry, text):
    _parse(text.encode("utf-8", "surrogatepass"), registry)


@settings(QUICK, max_examples=100)
@given(data=st.binary(max_size=400))
def test_random_bytes(registry, data):
    _parse(data, registry)


def _mutate(lines: list[str], ops, data) -> list[str]:
    lines = list(lines)
    for op in ops:
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + data.draw(st.text(st.sampled_from(GENRE), max_size=8)) + lines[i][at:]
        elif op == "truncate":
            lines = lines[:i]
    return lines


OPS = st.lists(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]),
               min_size=1, max_size=6)


@settings(QUICK, max_examples=30)
@given(ops=OPS, data=st.data())
def test_mutated_seed(registry, ops, data):
    _parse("\n".join(_mutate(SEED_LINES, ops, data)).encode("utf-8"), registry)


@settings(QUICK, max_examples=60)
@given(ops=OPS, data=st.data())
def test_mutated_second_issue(registry, ops, data):
    _parse("\n".join(_mutate(SMALL_LINES, ops, data)).encode("utf-8"), registry)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(QUICK, max_examples=15)
@given(ops=OPS, data=st.data(), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_mutated_text_through_the_importer(seed_library_path, ops, data, encoding):
    """The whole import: a library is either extended or left exactly as it was."""
    text = "\n".join(_mutate(SMALL_LINES, ops, data))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.txt"
        source.write_bytes(text.encode(encoding, "surrogatepass"))
        lib = Path(tmp) / "lib.sqlite"
        shutil.copyfile(seed_library_path, lib)
        before = _sha(lib)
        try:
            import_gazette(source, lib)
        except GazetteError as err:
            assert str(err)
            assert _sha(lib) == before
        assert [p.name for p in Path(tmp).iterdir() if p.name.startswith(".building-")] == []
