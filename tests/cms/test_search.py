"""Pages in search: each language's own text, its URL in that language, gone when unpublished;
and the Wagtail admin's page search (Wagtail's own backend) still answers."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from forum.search.queue import drain
from forum.search.service import search


def indexed():
    assert not drain().error


def test_pages_are_found_in_their_own_languages_and_leave_when_unpublished(site_pages):
    indexed()
    program = site_pages["program"]

    english = search("child abuse prosecution", AnonymousUser()).hits
    spanish = search("persecución abuso infantil", AnonymousUser()).hits

    assert any(hit.page and hit.page.pk == program.pk and hit.language == "en" for hit in english)
    hit = next(hit for hit in spanish if hit.page and hit.page.pk == program.pk)
    assert hit.language == "es"
    assert hit.url.startswith("/es/")

    standard = site_pages["standard"]
    assert any(
        h.page and h.page.pk == standard.pk for h in search("program began", AnonymousUser()).hits
    )
    standard.unpublish()
    indexed()
    assert not any(
        h.page and h.page.pk == standard.pk for h in search("program began", AnonymousUser()).hits
    )


def test_the_wagtail_admin_page_search_still_works(client, site_pages, staff, run_tasks):
    # Wagtail indexes a saved page in a task of its own (modelsearch's
    # insert_or_update_object_task, enqueued on save): the worker runs it.
    assert run_tasks() >= 1
    client.force_login(staff)

    response = client.get("/admin/pages/search/", {"q": "Child Abuse"})

    assert response.status_code == 200
    assert "Child Abuse Prosecution" in response.content.decode()
