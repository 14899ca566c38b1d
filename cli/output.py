"""Printing results for people (text) and for programs (JSON), and writing output files
(a missing folder made and said, a file that cannot be written said in Chinese)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from models.errors import GazetteError, os_reason

from models.roles import ROLE_LABELS
from models.whole_file import write_text_whole


def emit_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def plain_snippet(snippet: str) -> str:
    """The search snippet for a terminal: matches in 【】, entities decoded."""
    import html
    return html.unescape(re.sub(r"</?mark>", lambda m: "【" if m.group(0) == "<mark>" else "】",
                                snippet))


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def line(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def notice(text: str) -> None:
    """A message about the run itself (waiting, a skipped file), on stderr: stdout stays data."""
    sys.stderr.write(f"公报通：{text}\n")
    sys.stderr.flush()


def output_folder(output: str) -> None:
    """A missing folder for an output file is made, and said so (a typo shows at once)."""
    folder = Path(output).parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise GazetteError(f"无法创建文件夹 {folder}：{os_reason(exc)}") from exc
        notice(f"已创建文件夹 {folder}")


def write_output(text: str, output: str | None) -> None:
    if output:
        output_folder(output)
        try:
            write_text_whole(output, text)
        except OSError as exc:
            raise GazetteError(f"无法写入 {output}：{os_reason(exc)}") from exc
        line(f"已写入 {output}")
    else:
        line(text.rstrip("\n"))


def print_pdf(job, output: str | None) -> int:
    if not output:
        raise GazetteError("PDF 输出需要用 --output 指定文件名")
    from ui.headless import ensure_gui_app, print_job_to_pdf
    output_folder(output)
    ensure_gui_app()
    try:
        pages = print_job_to_pdf(job, Path(output))
    except OSError as exc:
        raise GazetteError(f"无法写入 {output}：{os_reason(exc)}") from exc
    line(f"已生成 {output}（{pages} 页）")
    return 0


def write_file(output: str | None, kind: str, write) -> int:
    """Write a binary output (Word, calendar) through *write(path)*; say where."""
    if not output:
        raise GazetteError(f"{kind} 输出需要用 --output 指定文件名")
    output_folder(output)
    try:
        write(Path(output))
    except OSError as exc:
        raise GazetteError(f"无法写入 {output}：{os_reason(exc)}") from exc
    line(f"已生成 {output}")
    return 0
