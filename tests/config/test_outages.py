"""A service down is a degraded site or a clear error page, never a traceback.

bench/faults.py kills Redis and stops PostgreSQL under load; these tests pin the behaviour the
benchmark relies on, with the service really absent (a port nothing listens on).
"""

import logging

import pytest
import requests
from django.test import override_settings
from django.urls import reverse

from forum.models import Post
from tests.factories import thread_with_posts
from tests.live import DaphneServer, free_port, project_env

pytestmark = pytest.mark.django_db


def unreachable_redis_cache() -> dict:
    return {
        "default": {
            "BACKEND": "config.cache.SharedPoolRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_pages_are_rendered_from_the_database_while_the_cache_server_is_down(
    client, boards, member, caplog
):
    thread = thread_with_posts(board=boards["public"], author=member, replies=2)
    pages = [
        reverse("forum:home"),
        reverse("forum:board", args=(thread.board.area.slug, thread.board.slug)),
        reverse("forum:thread", args=(thread.pk,)),
    ]

    with override_settings(CACHES=unreachable_redis_cache()), caplog.at_level(logging.WARNING):
        answers = {path: client.get(path) for path in pages}

    assert {path: r.status_code for path, r in answers.items()} == dict.fromkeys(pages, 200)
    assert thread.title in answers[pages[2]].content.decode()
    assert "Redis does not answer" in caplog.text


def test_a_member_can_post_while_the_cache_server_is_down(client, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    client.force_login(member)

    with override_settings(CACHES=unreachable_redis_cache()):
        response = client.post(
            reverse("forum:reply", args=(thread.pk,)), {"body": "Posted with the cache down."}
        )

    assert response.status_code == 302
    assert Post.objects.filter(thread=thread, body_source="Posted with the cache down.").exists()


@pytest.fixture(scope="module")
def site_without_database():
    """Daphne serving a site whose PostgreSQL does not answer."""
    env = project_env(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/forum",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
    )
    server = DaphneServer(env).start()
    yield server
    server.stop()


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_a_database_outage_is_a_503_page_that_says_the_site_is_back_soon(
    site_without_database, language, direction
):
    response = requests.get(f"{site_without_database.url}/{language}/forum/", timeout=30)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert 'data-error="unavailable"' in response.text
    assert f'lang="{language}" dir="{direction}"' in response.text
    assert "Traceback" not in response.text
    assert "OperationalError" not in response.text


def test_a_bad_host_gets_the_sites_400_page(client):
    response = client.get(reverse("forum:home"), HTTP_HOST="forum.example.evil")

    assert response.status_code == 400
    assert 'data-error="bad-request"' in response.content.decode()
