"""Writers of an OutDoc (models/views/outdoc.py): each decides only how blocks look.

print_job — HTML for ui/paged_print (the PDF and the printer); plain — text and
Markdown for pasting; docx — Word files for WPS and Word (python-docx); ics —
a duty list's deadlines as iCalendar events (icalendar). None imports Qt.
"""
