"""Deadlines relative to the document's year, stages, validity."""
from __future__ import annotations

from datetime import date

import pytest

from models.parse.timeinfo import find_deadlines, find_valid_until, iso_date


def _dues(text, year=2021):
    return [(d.phrase, d.due, d.start, d.kind) for d in find_deadlines(text, year)]


@pytest.mark.parametrize("text,expected", [
    ("11月底前，全面清理。", [("11月底前", "2021-11-30", None, "deadline")]),
    ("12月底前公布。", [("12月底前", "2021-12-31", None, "deadline")]),
    ("9月底前，应用好平台。", [("9月底前", "2021-09-30", None, "deadline")]),
    ("2月底前完成。", [("2月底前", "2021-02-28", None, "deadline")]),
    ("2021年底前完成60%工作任务，2022年底前全面推开。",
     [("2021年底前", "2021-12-31", None, "deadline"), ("2022年底前", "2022-12-31", None, "deadline")]),
    ("6月15日前完成公示。", [("6月15日前", "2021-06-15", None, "deadline")]),
    ("2022年3月底前完成。", [("2022年3月底前", "2022-03-31", None, "deadline")]),
    ("（2021年10月至2022年2月）", [("（2021年10月至2022年2月）", "2022-02-28", "2021-10-01", "period")]),
    ("（2021年8月至9月）", [("（2021年8月至9月）", "2021-09-30", "2021-08-01", "period")]),
    ("(2021年9月)", [("(2021年9月)", "2021-09-30", "2021-09-01", "period")]),
    ("年内培训不少于1000名。", [("年内", "2021-12-31", None, "within_year")]),
    ("到2025年，实现全覆盖。", [("到2025年", "2025-12-31", None, "target")]),
    ("每年扶持180名以上。", []),
    ("每月4日前上报。", []),
    ("每隔6至10年进行一次鉴定。", []),
    ("13月底前完成。", []),
    ("2月30日前完成。", []),
    ("两年内完成。", []),
])
def test_find_deadlines(text, expected):
    assert _dues(text) == expected


def test_relative_deadlines_need_a_year():
    assert _dues("11月底前完成。", None) == []
    assert _dues("2021年底前完成。", None) == [("2021年底前", "2021-12-31", None, "deadline")]


def test_leap_year():
    assert _dues("2月底前完成。", 2024) == [("2月底前", "2024-02-29", None, "deadline")]


def test_full_width_digits_and_brackets():
    assert _dues("（２０２１年１０月至２０２２年２月）")[0][1:3] == ("2022-02-28", "2021-10-01")


@pytest.mark.parametrize("text,issued,expected", [
    ("本方案自公布之日起施行，有效期至2023年12月31日。", "2021-09-24", "2023-12-31"),
    ("有效期到2026年6月30日", None, "2026-06-30"),
    ("本方案自印发之日起施行，有效期3年。", "2022-06-10", "2025-06-09"),
    ("有效期为五年", "2020-01-01", "2024-12-31"),
    ("有效期至2023年2月30日", None, None),
    ("自印发之日起施行。", "2021-01-01", None),
    ("有效期3年", None, None),
])
def test_find_valid_until(text, issued, expected):
    assert find_valid_until(text, issued) == expected


def test_iso_date():
    assert iso_date(2021, 9, 30) == "2021-09-30"
    assert iso_date("2021", "2", "29") is None


# ------------------------------------------------------------------ the seed
def _deadlines_by_path(issue, doc_index):
    return {n.path: [(d.phrase, d.due) for d in n.deadlines]
            for n in issue.documents[doc_index].walk() if n.deadlines}


def test_seed_deadlines_in_the_reform_document(seed_issue):
    dues = _deadlines_by_path(seed_issue, 2)
    assert dues["一、1."] == [("11月底前", "2021-11-30")]
    assert dues["一、2."] == [("年内", "2021-12-31"), ("12月底前", "2021-12-31")]
    assert dues["二、7."] == [("9月底前", "2021-09-30")]
    assert dues["六、23."] == [("8月底前", "2021-08-31"), ("12月底前", "2021-12-31")]
    assert dues["七、27."] == [("9月底前", "2021-09-30")]
    assert set(dues) == {"一、1.", "一、2.", "二、7.", "三、10.", "三、11.", "三、13.", "五、19.",
                         "六、23.", "七、27."}


def test_seed_stages_of_the_campaign(seed_issue):
    stages = [(n.path, d.start, d.due) for n in seed_issue.documents[4].walk()
              for d in n.deadlines if d.kind == "period"]
    assert stages == [("二、（一）", "2021-08-01", "2021-09-30"), ("二、（二）", "2021-09-01", "2021-09-30"),
                      ("二、（三）", "2021-10-01", "2022-02-28"), ("二、（四）", "2022-03-01", "2023-12-31")]


def test_seed_validity_has_expired(seed_library):
    docs = {d.doc_number: d for d in seed_library.documents()}
    campaign = docs["市中政办字〔2021〕14号"]
    assert campaign.valid_until == "2023-12-31"
    assert campaign.expired(date(2024, 1, 1)) and not campaign.expired(date(2023, 12, 31))
    assert not docs["市中政发〔2021〕16号"].expired()


def test_a_document_expires_the_day_after_its_last_valid_day():
    from models.validity import is_expired
    assert not is_expired("2024-03-31", "2024-03-31")
    assert is_expired("2024-03-31", "2024-04-01")
    assert not is_expired(None, "2099-01-01") and not is_expired("", "2099-01-01")
