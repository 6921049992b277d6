"""Uploaded files, served by Django in every environment (`make run` is Daphne alone).

Only pictures come this way: Wagtail's original images and renditions and members' avatars,
each with a content type chosen here from its extension, never guessed from its bytes, and
headers that keep a browser from running anything in it. Documents never do: they go through
Wagtail's serve view (/documents/<id>/<name>), which checks their collection's privacy.
Anything else under MEDIA_ROOT is a 404 (docs/security.md, "Uploads").
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponseBase,
    HttpResponseNotModified,
)
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from forum.uploads import AVATAR_FOLDER

# Wagtail's folders for original images and renditions, and the members' pictures.
PICTURE_FOLDERS = ("original_images", "images", AVATAR_FOLDER)
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",
}
# Sandboxed and with nothing allowed: a picture opened on its own runs no script, even if a
# browser were to take it for a document.
PICTURE_POLICY = "default-src 'none'; sandbox"
# An avatar's random name is never reused: a new picture is a new name. Wagtail may write a
# rendition again under the same name, so those are kept a day.
CACHE_CONTROL = {
    AVATAR_FOLDER: "public, max-age=31536000, immutable",
    "images": "public, max-age=86400",
    "original_images": "public, max-age=86400",
}


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """One picture under MEDIA_ROOT, with a fixed content type; 404 for anything else."""
    folder, _slash, name = path.partition("/")
    content_type = CONTENT_TYPES.get(PurePosixPath(name).suffix.lower().removeprefix("."))
    if folder not in PICTURE_FOLDERS or not name or content_type is None:
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        # Resolved, so neither "../" nor a symbolic link leads out of the folder.
        file = (root / folder / name).resolve(strict=True)
    except (OSError, ValueError):  # missing, a loop, a NUL byte
        raise Http404 from None
    if not file.is_relative_to(root / folder) or not file.is_file():
        raise Http404
    modified = file.stat().st_mtime
    response: HttpResponseBase
    if not was_modified_since(request.headers.get("If-Modified-Since"), modified):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
        response["Last-Modified"] = http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    # Set here, so the site's policy (config/csp.py) leaves it as it is.
    response["Content-Security-Policy"] = PICTURE_POLICY
    response["Cache-Control"] = CACHE_CONTROL[folder]
    return response
