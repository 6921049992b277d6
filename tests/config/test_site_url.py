"""SITE_URL, the address e-mail links start with: required in production, checked by
``manage.py check --deploy`` (tests/config/test_settings.py starts a fresh process per case)."""

import pytest

from tests.config.test_settings import GOOD_SECRET, start

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": GOOD_SECRET,
    "ALLOWED_HOSTS": "forum.example.org",
    "TRUST_PROXY_HEADERS": "on",
}
CHECK_DEPLOY = (
    "import django\n"
    "django.setup()\n"
    "from django.core.management import call_command\n"
    "call_command('check', deploy=True)\n"
)


def only_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_production_refuses_to_start_without_site_url():
    result = start(**PRODUCTION)

    assert result.returncode != 0
    assert only_line(result) == (
        "Configuration error: SITE_URL must be set when DJANGO_ENV=production"
    )


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("forum.example.org", "must start with one of"),
        ("ftp://forum.example.org", "must start with one of"),
        ("https://", "names no host"),
        ("https://forum.example.org/forum/", "without a path"),
    ],
)
def test_a_malformed_site_url_stops_start_up_with_one_line_naming_it(value, complaint):
    result = start(SITE_URL=value)

    assert result.returncode != 0
    line = only_line(result)
    assert line.startswith("Configuration error: SITE_URL ")
    assert complaint in line


def test_check_deploy_says_when_site_url_is_missing():
    result = start(CHECK_DEPLOY)

    assert "forum.W001" in result.stderr + result.stdout
    assert "SITE_URL is not set" in result.stderr + result.stdout


def test_check_deploy_says_when_site_url_is_plain_http_or_another_host():
    result = start(CHECK_DEPLOY, **PRODUCTION, SITE_URL="http://elsewhere.example.org")

    output = result.stderr + result.stdout
    assert "forum.W002" in output
    assert "forum.W003" in output


def test_production_with_site_url_starts_and_its_check_is_quiet():
    result = start(CHECK_DEPLOY, **PRODUCTION, SITE_URL="https://forum.example.org/")

    output = result.stderr + result.stdout
    assert result.returncode == 0, output
    assert "forum.W00" not in output


def test_check_deploy_says_when_https_is_redirected_but_the_proxy_is_not_believed():
    production = {**PRODUCTION, "SITE_URL": "https://forum.example.org"}
    del production["TRUST_PROXY_HEADERS"]
    result = start(CHECK_DEPLOY, **production)

    output = result.stderr + result.stdout
    assert "forum.W004" in output
    assert "TRUST_PROXY_HEADERS" in output
