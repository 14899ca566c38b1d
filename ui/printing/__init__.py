"""Everything that leaves the window on paper or as a file.

- printout.py: preview and print, or export to PDF, any PrintJob (the current
  document, a duty list, a meeting brief): one path for every printout;
- pages.py: how a PrintJob is painted on A4 pages (GB/T 9704: running head,
  "— 1 —" page numbers), for a printer or a PDF;
- table_rows.py: table rows kept whole on a page (pages.py calls it);
- duty_list.py: the 打印职责清单 dialog (which roles, which documents, 仅表格);
- duty_exports.py: the duty list as Word, its deadlines to the calendar;
- save_file.py: ask where, write, say so — or say why not (every export).

The jobs themselves (their HTML, title, table of contents) are made by
models/views/ (print_html, dutylist, brief). QtPrintSupport loads when one of
these modules is first imported, when the user first prints.
"""
