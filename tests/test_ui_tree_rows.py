"""Rows of the tree never draw over each other: at a narrow tree and enlarged text, every
row's text stays inside its row (elided, the whole of it in the row's tooltip).

Each row is painted by the tree's own delegate, as the tree paints it, into a
transparent image three rows high with the row in the middle: any pixel drawn
above, below or to the right of the row is text that ran out of it.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from ui_fixtures import make_window, own_user_data, qt_app, window  # noqa: F401


@pytest.fixture(autouse=True)
def _first_start(own_user_data):
    """No bookmarks of other tests: the tree may be as wide as the test makes it."""


def shown_rows(view) -> list[QModelIndex]:
    model, rows = view.model(), []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index)
            if view.isExpanded(index):
                walk(index)
    walk(QModelIndex())
    return rows


def drawn_outside(view, index) -> tuple[str, list[str]] | None:
    """Where the delegate draws for *index* beyond its row (None: nowhere)."""
    row = view.visualRect(index)
    width, height = row.right() + 80, row.height()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = QRect(row.x(), height, row.width(), height)  # the middle of the image
    image = QImage(width, 3 * height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    bands = {"above": QRect(0, 0, width, height - 1), "below": QRect(0, 2 * height + 1, width,
                                                                     height - 1),
             "right": QRect(row.right() + 2, 0, width - row.right() - 2, 3 * height)}
    spilt = [name for name, band in bands.items() if painted(image.copy(band))]
    return (index.data(), spilt) if spilt else None


def painted(image: QImage) -> bool:
    """Whether any pixel of *image* (kept alive while its bits are read) is not transparent."""
    return any(bytes(image.constBits()))


@pytest.mark.parametrize("tree_width, zoom", [(260, 1.0), (260, 1.4), (420, 1.4)])
def test_no_row_draws_beyond_its_rect(qtbot, window, tree_width, zoom):
    window.set_zoom(zoom)
    window.filter_search.set_department("区财政局")  # role tags make rows longer: 〔牵头〕…
    window.splitter.setSizes([tree_width, window.width() - tree_width])
    view = window.left.tree
    view.expandAll()
    qtbot.waitUntil(lambda: abs(window.left.width() - tree_width) <= 2)
    rows = shown_rows(view)
    assert any((i.data() or "").startswith("〔牵头〕") for i in rows)
    outside = [found for found in (drawn_outside(view, i) for i in rows) if found]
    assert outside == []
    window.filter_search.set_department(None)
    view.expandAll()
    rows = shown_rows(view)
    expired = [i for i in rows if i.data(0x0100 + 5) and i.data(0x0100 + 2) == "document"]
    assert expired  # the expired document's row, with its 【已失效】 mark
    outside = [found for found in (drawn_outside(view, i) for i in rows) if found]
    assert outside == []


def test_a_row_cut_short_tells_the_rest_in_its_tooltip_as_text(qtbot, window, monkeypatch):
    from ui.qt import QToolTip
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, widget=None: shown.append(text))
    window.splitter.setSizes([260, window.width() - 260])
    view = window.left.tree
    index = next(i for i in shown_rows(view) if i.data(0x0100 + 2) == "document"
                 and i.data(0x0100 + 5))
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, option.rect.center(),
                       view.viewport().mapToGlobal(option.rect.center()))
    assert view.itemDelegate().helpEvent(event, view, option, index)
    assert shown and shown[0].startswith("<qt>")  # escaped, not guessed as rich text
    assert "市中政办字〔2021〕14号" in shown[0] and "已失效" in shown[0]


def test_the_expired_mark_outlasts_the_doc_number(qt_app):
    from PySide6.QtGui import QFont, QFontMetricsF
    from ui.window.left.tree_view import fit_spans
    metrics = QFontMetricsF(QFont(qt_app[1].sans, 12))
    spans = [("市中政办字〔2021〕14号", "#5f6368"), ("　【已失效】", "#b3261e")]
    mark = metrics.horizontalAdvance("　【已失效】")
    full = metrics.horizontalAdvance("市中政办字〔2021〕14号") + mark
    assert fit_spans(metrics, spans, full + 1) == spans
    cut = fit_spans(metrics, spans, full - 20)
    assert cut[-1][0] == "　【已失效】" and cut[0][0].endswith("…")
    for width in (mark + metrics.horizontalAdvance("市中…") - 1, mark):
        shown = fit_spans(metrics, spans, width)  # too narrow for any of the number: the mark
        assert [text for text, _ in shown][-1].strip() == "【已失效】"
        assert sum(metrics.horizontalAdvance(t) for t, _ in shown) <= width
