"""Abuse limits: the sign-in lock-out (django-axes) and the rate limits on registration,
posting and search (forum/throttling.py), each answering 429 with a message and nothing lost."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from forum import limits, throttling
from forum.models import Post, Thread
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
RIGHT_PASSWORD = "correct horse battery"  # tests/factories.py


@pytest.fixture(autouse=True)
def long_windows(monkeypatch):
    # The counts are fixed windows: a window a day long keeps a test that sends its requests
    # over a second or two from straddling the end of one and starting afresh.
    windows = ("REGISTRATION_WINDOW_SECONDS", "POST_WINDOW_SECONDS", "SEARCH_WINDOW_SECONDS")
    for name in (*windows, "SIGN_IN_WINDOW_SECONDS"):
        monkeypatch.setattr(limits, name, 24 * 3600)


def sign_in(client, password, username="member", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in_as(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def fail_until_locked(client, username="member"):
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT - 1):
        assert sign_in(client, "wrong", username).status_code == 200
    return sign_in(client, "wrong", username)


# --- Signing in -----------------------------------------------------------------------------


def test_failed_sign_ins_under_the_limit_only_say_the_password_is_wrong(client, member):
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT - 1):
        response = sign_in(client, "wrong")

        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.text


def test_the_fifth_failed_sign_in_locks_out_with_a_page_that_says_why(client, member):
    response = fail_until_locked(client)

    assert response.status_code == 429
    assert "Signing in is paused" in response.text
    assert "After 5 failed attempts" in response.text
    assert "paused for 30 minutes" in response.text
    assert response["Retry-After"] == str(30 * 60)
    assert 'href="/en/accounts/password_reset/"' in response.text


def test_the_right_password_is_refused_while_locked_out(client, member):
    fail_until_locked(client)

    response = sign_in(client, RIGHT_PASSWORD)

    assert response.status_code == 429
    assert "Signing in is paused" in response.text
    assert not signed_in_as(client, member)


def test_the_lock_out_holds_only_that_username_from_that_address(client, member, other_member):
    fail_until_locked(client)

    elsewhere = sign_in(client, RIGHT_PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert elsewhere.status_code == 302
    assert signed_in_as(client, member)
    client.logout()
    other = sign_in(client, RIGHT_PASSWORD, username="other")
    assert other.status_code == 302
    assert signed_in_as(client, other_member)


def test_the_right_password_works_again_when_the_pause_is_over(client, member):
    fail_until_locked(client)
    earlier = timezone.now() - timedelta(minutes=limits.LOGIN_LOCKOUT_MINUTES, seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)

    response = sign_in(client, RIGHT_PASSWORD)

    assert response.status_code == 302
    assert signed_in_as(client, member)


def test_a_successful_sign_in_forgets_the_failures_before_it(client, member):
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, RIGHT_PASSWORD).status_code == 302
    client.logout()

    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT - 1):
        assert sign_in(client, "wrong").status_code == 200


@pytest.mark.parametrize("login", [LOGIN, "/en/_util/login/"])  # ours, and Wagtail's
def test_a_username_longer_than_axes_stores_is_counted_cut_not_a_500(client, login):
    # Found by tests/forum/test_fuzz_forms.py on PostgreSQL: Django's sign-in form does not
    # check the username's length, and axes stored it whole in a 255-character column.
    username = "x" * 1000
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT - 1):
        assert client.post(login, {"username": username, "password": "x"}).status_code == 200

    locked = client.post(login, {"username": username, "password": "x"})

    assert locked.status_code == 429
    assert AccessAttempt.objects.get().username == "x" * 255


def test_the_lock_out_page_is_in_the_language_of_the_sign_in_page(client, member):
    for _ in range(limits.LOGIN_FAILURES_BEFORE_LOCKOUT):
        response = client.post("/es/accounts/login/", {"username": "member", "password": "x"})

    assert response.status_code == 429
    assert '<html lang="es"' in response.text
    assert 'href="/es/accounts/password_reset/"' in response.text


def test_sign_ins_from_one_address_are_limited_whatever_the_usernames(client, member):
    for n in range(limits.SIGN_INS_PER_WINDOW):
        assert sign_in(client, "a common password", username=f"someone{n}").status_code == 200

    refused = sign_in(client, RIGHT_PASSWORD, username="member")

    assert refused.status_code == 429
    assert "Many sign-ins were tried from your network recently" in refused.text
    assert 'value="member"' in refused.text  # the username typed is kept
    assert int(refused["Retry-After"]) > 0
    assert not signed_in_as(client, member)
    elsewhere = sign_in(client, RIGHT_PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 302
    assert signed_in_as(client, member)


# --- Registration ---------------------------------------------------------------------------


def registration(n: int) -> dict:
    return {
        "username": f"prosecutor{n}",
        "email": f"prosecutor{n}@fiscalia.example",
        "password1": "a long and unusual passphrase",
        "password2": "a long and unusual passphrase",
        "display_name": f"Prosecutor {n}",
        "country": "Spain",
        "organization": "Fiscalía Provincial",
    }


def test_registrations_over_the_limit_from_one_address_get_429_and_keep_the_form(client):
    for n in range(limits.REGISTRATIONS_PER_WINDOW):
        response = client.post("/en/accounts/register/", registration(n))
        assert response.status_code == 200
        assert "registration/register_done.html" in [t.name for t in response.templates]

    response = client.post("/en/accounts/register/", registration(99))

    assert response.status_code == 429
    assert "Many accounts were registered from your network" in response.text
    assert 'value="prosecutor99"' in response.text
    assert 'value="prosecutor99@fiscalia.example"' in response.text
    assert response["Retry-After"].isdigit()
    assert not get_user_model().objects.filter(username="prosecutor99").exists()


def test_the_registration_limit_counts_each_address_apart(client):
    for n in range(limits.REGISTRATIONS_PER_WINDOW):
        client.post("/en/accounts/register/", registration(n))

    response = client.post("/en/accounts/register/", registration(99), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    assert get_user_model().objects.filter(username="prosecutor99").exists()


def test_a_registration_form_with_mistakes_does_not_count(client):
    for _ in range(limits.REGISTRATIONS_PER_WINDOW + 1):
        bad = registration(1) | {"password2": "something else"}
        assert client.post("/en/accounts/register/", bad).status_code == 200

    assert client.post("/en/accounts/register/", registration(1)).status_code == 200
    assert get_user_model().objects.filter(username="prosecutor1").exists()


# --- Posting --------------------------------------------------------------------------------


@pytest.fixture
def writer(client, member):
    client.force_login(member)
    return client


def test_posts_over_the_limit_get_429_and_the_reply_text_is_kept(writer, member, boards):
    thread = thread_with_posts(board=boards["public"], author=member, replies=0)
    for n in range(limits.POSTS_PER_WINDOW):
        response = writer.post(f"/en/t/{thread.pk}/reply/", {"body": f"Reply number {n}."})
        assert response.status_code == 302

    response = writer.post(
        f"/en/t/{thread.pk}/reply/", {"body": "The one **reply** too many, kept whole."}
    )

    assert response.status_code == 429
    assert "You have posted many times in a short while" in response.text
    assert "The one **reply** too many, kept whole." in response.text
    assert response["Retry-After"].isdigit()
    assert thread.posts.count() == 1 + limits.POSTS_PER_WINDOW


def test_new_threads_and_replies_share_one_count_and_the_title_is_kept(writer, member, boards):
    board = boards["public"]
    thread = thread_with_posts(board=board, author=member, replies=0)
    for n in range(limits.POSTS_PER_WINDOW):
        writer.post(f"/en/t/{thread.pk}/reply/", {"body": f"Reply number {n}."})

    response = writer.post(
        f"/en/b/{board.area.slug}/{board.slug}/new/",
        {"title": "Plea bargaining in juvenile cases", "body": "What do your offices allow?"},
    )

    assert response.status_code == 429
    assert "You have posted many times in a short while" in response.text
    assert 'value="Plea bargaining in juvenile cases"' in response.text
    assert "What do your offices allow?" in response.text
    assert not Thread.objects.filter(title="Plea bargaining in juvenile cases").exists()


def test_each_member_has_a_posting_count_of_their_own(writer, client, member, other_member, boards):
    thread = thread_with_posts(board=boards["public"], author=member, replies=0)
    for n in range(limits.POSTS_PER_WINDOW):
        writer.post(f"/en/t/{thread.pk}/reply/", {"body": f"Reply number {n}."})
    client.force_login(other_member)

    response = client.post(f"/en/t/{thread.pk}/reply/", {"body": "Another member replies."})

    assert response.status_code == 302
    assert Post.objects.filter(author=other_member).exists()


def test_posting_goes_on_when_the_cache_does_not_answer(writer, member, boards, monkeypatch):
    def cache_down(*args, **kwargs):
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(throttling, "get_usage", cache_down)
    thread = thread_with_posts(board=boards["public"], author=member, replies=0)

    response = writer.post(f"/en/t/{thread.pk}/reply/", {"body": "Posted all the same."})

    assert response.status_code == 302
    assert thread.posts.filter(body_source="Posted all the same.").exists()


# --- Search ---------------------------------------------------------------------------------


def test_searches_over_the_limit_get_429_and_keep_the_query(client):
    for n in range(limits.SEARCHES_PER_WINDOW):
        assert client.get("/en/search/", {"q": f"restitution {n}"}).status_code == 200

    response = client.get("/en/search/", {"q": "victim restitution"})

    assert response.status_code == 429
    assert "You have searched many times in a short while" in response.text
    assert 'value="victim restitution"' in response.text
    assert response["Retry-After"].isdigit()


def test_an_empty_search_page_does_not_count(client):
    for _ in range(limits.SEARCHES_PER_WINDOW + 1):
        assert client.get("/en/search/").status_code == 200

    assert client.get("/en/search/", {"q": "restitution"}).status_code == 200


def test_a_member_searches_on_a_count_of_their_own_not_their_address(client, member):
    for n in range(limits.SEARCHES_PER_WINDOW):
        client.get("/en/search/", {"q": f"restitution {n}"})
    client.force_login(member)

    assert client.get("/en/search/", {"q": "restitution"}).status_code == 200
