"""Where a document sits in the tree: under its issue and category, or — imported on its
own — under its government and year (models/views/grouping.py, models/views/outline.py)."""
from __future__ import annotations

import shutil

from conftest import FIXTURES

from models.views.grouping import sub_row, top_key_of, top_row


def test_a_document_imported_on_its_own_sits_under_its_government_and_year(
        tmp_path, seed_library_path, seed_issue, registry):
    from models.parse.parser import parse_bytes
    from models.store.build import add_issues
    from models.store.library import Library
    from models.views.outline import Outline
    path = tmp_path / "lib.sqlite"
    shutil.copy(seed_library_path, path)
    single = FIXTURES / "tai_single_with_number.txt"
    other = (single.read_text(encoding="utf-8").replace("台政发〔2022〕3号", "台政发〔2022〕9号")
             .replace("关于进一步加强安全生产工作的意见", "关于做好防汛工作的通知"))
    issues = [parse_bytes(single.read_bytes(), registry, single.name),
              parse_bytes(other.encode("utf-8"), registry, "other.txt")]
    add_issues(path, issues, registry)
    with Library(path) as library:
        tree = Outline(library)
        tops = [(top.kind, top.text, [(sub.text, [d.text for d in tree.children(sub)])
                                      for sub in tree.children(top)])
                for top in tree.children(tree.root)]
        # a single document's key is found under its government and year, read as it unfolds
        key = next(d.key for d in library.documents() if d.doc_number == "台政发〔2022〕9号")
        fresh = Outline(library)
        row = fresh.find(key)
        assert row is not None and (row.parent.key, row.parent.parent.key) == (
            "year:台儿庄区:2022年", "government:台儿庄区")
        assert fresh.find("year:台儿庄区:2022年") is row.parent
    assert tops[0][:2] == ("issue", "2021年第5期")  # the seed's issue, as before
    assert [sub for sub, _ in tops[0][2]][0] == "区政府文件"
    # both single documents together, under the government and the year, not under 其他
    assert tops[1][:2] == ("issue", "台儿庄区")
    assert [sub for sub, _ in tops[1][2]] == ["2022年"]
    titles = tops[1][2][0][1]
    assert len(titles) == 2 and any("安全生产" in t for t in titles) and any("防汛" in t for t in titles)
    assert not any(text in ("台政发〔2022〕3号", "其他") for _, text, _ in tops)


def test_the_rows_above_a_document_of_an_issue_and_of_one_on_its_own():
    # a gazette issue's document: under the issue and its category (其他 without one)
    assert top_row("2021年第5期", None) == ("issue:2021年第5期", "2021年第5期")
    assert sub_row("2021年第5期", False, "区政府文件", "2021-09-18", "市中政发〔2021〕16号") == (
        "category:2021年第5期:区政府文件", "区政府文件")
    assert sub_row("2021年第5期", False, None, "2021-09-18", None) == (
        "category:2021年第5期:其他", "其他")
    # a document on its own: under its government (其他单位 unknown) and its year, of its
    # 成文日期, else of its 文号's 〔2021〕, else 年份不详
    assert top_row("台政发〔2022〕3号", "台儿庄区") == ("government:台儿庄区", "台儿庄区")
    assert top_row("台政发〔2022〕3号", "") == ("government:其他单位", "其他单位")
    assert sub_row("台儿庄区", True, "区政府文件", "2022-03-01", "台政发〔2021〕3号") == (
        "year:台儿庄区:2022年", "2022年")
    assert sub_row("台儿庄区", True, None, None, "台政发〔2021〕3号") == (
        "year:台儿庄区:2021年", "2021年")
    assert sub_row("台儿庄区", True, None, None, "台政发［2020］3号")[1] == "2020年"
    assert sub_row("其他单位", True, None, None, None) == ("year:其他单位:年份不详", "年份不详")
    # and back: the top row above a category or a year
    assert top_key_of("category:2021年第5期:区政府文件") == "issue:2021年第5期"
    assert top_key_of("year:台儿庄区:2022年") == "government:台儿庄区"
    assert top_key_of("doc:市中政发|2021|16") is None


def test_the_duplicate_message_names_each_document_once():
    from models.errors import DuplicateDocumentError
    single = str(DuplicateDocumentError([("台政发〔2022〕3号", "第 1 行", "台政发〔2022〕3号")]))
    assert single == "台政发〔2022〕3号（第 1 行）已在库中。"
    held = str(DuplicateDocumentError([("市中政发〔2021〕16号", "第 63 行", "2021年第5期")]))
    assert held == "市中政发〔2021〕16号（第 63 行）已在库中，已收录于 2021年第5期。"
    two = str(DuplicateDocumentError([("甲〔2021〕1号", "第 3 行", "2021年第5期"),
                                      ("乙〔2021〕2号", "", "乙〔2021〕2号")]))
    assert two == "以下 2 件公文已在库中：甲〔2021〕1号（第 3 行），已收录于 2021年第5期；乙〔2021〕2号。"
