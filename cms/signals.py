"""Cache invalidation when the page tree changes (the header menu, the home page's lists)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from forum.caching import bump_listing_version


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
def page_tree_changed(**kwargs) -> None:
    transaction.on_commit(bump_listing_version)
