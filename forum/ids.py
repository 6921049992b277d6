"""Row ids from the outside (a URL path, a query string, a form field): parsed one way.

A number that names no row is None (a 404 where it came from a URL), never an error: SQLite
cannot even bind an integer past 64 bits, and int() takes digits such as "²" that no id has.
"""

from __future__ import annotations

from django.urls import register_converter

# The largest id a BigAutoField holds: a bigger number names no row.
MAX_ROW_ID = 2**63 - 1


def row_id(value: object) -> int | None:
    """A row id (an int or a string of ASCII digits), or None when it names none."""
    text = str(value)
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ROW_ID else None


class RowIdConverter:
    """``<id:pk>`` in URL patterns: a row id, or no match (404) for anything that names none."""

    regex = "[0-9]{1,20}"

    def to_python(self, value: str) -> int:
        number = row_id(value)
        if number is None:
            raise ValueError(value)  # Django treats the pattern as not matching
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


register_converter(RowIdConverter, "id")
