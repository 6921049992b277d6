"""Receivers that queue index updates: a decoupled side effect of any write to a post, a thread,
a board or a page, in the writer's transaction (forum.search.queue)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from forum.models import Board, Post, Thread
from forum.search.documents import PAGE, POST
from forum.search.queue import schedule

# A thread's posts carry these in the index (its title on the opening post, where it is, whether
# it still stands on its own): a save touching none of them changes nothing searchable.
THREAD_FIELDS = {"title", "board", "merged_into", "held"}


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def post_changed(instance, **kwargs) -> None:
    schedule(POST, [instance.pk])


def schedule_posts_of(**lookup) -> None:
    schedule(POST, Post.objects.filter(**lookup).values_list("pk", flat=True))


@receiver(post_save, sender=Thread)
def thread_changed(instance, created, update_fields=None, **kwargs) -> None:
    if created or (update_fields is not None and not THREAD_FIELDS.intersection(update_fields)):
        return
    schedule_posts_of(thread=instance)


@receiver(post_save, sender=Board)
def board_changed(instance, created, update_fields=None, **kwargs) -> None:
    if not created and (update_fields is None or "area" in update_fields):
        schedule_posts_of(thread__board=instance)  # the area facet follows the board


def schedule_subtree(page: Page) -> None:
    """A page and the pages under it (their URLs and restrictions follow it)."""
    schedule(PAGE, Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(instance, **kwargs) -> None:
    schedule(PAGE, [instance.pk])


@receiver(post_page_move)
def page_moved(instance, **kwargs) -> None:
    schedule_subtree(instance)


@receiver(post_delete, sender=Page)
def page_deleted(instance, **kwargs) -> None:
    schedule(PAGE, [instance.pk])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_subtree(page)
