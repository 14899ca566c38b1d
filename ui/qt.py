"""The one place Qt names come from (explicit imports, no `import *`).

Only QtCore, QtGui, QtWidgets and QtPrintSupport are used, which keeps a
frozen build small; every other ui module imports from here, except that
QtPrintSupport is imported by ui/printing.py alone, when the user first
prints, because loading it costs start-up time (bench/startup_bench.py).
"""
from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QAbstractListModel, QByteArray, QEvent, QMarginsF,
                            QItemSelectionModel, QLibraryInfo, QLocale, QModelIndex, QObject,
                            QPersistentModelIndex, QPoint, QRect, QSettings, QSize,
                            QSortFilterProxyModel, Qt, QThread, QTimer, QTranslator, QUrl,
                            Signal, Slot, qInstallMessageHandler)
from PySide6.QtGui import (QAction, QBrush, QColor, QDesktopServices, QFont, QFontDatabase,
                           QFontInfo, QFontMetricsF, QGuiApplication, QKeySequence, QPageLayout,
                           QPageSize, QPainter, QPalette, QRawFont, QStandardItem,
                           QStandardItemModel, QTextCursor, QTextDocument, QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDialog,
                               QDialogButtonBox, QFileDialog, QFrame, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListView, QMainWindow, QMenu, QMessageBox,
                               QProgressDialog, QPushButton, QSizePolicy, QSplitter,
                               QStackedWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTextBrowser, QToolButton, QTreeView, QVBoxLayout, QWidget)

__all__ = [name for name in dir() if name[:1] == "Q" or name in (
    "Qt", "Signal", "Slot", "qInstallMessageHandler")]
