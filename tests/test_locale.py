"""Every string of the project's code is translated into each of the eight UI languages."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ["en", "es", "fr", "pt", "ar", "ru", "zh_Hans", "de"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogs as makemessages leaves them after extracting from today's code.

    Runs on a copy, so the repository's catalogs are not touched: a string added to the code
    and not yet translated shows up here as untranslated.
    """
    copy = tmp_path_factory.mktemp("project")
    for name in ("forum", "cms", "config", "locale"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", copy)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
        + [f"--locale={code}" for code in LOCALES],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return copy / "locale"


def attribute(catalog: Path, *flags: str) -> str:
    result = subprocess.run(
        ["msgattrib", *flags, "--no-obsolete", str(catalog)],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def test_every_site_language_has_a_catalog():
    configured = {code for code, _ in settings.LANGUAGES}
    assert configured == {code.lower().replace("_", "-") for code in LOCALES}
    for code in LOCALES:
        assert (ROOT / "locale" / code / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("code", LOCALES)
def test_every_string_in_the_code_is_translated(extracted, code):
    catalog = extracted / code / "LC_MESSAGES" / "django.po"

    assert attribute(catalog, "--untranslated") == "", f"untranslated strings in {code}"
    assert attribute(catalog, "--only-fuzzy") == "", f"fuzzy strings in {code}"
