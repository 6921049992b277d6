"""An attached file, to whoever may read its post or message (forum.permissions.attachments),
and "not found" to anyone else, whatever the id. Pictures open in the browser; documents are
downloaded, under their shown name. Either way the browser is told the type chosen when the
file was checked, not to guess another, and to run nothing in it."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from forum.models import Attachment
from forum.permissions import check_see_attachment

# Sandboxed and with nothing allowed: a file opened on its own runs no script, even if a
# browser were to take it for a document (config/media.py says the same of pictures).
FILE_POLICY = "default-src 'none'; sandbox"


def _found(request: HttpRequest, pk: int) -> Attachment:
    related = ("post__thread__board", "message__consultation")
    attachment = Attachment.objects.select_related(*related).filter(pk=pk).first()
    if attachment is None:
        raise Http404
    check_see_attachment(request.user, attachment)
    return attachment


def _respond(attachment: Attachment, stored: str, content_type: str) -> HttpResponseBase:
    try:
        opened = default_storage.open(stored, "rb")
    except OSError:  # swept or lost: nothing to send
        raise Http404 from None
    response = FileResponse(
        opened,
        content_type=content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # The reader's own copy, for a while: whether they may read it is asked again after.
    patch_cache_control(response, private=True, max_age=300)
    patch_vary_headers(response, ["Cookie"])
    return response


@require_safe
def attachment(request: HttpRequest, pk: int, name: str = "") -> HttpResponseBase:
    """The file itself; ``name`` in the address is only for the reader's eyes."""
    found = _found(request, pk)
    return _respond(found, found.file.name, found.content_type)


@require_safe
def thumbnail(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A picture's thumbnail, shown in the post and linking to the full picture."""
    found = _found(request, pk)
    if not found.thumbnail:
        raise Http404
    return _respond(found, found.thumbnail.name, "image/webp")
