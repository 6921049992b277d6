"""Row locks in one order for every writer: a thread's row before any of its posts."""

from __future__ import annotations

from forum.models import Post, Thread


def lock_post(post: Post) -> Post:
    """Lock a post's thread, then the post; return the post with its thread and board.

    Every writer takes the thread's row before any of its posts (replies, edits, deletions,
    moderation acts, moves of posts between threads), so two of them on the same thread queue
    up instead of deadlocking.
    """
    while True:
        thread_id = Post.objects.filter(pk=post.pk).values_list("thread_id", flat=True).get()
        list(Thread.objects.select_for_update().filter(pk=thread_id).values_list("pk"))
        current = (
            Post.objects.select_for_update(of=("self",))
            .select_related("thread__board")
            .get(pk=post.pk)
        )
        if current.thread_id == thread_id:  # not moved by a split or merge meanwhile
            return current
