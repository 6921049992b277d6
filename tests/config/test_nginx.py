"""nginx in front (config/deploy/nginx.py): its configuration passes `nginx -t`, and a real nginx
before a real gunicorn serves pages, static files from disk, refuses oversized bodies itself,
and replaces the forwarding headers a client sends, which Django believes only when told to."""

import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter

from tests.config.test_gunicorn import GunicornServer
from tests.live import ROOT, nginx, project_env, sqlite_site

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.skipif(
        not Path(NGINX).exists(), reason="nginx is not installed (make system-deps installs it)"
    ),
    # The HTTPS side's certificate is made by the test: requests need not check it.
    pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning"),
]

# Clients come from this loopback address, nginx's upstreams see 127.0.0.1: so what Django
# takes for the client's address tells whether it looked past the proxy.
CLIENT = "127.0.0.2"
SPOOFED = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}


class FromAddress(HTTPAdapter):
    """requests' connections from one local address."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def browser() -> requests.Session:
    session = requests.Session()
    session.mount("http://", FromAddress(CLIENT))
    session.mount("https://", FromAddress(CLIENT))
    return session


def nginx_test(config: Path, directory: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NGINX, "-t", "-p", str(directory), "-e", str(directory / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_printed_server_config_passes_nginx_t_inside_an_http_block(tmp_path):
    printed = subprocess.run(
        [
            *(sys.executable, "-m", "config.deploy.nginx", "--listen", "127.0.0.1:8080"),
            *("--ws", "127.0.0.1:8101", "--ws", "127.0.0.1:8102", "--static-root", str(tmp_path)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "forum.conf").write_text(printed)
    # Debian's nginx.conf includes sites-enabled/* inside its http block: the same here.
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\n"
        + "".join(
            f"{kind}_temp_path {tmp_path}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"include {tmp_path}/forum.conf;\n}}\n"
    )

    result = nginx_test(config, tmp_path)

    assert result.returncode == 0, result.stderr
    assert "server 127.0.0.1:8102;" in printed
    assert "client_max_body_size 110m;" in printed


def test_run_config_passes_nginx_t(tmp_path):
    from config.deploy.nginx import run_config, server_config

    server = server_config(
        listen=["127.0.0.1:8080"],
        server_name="_",
        web=["127.0.0.1:8001"],
        ws=["127.0.0.1:8101"],
        static_root=tmp_path / "static",
        body_max="25m",
    )
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "temp" / kind).mkdir(parents=True)
    config = tmp_path / "nginx.conf"
    config.write_text(run_config(tmp_path, server))

    result = nginx_test(config, tmp_path)

    assert result.returncode == 0, result.stderr
    assert "daemon off;" in config.read_text()


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    """A migrated SQLite site: the sign-in form, the forum home page and the sitemap need no
    more. Rate limits off: the tests' sign-ins all come from one address."""
    directory = tmp_path_factory.mktemp("nginx")
    return project_env(DATABASE_URL=sqlite_site(directory, seeded=False), RATE_LIMITS="off")


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Static files only nginx can serve: gunicorn's WhiteNoise finds the apps' folders, not
    this one."""
    root = tmp_path_factory.mktemp("static")
    (root / "forum").mkdir()
    (root / "forum" / "probe.css").write_text(".probe { color: red }\n")
    (root / "forum" / "probe.0123456789ab.css").write_text(".probe { color: blue }\n")
    return root


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl makes the test certificate")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return cert, key


class Proxied:
    """gunicorn behind nginx (and behind a second nginx speaking HTTPS)."""

    def __init__(self, env, directory: Path, static_root: Path, certificate) -> None:
        self.gunicorn = GunicornServer(env, workers=1).start()
        web = [f"127.0.0.1:{self.gunicorn.port}"]
        self.http = nginx(directory / "http", web=web, static_root=static_root).start()
        tls = ("--ssl-certificate", str(certificate[0]), "--ssl-certificate-key")
        self.https = nginx(directory / "https", web=web, extra=(*tls, str(certificate[1])))
        self.https.start()

    def stop(self) -> None:
        self.http.stop()
        self.https.stop()
        self.gunicorn.stop()

    def seen_address(self, env) -> str:
        """The address Django took a fresh failed sign-in to come from (django-axes keeps it)."""
        session = browser()
        username = f"nobody-{uuid.uuid4().hex[:8]}"
        form = session.get(f"{self.http.url}/en/accounts/login/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        refused = session.post(
            f"{self.http.url}/en/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": "wrong"},
            headers={**SPOOFED, "Referer": f"{self.http.url}/en/accounts/login/"},
            timeout=10,
        )
        assert refused.status_code == 200, refused.status_code
        assert not refused.history  # refused on the spot, not redirected
        database = env["DATABASE_URL"].removeprefix("sqlite:///")
        with sqlite3.connect(database) as db:
            (address,) = db.execute(
                "SELECT ip_address FROM axes_accessattempt WHERE username = ?", (username,)
            ).fetchone()
        return address

    def seen_scheme(self) -> str:
        """The scheme Django took a request to nginx's HTTPS side to have (sitemap links)."""
        response = browser().get(
            f"https://127.0.0.1:{self.https.port}/sitemap.xml",
            headers={"X-Forwarded-Proto": "http"},
            verify=False,  # a certificate made for this test
            timeout=10,
        )
        assert response.status_code == 200
        return re.search(r"<loc>(\w+)://", response.text).group(1)


