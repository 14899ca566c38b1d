"""The core of 公报通: parsing, the department registry, the library and its queries.

Pure Python: nothing here imports Qt, so the command line, the tests and the
window all share one path for data (gazette text → parsed issue → SQLite → queries).
"""
