import pytest
from django.core.management import call_command

from cms.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    ProgramIndexPage,
    ProgramPage,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
)

LANGUAGES = ["en", "es", "fr", "pt", "ar", "ru", "zh-hans", "de"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    # The demo publications are real files: keep them out of the working tree.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_pages(db):
    """The demo site: areas, boards, accounts, threads and every demo page (seed_demo)."""
    call_command("seed_demo", "--no-conversations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    home = HomePage.objects.get()
    program = ProgramPage.objects.get(area__slug="child-abuse-prosecution")
    standard = StandardPage(
        title_en="About the program",
        slug_en="about",
        title_es="Sobre el programa",
        slug_es="sobre",
        intro_en="How the program began.",
    )
    program.add_child(instance=standard)
    standard.save_revision().publish()
    return {
        "home": home,
        "program index": ProgramIndexPage.objects.get(),
        "program": program,
        "event index": EventIndexPage.objects.get(),
        "event": EventPage.objects.order_by("starts_at").first(),
        "resource index": ResourceIndexPage.objects.get(),
        "resource": ResourcePage.objects.order_by("pk").first(),
        "standard": StandardPage.objects.get(pk=standard.pk),
    }
