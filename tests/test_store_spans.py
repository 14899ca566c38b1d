"""Headings and notes kept as places in their text read back exactly as written."""
from __future__ import annotations

import sqlite3

import pytest

from models.store.spans import HEADING_SQL, NOTE_SQL, heading_columns, note_columns


def _read(heading: str, note: str, text: str) -> tuple[str, str]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE nodes (text, heading, heading_at, heading_len, note, note_len)")
    row = {"text": text, **heading_columns(heading, text), **note_columns(note, text)}
    conn.execute("INSERT INTO nodes VALUES (:text, :heading, :heading_at, :heading_len, "
                 ":note, :note_len)", row)
    return conn.execute(f"SELECT {HEADING_SQL}, {NOTE_SQL} FROM nodes").fetchone()


@pytest.mark.parametrize("heading, note, text, stored", [
    ("明确改革内容", "", "明确改革内容", False),                            # the whole text
    ("实行两张清单管理", "", "实行两张清单管理。在全区范围内……", False),      # its first words
    ("为贯彻落实《山东省…", "", "为贯彻落实《山东省人民政府》的通知", False),   # cut short
    ("负责针对青年开展宣传教育", "", "团区委负责针对青年开展宣传教育。", False),  # inside it
    ("发文字号", "", "市中政发〔2021〕3号", True),                          # not from the text
    ("", "（区财政局牵头）", "落实资金。（区财政局牵头）", False),
    ("“证照分离”改革…", "(区司法局牵头)", "“证照分离”改革。(区司法局牵头)", False),
    ("…", "", "…", False),
])
def test_read_back_as_written(heading, note, text, stored):
    assert _read(heading, note, text) == (heading, note)
    assert (heading_columns(heading, text)["heading"] is not None) == stored


def test_a_note_that_does_not_end_the_text_is_kept_as_written():
    assert note_columns("（区财政局牵头）", "（区财政局牵头）其余")["note"] == "（区财政局牵头）"
    assert _read("", "（区财政局牵头）", "（区财政局牵头）其余") == ("", "（区财政局牵头）")
