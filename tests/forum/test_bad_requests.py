"""Bad requests are refused cleanly: huge bodies, bad encodings, bad Host headers, broken
multipart. A 400 (or the page, with the bad bytes replaced): never a 500, never a stray post."""

import socket

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from forum import limits
from forum.models import Post
from tests.factories import thread_with_posts
from tests.live import DaphneServer, project_env

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def thread(boards, member):
    return thread_with_posts(board=boards["public"], author=member)


@pytest.fixture
def reply_url(thread):
    return reverse("forum:reply", args=(thread.pk,))


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_the_body_limit_is_set_deliberately_above_the_largest_form():
    # A post of the longest body, every character a 4-byte one percent-encoded (12 bytes).
    assert limits.BODY_MAX_LENGTH * 12 < settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024


@pytest.mark.parametrize("enforce_csrf", [False, True], ids=["view reads", "csrf middleware reads"])
@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_a_form_body_over_the_limit_is_refused_with_400(
    member, thread, reply_url, enforce_csrf, encoding
):
    # With CSRF enforced (and the cookie a page gave), the middleware is the first to read the
    # form, looking for the token: it must refuse the body as cleanly as the view does.
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(member)
    client.get(reverse("forum:thread", args=(thread.pk,)))
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    posts = Post.objects.count()

    if encoding == "urlencoded":
        response = client.post(reply_url, f"body={body}", content_type=FORM)
    else:
        response = client.post(reply_url, {"body": body})

    assert response.status_code == 400
    assert Post.objects.count() == posts


def test_a_form_with_too_many_fields_is_refused_with_400(signed_in, reply_url):
    fields = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))

    response = signed_in.post(reply_url, fields, content_type=FORM)

    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "q=%FF%FEevidence",  # percent-encoded bytes that are not UTF-8
        "q=evid\xe9nce",  # a raw Latin-1 byte, as a careless client sends it
        "q=evidence&page=%C0%AF",  # an overlong encoding of "/"
    ],
)
def test_invalid_utf8_in_the_query_string_is_replaced_not_a_500(client, boards, query):
    board = reverse("forum:board", args=(boards["public"].area.slug, boards["public"].slug))
    for path in (reverse("forum:search"), board):
        response = client.get(path, QUERY_STRING=query)

        assert response.status_code == 200, path


def test_invalid_utf8_in_the_path_is_a_404_not_a_500(client, db):
    assert client.get("/en/b/%FF%FE/general/").status_code == 404
    assert client.get("/en/t/%C0%AF/").status_code == 404


def test_invalid_utf8_in_a_form_body_is_replaced_not_a_500(signed_in, thread, reply_url):
    # Percent-encoded bytes that are not UTF-8 become U+FFFD; raw bytes (no browser sends them
    # in a form body) are read as Latin-1. Either way the text is stored and shown, escaped.
    response = signed_in.post(
        reply_url, b"body=Charging%FF%FE decisions \xff\xc0\xaf<b>", content_type=FORM
    )

    assert response.status_code == 302
    post = Post.objects.filter(thread=thread).latest("position")
    assert post.body_source == "Charging\ufffd\ufffd decisions \xff\xc0\xaf<b>"
    page = signed_in.get(reverse("forum:thread", args=(thread.pk,)))
    assert "Charging\ufffd\ufffd decisions" in page.content.decode()
    assert "<b>" not in page.content.decode()


@pytest.mark.parametrize(
    "host",
    ["evil.example", "forum.example.org.evil.example", "forum.example.org:bad", "", "a b"],
)
def test_a_host_not_in_allowed_hosts_is_refused_with_400(client, db, host):
    with override_settings(ALLOWED_HOSTS=["forum.example.org"]):
        refused = client.get("/en/forum/", HTTP_HOST=host)
        served = client.get("/en/forum/", HTTP_HOST="forum.example.org")

    assert refused.status_code == 400
    assert served.status_code == 200


