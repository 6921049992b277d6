"""The demo site's own text (make run's pages, threads and conversations) is ordinary forum
talk with nothing confidential in it: the check must let all of it through, or members would
learn to click past its warnings."""

from __future__ import annotations

import importlib
import pkgutil

import cms.demo_content
from forum.confidential import check


def _texts(value, depth=0):
    if depth > 8:
        return
    if isinstance(value, str):
        if len(value) > 20:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, depth + 1)


def demo_texts() -> list[str]:
    texts = []
    for module in pkgutil.iter_modules(cms.demo_content.__path__):
        loaded = importlib.import_module(f"cms.demo_content.{module.name}")
        for name, value in vars(loaded).items():
            if name.isupper():
                texts += _texts(value)
    return texts


def test_the_demo_content_raises_no_warning():
    texts = demo_texts()
    marked = {text[:80]: [f.text for f in check(text)] for text in texts if check(text)}

    assert len(texts) > 300  # the titles, posts and pages of every language
    assert marked == {}
