"""Kept for cli/commands.py alone, which still imports print_job_to_pdf from here.

Printing lives in ui/printing/ (pages.py paints a PrintJob); cli/ should import
ui.headless.print_job_to_pdf instead, and then this module goes.
"""
from __future__ import annotations

from ui.headless import print_job_to_pdf

__all__ = ["print_job_to_pdf"]
