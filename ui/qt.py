"""The one place Qt names come from (explicit names, no `import *`), each loaded on first use.

Only QtCore, QtGui, QtWidgets and QtPrintSupport are used, which keeps a
frozen build small; every other ui module imports from here (tests/
test_architecture.py checks it). Each name loads its module on first use, so
QtPrintSupport, whose loading costs start-up time (bench/startup_bench.py),
is loaded when the user first prints: the printing modules that import
QPrinter are themselves imported then.

Why lazy: PySide6 creates the Python type of a Qt class the first time the
class is read from its module, and that is most of what "importing Qt"
costs. The `Qt` namespace (every enum of Qt::) alone takes ~30 ms, QStyle
~10 ms, QKeySequence ~2-4 ms, while a bare window needs a fraction of a
millisecond per class. So this module only lists the names (the tables
below) and a module-level __getattr__ reads each one from PySide6 when a
module first imports it: `from ui.qt import QTreeView` costs QTreeView, not
the whole list. The window's first stage (ui/startup/) imports nothing
that reads `Qt` or `QStyle`; tests/test_ui_startup.py checks it.

Besides the names, the few places where the supported PySide6 versions
differ (6.9 for glibc 2.28 systems, 6.11) are handled here: refilter_rows().
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_QTCORE = ("QAbstractItemModel", "QAbstractListModel", "QByteArray", "QEvent", "QMarginsF",
           "QItemSelectionModel", "QLibraryInfo", "QLocale", "QModelIndex", "QObject",
           "QPersistentModelIndex", "QPoint", "QPointF", "QRect", "QRectF", "QSettings", "QSize",
           "QSizeF", "QSortFilterProxyModel", "QStandardPaths", "Qt", "QThread", "QTimer",
           "QTranslator", "QUrl", "QtMsgType", "QMimeData", "Signal", "Slot",
           "qInstallMessageHandler")
_QTGUI = ("QAbstractTextDocumentLayout", "QAction", "QBrush", "QColor", "QDesktopServices",
          "QFont", "QFontDatabase", "QIcon", "QFontInfo", "QFontMetricsF", "QGuiApplication",
          "QKeySequence", "QPageLayout", "QPageSize", "QPainter", "QPalette", "QPen", "QRawFont",
          "QStandardItem", "QStaticText", "QStandardItemModel", "QTextBlockFormat",
          "QTextCharFormat", "QTextCursor", "QTextDocument", "QTextDocumentFragment",
          "QTextFormat", "QTextLayout", "QTextOption", "QTextTable",
          "QImage", "QPainterPath", "QPixmap")  # the 原文 view's page
_QTWIDGETS = ("QAbstractButton", "QAbstractItemView", "QApplication", "QCheckBox", "QComboBox",
              "QDialog", "QDialogButtonBox", "QDockWidget", "QFileDialog", "QFormLayout", "QFrame",
              "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QInputDialog", "QLabel",
              "QLineEdit", "QListView", "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu",
              "QMessageBox", "QPlainTextEdit", "QProgressDialog", "QPushButton", "QRadioButton",
              "QSizePolicy",
              "QSplitter", "QStackedWidget", "QStatusBar", "QStyle", "QStyledItemDelegate",
              "QStyleOptionViewItem", "QTextBrowser", "QToolButton", "QToolTip", "QTreeView",
              "QVBoxLayout", "QWidget",
              "QProgressBar", "QScrollArea")  # the import's progress, the 原文 view
_QTPRINTSUPPORT = ("QPrinter", "QPrintPreviewDialog")  # loaded when the user first prints

_MODULE_OF = {**{n: "PySide6.QtCore" for n in _QTCORE}, **{n: "PySide6.QtGui" for n in _QTGUI},
              **{n: "PySide6.QtWidgets" for n in _QTWIDGETS},
              **{n: "PySide6.QtPrintSupport" for n in _QTPRINTSUPPORT}}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    """Read *name* from its PySide6 module on first use, then keep it here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r} "
                             "(add it to the tables in ui/qt.py)")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def refilter_rows(proxy, change) -> None:
    """Apply *change* to what a QSortFilterProxyModel filters on, and refilter its rows.

    Qt 6.10 added endFilterChange(Direction.Rows); PySide6 6.9, whose wheels
    still run on glibc 2.28 (Kylin V10, UOS 20), has only invalidateRowsFilter.
    """
    if hasattr(proxy, "endFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(proxy.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()


def load_libraries() -> None:
    """Load QtGui and QtWidgets, which every window needs, without reading any name from them:
    the display check (ui/startup/preflight.py) asks this before the application is made, and
    turns the ImportError or OSError of a library that cannot load into a sentence."""
    import_module("PySide6.QtGui")
    import_module("PySide6.QtWidgets")


if TYPE_CHECKING:  # for type checkers, editors and PyInstaller (which finds the Qt modules
    # here); at run time __getattr__ does this lazily
    from PySide6.QtCore import (QAbstractItemModel, QAbstractListModel, QByteArray, QEvent,
                                QItemSelectionModel, QLibraryInfo, QLocale, QMarginsF,
                                QModelIndex, QObject, QPersistentModelIndex, QPoint, QPointF,
                                QRect, QRectF, QSettings, QSize, QSizeF, QSortFilterProxyModel,
                                QMimeData, QStandardPaths, Qt, QThread, QtMsgType, QTimer,
                                QTranslator,
                                QUrl, Signal, Slot, qInstallMessageHandler)
    from PySide6.QtGui import (QAbstractTextDocumentLayout, QAction, QBrush, QColor,
                               QDesktopServices, QFont, QFontDatabase, QFontInfo, QFontMetricsF,
                               QGuiApplication, QIcon, QKeySequence, QPageLayout, QPageSize,
                               QPainter, QPalette, QPen, QRawFont, QStandardItem,
                               QStandardItemModel, QStaticText, QTextBlockFormat,
                               QTextCharFormat, QTextCursor, QTextDocument,
                               QTextDocumentFragment, QTextFormat, QTextLayout, QTextOption,
                               QTextTable, QImage, QPainterPath, QPixmap)
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
                                   QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFileDialog,
                                   QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                                   QHeaderView, QInputDialog, QLabel, QLineEdit, QListView,
                                   QListWidget, QListWidgetItem, QMainWindow, QMenu, QMessageBox,
                                   QPlainTextEdit, QProgressDialog, QPushButton, QRadioButton,
                                   QSizePolicy,
                                   QSplitter, QStackedWidget, QStatusBar, QStyle,
                                   QStyledItemDelegate, QStyleOptionViewItem, QTextBrowser,
                                   QToolButton, QToolTip, QTreeView, QVBoxLayout, QWidget,
                                   QProgressBar, QScrollArea)
