"""Guards on the Qt binding itself.

PySide6 6.12.0 drops a reference to None each time a Qt value converts to
Python as None (QModelIndex.data() of an unset role, QStandardItem.setData):
after a few thousand calls Python aborts with "deallocating None". That is
why requirements.txt pins the 6.11 series; this test fails if a binding with
the defect comes back.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_reading_an_unset_role_keeps_none_alive(qapp):
    model = _NoneModel()
    std = QStandardItemModel()
    std.appendRow(QStandardItem("条款"))
    item = QStandardItem("书签")
    before = sys.getrefcount(None)
    for _ in range(500):
        assert model.index(1, 0).data(Qt.ItemDataRole.UserRole + 5) is None
        assert std.index(0, 0).data(Qt.ItemDataRole.UserRole + 5) is None
        item.setData("x", Qt.ItemDataRole.UserRole + 6)
    assert sys.getrefcount(None) - before > -50, "the Qt binding loses references to None"
