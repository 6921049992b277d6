"""Tags on threads (issue 23): a list the site's moderators curate with translated names,
up to five per thread chosen by its author, shown on the thread, a page per tag and a tag
filter on Latest, listing only threads the reader may read."""

from __future__ import annotations

import pytest
from django.test import Client

from forum.models import Tag, Thread
from forum.services.posting import start_thread
from tests.factories import signed_in, thread_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags():
    names = {
        "diversion": ("Diversion", "Desjudicialización"),
        "forensic-interview": ("Forensic interview", "Entrevista forense"),
        "sentencing": ("Sentencing", "Sentencia"),
        "evidence": ("Evidence", "Prueba"),
        "appeals": ("Appeals", "Apelaciones"),
        "victims": ("Victims", "Víctimas"),
    }
    return {
        slug: Tag.objects.create(slug=slug, name_en=en, name_es=es)
        for slug, (en, es) in names.items()
    }


def new_thread(client, board, **fields):
    data = {"title": "Diversion for first offences", "body": "How do you decide?", "language": "en"}
    return client.post(f"/en/b/{board.area.slug}/{board.slug}/new/", {**data, **fields})


def test_an_author_tags_a_thread_and_readers_follow_the_tag(member, boards, tags):
    client = signed_in(member)
    board = boards["public"]
    form = client.get(f"/en/b/{board.area.slug}/{board.slug}/new/").text
    assert 'name="tags"' in form

    new_thread(client, board, tags=[tags["diversion"].pk, tags["sentencing"].pk])

    thread = Thread.objects.get(title="Diversion for first offences")
    assert set(thread.tags.values_list("slug", flat=True)) == {"diversion", "sentencing"}
    page = Client().get(f"/en/t/{thread.pk}/").text
    assert '<a href="/en/tags/diversion/" class="tag">Diversion</a>' in page
    assert '<a href="/es/tags/diversion/" class="tag">Desjudicialización</a>' in (
        Client().get(f"/es/t/{thread.pk}/").text
    )
    tagged = Client().get("/en/tags/diversion/").text
    assert "Threads tagged “Diversion”" in tagged
    assert "Diversion for first offences" in tagged
    assert "Diversion for first offences" not in Client().get("/en/tags/evidence/").text
    assert "Diversion for first offences" in Client().get("/en/latest/?tag=sentencing").text
    listed = Client().get("/en/tags/").text
    assert "Diversion" in listed
    assert "1 thread" in listed


def test_more_than_five_tags_or_an_unknown_one_is_refused_and_the_text_kept(member, boards, tags):
    client = signed_in(member)
    board = boards["public"]

    too_many = new_thread(client, board, tags=[tag.pk for tag in tags.values()])
    assert too_many.status_code == 200
    assert "Choose at most 5 tags." in too_many.text
    assert "How do you decide?" in too_many.text
    unknown = new_thread(client, board, tags=["999999"])
    assert "Select a valid choice" in unknown.text
    nonsense = new_thread(client, board, tags=["<x>"])
    assert "is not a valid value" in nonsense.text
    assert "<x>" not in nonsense.text  # shown escaped
    assert not Thread.objects.filter(title="Diversion for first offences").exists()


def test_the_author_changes_the_tags_from_the_title_form(member, boards, tags):
    thread = start_thread(
        author=member,
        board=boards["public"],
        title="Plea deals",
        body="Text",
        tags=[tags["appeals"]],
    ).thread
    client = signed_in(member)

    response = client.post(
        f"/en/t/{thread.pk}/title/",
        {"title": "Plea deals", "tags": [tags["evidence"].pk]},
        follow=True,
    )

    assert "Your changes were saved." in response.text
    assert list(thread.tags.values_list("slug", flat=True)) == ["evidence"]


def test_site_moderators_curate_the_tags_in_every_language(moderator, member):
    client = signed_in(moderator)
    response = client.post(
        "/en/moderation/tags/",
        {"slug": "witnesses", "name_en": "Witnesses", "name_fr": "Témoins"},
        follow=True,
    )
    assert "The tag “Witnesses” is saved." in response.text
    tag = Tag.objects.get(slug="witnesses")
    assert tag.name_fr == "Témoins"
    client.post(f"/en/moderation/tags/{tag.pk}/", {"slug": "witnesses", "name_en": "Witness"})
    tag.refresh_from_db()
    assert tag.name_en == "Witness"
    missing = client.post("/en/moderation/tags/", {"slug": "bad slug!", "name_en": ""})
    assert missing.status_code == 400
    assert "This field is required." in missing.text
    assert signed_in(member).get("/en/moderation/tags/").status_code == 403
    assert Client().get("/en/moderation/tags/").status_code == 302


def test_an_unknown_tag_page_is_not_found_and_an_unknown_filter_is_refused(member):
    assert Client().get("/en/tags/no-such-tag/").status_code == 404
    refused = Client().get("/en/latest/?tag=%3Cx%3E")
    assert refused.status_code == 400


def test_a_tag_page_lists_only_threads_the_reader_may_read(boards, tags, member, group_member):
    for visibility, board in boards.items():
        thread = thread_with_posts(board=board, author=group_member, title=f"Tagged {visibility}")
        thread.tags.add(tags["victims"])

    def titles(client):
        page = client.get("/en/tags/victims/").text
        return {v for v in boards if f"Tagged {v}" in page}

    assert titles(Client()) == {"public"}
    assert titles(signed_in(member)) == {"public", "members"}
    assert titles(signed_in(group_member)) == {"public", "members", "groups"}
    assert "1 thread" in Client().get("/en/tags/").text  # counted as the reader may read


@pytest.mark.parametrize("sent", ["9223372036854775808", "-99999999999999999999"])
def test_a_tag_id_past_the_databases_integers_is_told_not_a_500(member, boards, tags, sent):
    # Found by the fuzz suite on the title form: the look-up overflowed SQLite's integers.
    thread = new_thread(signed_in(member), boards["public"])
    assert thread.status_code == 302
    created = Thread.objects.get(title="Diversion for first offences")

    response = signed_in(member).post(
        f"/en/t/{created.pk}/title/", {"title": "Diversion for first offences", "tags": [sent]}
    )

    assert response.status_code in (200, 400)
    assert "Select a valid choice" in response.text
    assert new_thread(signed_in(member), boards["public"], tags=[sent]).status_code == 200
