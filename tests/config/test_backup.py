"""Backup and restore as docs/security.md describes them: pg_dump -Fc of the database and a tar of
MEDIA_ROOT; pg_restore into a fresh database, migrate, search_reindex; the site serves it."""

import os
import subprocess
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.utils.html import escape

from cms.demo_content import forum as demo
from tests.live import DaphneServer, manage, project_env

DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres"),
    reason="pg_dump and pg_restore back up PostgreSQL: the suite runs on SQLite",
)

# A thread visitors may read, with its opening post.
PUBLIC_THREAD = """
SELECT t.id, t.title, p.id FROM forum_thread t
JOIN forum_board b ON b.id = t.board_id
JOIN forum_post p ON p.thread_id = t.id AND p.position = 1
WHERE b.visibility = 'public' AND NOT t.held AND t.merged_into_id IS NULL
  AND p.state = 'published'
ORDER BY t.id LIMIT 1
"""


def database_url(name: str) -> str:
    """DATABASE_URL naming another database on the same server."""
    return urllib.parse.urlsplit(DATABASE_URL)._replace(path=f"/{name}").geturl()


def libpq_url(url: str) -> str:
    # libpq reads postgres:// and postgresql:// URLs, not Django's other spellings.
    return "postgresql://" + url.split("://", 1)[1]


def run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode:
        raise RuntimeError(f"{command[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def psql(database: str, sql: str) -> str:
    url = libpq_url(database_url(database))
    return run("psql", url, "-v", "ON_ERROR_STOP=1", "-qtAc", sql).strip()


def get(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Language": "en"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


@pytest.fixture
def databases():
    """Two fresh, empty databases (the site's and the restore's), dropped afterwards."""
    suffix = uuid.uuid4().hex[:8]
    names = (f"backup_site_{suffix}", f"backup_restored_{suffix}")
    for name in names:
        psql("postgres", f'CREATE DATABASE "{name}"')
    yield names
    for name in names:
        psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_and_a_media_tar_restore_into_a_fresh_database_that_the_site_serves(
    databases, tmp_path
):
    site, restored = databases
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    site_env = project_env(DATABASE_URL=database_url(site), MEDIA_ROOT=str(media))
    manage("migrate", "--noinput", env=site_env)
    manage("seed_demo", env=site_env)
    thread_id, title, post_id = psql(site, PUBLIC_THREAD).split("|")
    # A demo publication: its row in the database, its file under MEDIA_ROOT.
    document_id, document_file = psql(
        site, "SELECT id, file FROM wagtaildocs_document ORDER BY id LIMIT 1"
    ).split("|")

    # Backup: the database in pg_dump's custom format, and the media files.
    dump, archive = tmp_path / "forum.dump", tmp_path / "media.tar.gz"
    run("pg_dump", "--format=custom", f"--file={dump}", libpq_url(database_url(site)))
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(media, arcname=".")

    # Restore: into the fresh database and a new media folder, then migrate and reindex.
    run(
        "pg_restore",
        "--no-owner",
        "--exit-on-error",
        "--dbname",
        libpq_url(database_url(restored)),
        str(dump),
    )
    restored_media.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(restored_media, filter="data")
    env = project_env(DATABASE_URL=database_url(restored), MEDIA_ROOT=str(restored_media))
    manage("migrate", "--noinput", env=env)
    manage("search_reindex", "--no-progress", env=env)

    server = DaphneServer(env).start()
    try:
        home_status, home = get(f"{server.url}/en/forum/")
        thread_status, thread = get(f"{server.url}/en/t/{thread_id}/")
        search_status, search = get(f"{server.url}/en/search/?q={urllib.parse.quote(title)}")
        # Documents are served by Wagtail's view only (config/media.py), never from /media/.
        media_status, document = get(
            f"{server.url}/documents/{document_id}/{document_file.rpartition('/')[2]}"
        )
    finally:
        server.stop()

    assert home_status == 200
    for _, names, _ in demo.PROGRAM_AREAS:
        assert f"<h2>{escape(names['en'])}</h2>" in home
    assert thread_status == 200
    assert escape(title) in thread
    assert search_status == 200
    assert f"/en/posts/{post_id}/" in search
    assert media_status == 200
    assert document.startswith("%PDF-")