@pytest.fixture(scope="module")
def untrusted(site_env, static_root, certificate, tmp_path_factory):
    proxied = Proxied(site_env, tmp_path_factory.mktemp("off"), static_root, certificate)
    yield proxied
    proxied.stop()


@pytest.fixture(scope="module")
def trusted(site_env, static_root, certificate, tmp_path_factory):
    env = dict(site_env, TRUST_PROXY_HEADERS="on")
    proxied = Proxied(env, tmp_path_factory.mktemp("on"), static_root, certificate)
    yield proxied
    proxied.stop()


def test_nginx_serves_pages_from_gunicorn_with_its_request_id(untrusted):
    response = browser().get(f"{untrusted.http.url}/en/forum/", timeout=10)

    assert response.status_code == 200
    assert "<h1" in response.text
    assert response.headers["Server"] == "nginx"  # server_tokens off: no version
    # nginx's $request_id (32 hex digits) reached Django, which logged and echoed it.
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert f"request_id={request_id}" in untrusted.gunicorn.output()


def test_nginx_serves_static_files_from_disk_with_cache_headers(untrusted):
    plain = browser().get(f"{untrusted.http.url}/static/forum/probe.css", timeout=10)
    hashed = browser().get(f"{untrusted.http.url}/static/forum/probe.0123456789ab.css", timeout=10)
    behind = requests.get(f"{untrusted.gunicorn.url}/static/forum/probe.css", timeout=10)

    assert plain.status_code == 200
    assert plain.text == ".probe { color: red }\n"
    assert plain.headers["Cache-Control"] == "max-age=3600"
    assert "Expires" in plain.headers
    assert hashed.status_code == 200
    assert "public, immutable" in hashed.headers["Cache-Control"]
    assert "max-age=31536000" in hashed.headers["Cache-Control"]
    assert behind.status_code == 404  # only nginx has these files


def test_nginx_refuses_an_oversized_body_with_413_before_django_sees_it(untrusted):
    path = f"/en/forum/too-big-{uuid.uuid4().hex}/"
    with socket.create_connection(("127.0.0.1", untrusted.http.port), timeout=10) as client:
        client.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {111 * 1024 * 1024}\r\n\r\n".encode()
            + b"x" * 65536
        )
        status_line = client.recv(4096).split(b"\r\n", 1)[0]
    small = f"/en/forum/small-{uuid.uuid4().hex}/"
    assert browser().post(f"{untrusted.http.url}{small}", data="x", timeout=10).status_code
    log = untrusted.gunicorn.output()

    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"
    assert small in log  # a request that reached Django is logged...
    assert path not in log  # ...and the refused one never did


def test_without_trust_django_sees_the_proxy_address_and_plain_http(untrusted, site_env):
    assert untrusted.seen_address(site_env) == "127.0.0.1"
    # gunicorn would believe X-Forwarded-Proto from loopback by itself (its forwarded_allow_ips
    # default) unless config/deploy/gunicorn.conf.py leaves the decision to Django.
    assert untrusted.seen_scheme() == "http", "gunicorn took X-Forwarded-Proto as the scheme"


def test_with_trust_django_sees_the_client_address_and_https_not_what_the_client_claims(
    trusted, site_env
):
    # The client's X-Forwarded-For and X-Forwarded-Proto were replaced by nginx's.
    assert trusted.seen_address(site_env) == CLIENT
    assert trusted.seen_scheme() == "https"
    spoofed = browser().get(f"{trusted.http.url}/sitemap.xml", headers=SPOOFED, timeout=10)
    assert "<loc>http://" in spoofed.text
