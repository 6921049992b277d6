"""Rebuild the search index from scratch: ``manage.py search_reindex``."""

from __future__ import annotations

import itertools
import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from forum.models import SearchQueueItem
from forum.search.documents import all_page_docs, count_posts, docs_for, post_batches
from forum.search.engines import get_engine


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every post and page, with a progress bar; searches go on "
        "using the old index until the new one is complete. Changes made meanwhile are replayed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, batch_size: int, no_progress: bool, **options):
        engine = get_engine()
        started = timezone.now()
        clock = time.perf_counter()
        pages = all_page_docs()
        posts = count_posts()
        with tqdm(
            total=posts + len(pages),
            unit="doc",
            desc=f"Indexing ({engine.name})",
            disable=no_progress,
            file=self.stderr._out,
        ) as bar:
            indexed = engine.rebuild(
                itertools.chain(post_batches(batch_size), [pages] if pages else []),
                progress=bar.update,
            )
        # Writes that committed while the index was being built may be missing from it (Elastic-
        # search) or from the snapshot it was built from: bring those objects up to date again.
        meanwhile = {
            (item.source, item.object_id)
            for item in SearchQueueItem.objects.filter(queued_at__gte=started)
        }
        if meanwhile:
            engine.replace(docs_for(meanwhile))
        seconds = time.perf_counter() - clock
        self.stdout.write(
            f"Indexed {indexed} documents ({indexed - len(pages)} posts, {len(pages)} page "
            f"versions) with {engine.name} in {seconds:.1f} s "
            f"({indexed / max(seconds, 1e-9):,.0f} documents/s); "
            f"{len(meanwhile)} changes made meanwhile replayed."
        )
