"""The layers import one way: cms builds on forum, forum never imports cms.

The forum stands on its own (its pages, search and demo data included); cms adds Wagtail pages
on top and plugs into forum through registries (forum.search.sources). An import the other way,
even one inside a function, ties forum to cms again, so every import is read from the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(source: str) -> set[str]:
    """Every module an ``import`` or ``from ... import`` names, at any depth of the code."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)  # `from cms import models` names cms
    return found


def imports_cms(source: str) -> list[str]:
    return sorted(
        name for name in imported_modules(source) if name == "cms" or name.startswith("cms.")
    )


def test_the_check_sees_imports_inside_functions_and_every_spelling():
    source = (
        "import os\n"
        "def build():\n"
        "    from cms.models import SitePage\n"
        "    import cms.seed\n"
        "class Late:\n"
        "    def ready(self):\n"
        "        from cms import languages\n"
        "from forum import cmsx\n"
    )

    assert imports_cms(source) == ["cms", "cms.models", "cms.seed"]


def test_no_forum_module_imports_cms():
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "forum").rglob("*.py"))
        if (names := imports_cms(path.read_text(encoding="utf-8")))
    }

    assert offenders == {}, "forum must not import cms (cms may import forum)"


# Past this a module holds more than one duty (STYLE.md: split at ~400 lines). Migrations are
# generated; the demo content is data, kept in modules by page family under the same limit.
MAX_MODULE_LINES = 400


def test_no_production_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for package in ("forum", "cms", "config")
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }

    assert long == {}, "split these by what they do"
