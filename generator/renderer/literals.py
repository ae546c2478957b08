"""Emit spec text into generated Python safely: as string literals, docstrings or identifiers.

A spec is untrusted input. Nothing from it reaches generated code except through
these functions: strings become `repr()` literals, prose becomes escaped docstrings,
and names must already be plain ASCII identifiers.
"""

from __future__ import annotations

import keyword
import math
import re
import textwrap
from typing import Any

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Characters that end a line for Python's tokenizer or str.splitlines(), besides "\n".
_LINE_BREAKS = re.compile(r"[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_PRINTING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class UnsafeNameError(ValueError):
    """Raised when a name about to be emitted is not a plain ASCII identifier."""


def identifier(name: str) -> str:
    if not _IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise UnsafeNameError(f"{name!r} is not a safe Python identifier")
    return name


def literal(value: Any) -> str:
    """Return a Python literal for a JSON value (str, int, bool, None, finite float, list, dict)."""
    if value is None or isinstance(value, (bool, int, str)):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no Python literal")
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{literal(str(k))}: {literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise ValueError(f"{value!r} is not a JSON value")


def docstring_text(text: str) -> str:
    """Escape prose for the inside of a triple-quoted docstring."""
    text = text.replace("\\", "\\\\")
    text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = text.replace("\t", "    ")
    text = text.replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text.strip()


def inline_docstring_text(text: str) -> str:
    """Escape prose for one line of a docstring, joining its lines with spaces."""
    return " ".join(docstring_text(text).split())


def comment_text(text: str) -> str:
    """Prose for a one-line `#` comment (Python or TOML): every control character becomes a space."""
    return " ".join(_NON_PRINTING.sub(" ", text).split())


def docstring(text: str, indent: str = "", width: int = 88) -> str:
    """Build a complete docstring: the escaped text wrapped to `width` and indented."""
    body = docstring_text(text)
    if not body:
        return ""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", body):
        lines = paragraph.splitlines()
        if any(line.lstrip().startswith(("- ", "* ", "|")) for line in lines):
            paragraphs.append("\n".join(line.rstrip() for line in lines))
        else:
            paragraphs.append(
                textwrap.fill(" ".join(line.strip() for line in lines), width=width - len(indent))
            )
    joined = "\n\n".join(paragraphs)
    if "\n" not in joined and len(joined) + len(indent) + 6 <= width:
        return f'{indent}"""{joined}"""'
    indented = textwrap.indent(joined, indent, lambda line: bool(line.strip()))
    return f'{indent}"""\n{indented}\n{indent}"""'


def sectioned_docstring(summary: str, sections: dict[str, list[tuple[str, str]]], indent: str) -> str:
    """Build a Google-style docstring: the summary, then sections such as "Args" of name: text items."""
    width = 88 - len(indent)
    blocks = []
    for paragraph in re.split(r"\n\s*\n", docstring_text(summary)):
        if paragraph.strip():
            blocks.append(textwrap.fill(" ".join(paragraph.split()), width=width))
    for title, items in sections.items():
        if not items:
            continue
        lines = [f"{title}:"]
        for name, text in items:
            lines.append(
                textwrap.fill(
                    f"{name}: {' '.join(docstring_text(text).split())}",
                    width=width,
                    initial_indent="    ",
                    subsequent_indent="        ",
                )
            )
        blocks.append("\n".join(lines))
    joined = "\n\n".join(blocks)
    if not joined:
        return ""
    if "\n" not in joined and len(joined) + len(indent) + 6 <= 88:
        return f'{indent}"""{joined}"""'
    indented = textwrap.indent(joined, indent, lambda line: bool(line.strip()))
    return f'{indent}"""{indented.lstrip()}\n{indent}"""'
