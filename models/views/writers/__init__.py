"""Writers of an OutDoc (models/views/outdoc.py): each decides only how blocks look.

print_job — HTML for ui/printing/pages.py (the PDF and the printer); plain — text and
Markdown for pasting; docx — Word files for WPS and Word (python-docx). None
imports Qt. A duty list's deadlines as iCalendar events: models/views/duty_calendar.py.
"""
