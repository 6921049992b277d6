from django.urls import reverse

from forum.models import Post
from forum.selectors import page_of_position


def post_url(post: Post) -> str:
    """The thread page that holds the post, scrolled to it."""
    url = reverse("forum:thread", args=[post.thread_id])
    page = page_of_position(post.position)
    query = f"?page={page}" if page > 1 else ""
    return f"{url}{query}#post-{post.position}"


def int_param(value, default: int = 1) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default