def test_development_and_tests_never_allow_every_host(client, db):
    # Unset, ALLOWED_HOSTS is loopback only (production requires it to be set): never "*".
    assert "*" not in settings.ALLOWED_HOSTS
    assert client.get("/en/forum/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data",  # no boundary at all
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\xff\xfe",  # not ASCII
    ],
)
def test_a_multipart_body_without_a_usable_boundary_is_refused_with_400(
    signed_in, thread, reply_url, content_type
):
    posts = Post.objects.count()

    response = signed_in.generic(
        "POST", reply_url, b"--\r\nbody=hello\r\n", content_type=content_type
    )

    assert response.status_code == 400
    assert Post.objects.count() == posts


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\xff garbage without a part",
        b"--XyZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XyZ--\r\n",
        b"--XyZ\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--XyZ--\r\n",
        b"--XyZ--\r\n",  # the closing boundary alone
    ],
)
def test_a_multipart_body_with_no_usable_part_is_a_form_error_not_a_500(
    signed_in, thread, reply_url, body
):
    posts = Post.objects.count()

    response = signed_in.generic(
        "POST", reply_url, body, content_type="multipart/form-data; boundary=XyZ"
    )

    # Django finds no field in it: the reply box again, empty, and nothing posted.
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert Post.objects.count() == posts


# Through Daphne: what the test client cannot send (a Content-Length that is not a number, raw
# bytes in the request line) is refused by the HTTP server before Django sees it.


def raw_request(server: DaphneServer, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request)
        response = b""
        while chunk := connection.recv(65536):
            response += chunk
    return response


@pytest.fixture(scope="module")
def daphne(tmp_path_factory):
    # No page is rendered: an empty database will do, and DEBUG off, as in production.
    database = tmp_path_factory.mktemp("bad-requests") / "site.sqlite3"
    server = DaphneServer(project_env(DATABASE_URL=f"sqlite:///{database}", DEBUG="false"))
    yield server.start()
    server.stop()


@pytest.mark.parametrize(
    "request_head",
    [
        b"POST /en/t/1/reply/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n",
        b"POST /en/t/1/reply/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n",
        b"POST /en/t/1/reply/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1, 2\r\n",
        b"GET /en/b/\xff\xfe/general/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        b"GET /en/search/?q=\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        b"GET /en/forum/ HTTP/1.1\r\nHost: evil.example\r\n",
    ],
)
def test_daphne_refuses_a_malformed_request_with_400(daphne, request_head):
    response = raw_request(daphne, request_head + b"Connection: close\r\n\r\nbody=hello")

    assert response.startswith(b"HTTP/1.1 400 "), response[:200]
    assert b"Traceback" not in response


def test_daphne_refuses_a_body_over_the_limit_with_400(daphne):
    # A CSRF cookie (any well-formed one): the middleware then reads the form for the token.
    body = b"body=" + b"x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    head = (
        b"POST /en/t/1/reply/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nCookie: csrftoken=" + b"a" * 32
    )
    response = raw_request(daphne, head + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)

    assert response.startswith(b"HTTP/1.1 400 "), response[:200]
    assert b"Traceback" not in response


# --- Values at the edges (issue 17: three 500s found from outside) ----------------------------


@pytest.mark.parametrize(
    "query",
    [
        "q=report&until=9999-12-31",
        "q=report&until=9999-12-30",
        "q=report&since=0001-01-01",
        "q=report&since=0001-01-01&until=9999-12-31",
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_search_dates_at_the_calendars_ends_bound_nothing(client, boards, member, query, zone):
    thread_with_posts(board=boards["public"], author=member, body="The annual report is out.")
    from forum.search.queue import drain

    drain()
    with override_settings(TIME_ZONE=zone):
        response = client.get(f"/en/search/?{query}")

    assert response.status_code == 200
    assert "annual" in response.content.decode().split('<ol class="hits">', 1)[1]


@pytest.mark.parametrize(
    "path",
    [
        "/en/moderation/members/99999999999999999999/decide/",
        "/en/moderation/members/9223372036854775808/",
        "/en/t/99999999999999999999/",
        "/en/posts/99999999999999999999/history/",
        "/en/posts/0/",
    ],
)
def test_an_id_in_a_path_that_names_no_row_is_a_404(client, moderator, path):
    client.force_login(moderator)

    assert client.get(path).status_code == 404
    assert client.post(path, {"reason": "x"}).status_code == 404
