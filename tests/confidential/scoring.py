"""Precision and recall of the confidential-data check over the labelled corpus
(tests/confidential/corpus/<language>.jsonl; docs/security.md has the figures).

A finding counts as right when a labelled span of the same category overlaps it; a labelled
span counts as found when a finding of its category overlaps it. Run as a script to print the
table: ``.venv/bin/python -m tests.confidential.scoring``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).with_name("corpus")  # the rules were tuned with this one
HELDOUT = Path(__file__).with_name("heldout")  # written blind, after: never tuned with
IDENTIFIERS = (
    "case_number",
    "identity_number",
    "phone",
    "email",
    "address",
    "birth_date",
    "licence_plate",
)


def load(folder: Path = CORPUS) -> dict[str, list[dict]]:
    return {
        path.stem: [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        for path in sorted(folder.glob("*.jsonl"))
    }


def _labelled(entry: dict) -> list[tuple[str, int, int]]:
    spans, text = [], entry["text"]
    for span in entry["spans"]:
        start = text.find(span["text"])
        spans.append((span["category"], start, start + len(span["text"])))
    return spans


def score(check, folder: Path = CORPUS) -> tuple[Counter, list[tuple[str, str, str, str]]]:
    """Counts keyed (language, category, 'tp'|'fp'|'fn'), and the mistakes."""
    counts: Counter = Counter()
    mistakes = []
    for language, entries in load(folder).items():
        for entry in entries:
            gold = _labelled(entry)
            found = [(f.category, f.start, f.end) for f in check(entry["text"])]
            said = {(c, entry["text"][s:e]) for c, s, e in gold}
            for category, start, end in found:
                # A name labelled once and found again where it recurs is found, not wrong.
                hit = any(c == category and s < end and start < e for c, s, e in gold) or (
                    (category, entry["text"][start:end]) in said
                )
                counts[language, category, "tp" if hit else "fp"] += 1
                if not hit:
                    mistakes.append((language, "fp", category, entry["text"][start:end]))
            for category, start, end in gold:
                if not any(c == category and s < end and start < e for c, s, e in found):
                    counts[language, category, "fn"] += 1
                    mistakes.append((language, "fn", category, entry["text"][start:end]))
    return counts, mistakes


def rates(counts: Counter, languages=None, categories=None) -> tuple[float, float, int]:
    """(precision, recall, labelled spans) over the chosen languages and categories."""

    def total(kind):
        return sum(
            n
            for (lang, cat, k), n in counts.items()
            if k == kind
            and (languages is None or lang in languages)
            and (categories is None or cat in categories)
        )

    tp, fp, fn = total("tp"), total("fp"), total("fn")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp + fn


def table(check, folder: Path = CORPUS) -> str:
    """The figures as Markdown tables: per language, then per category."""
    counts, _mistakes = score(check, folder)
    lines = [
        "| language | sentences | precision | recall | identifiers: recall | names: precision "
        "| names: recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    entries = load(folder)
    for language in sorted(entries):
        p, r, _n = rates(counts, [language])
        _p, ri, _n = rates(counts, [language], IDENTIFIERS)
        pn, rn, _n = rates(counts, [language], ["protected_name"])
        row = f"| {language} | {len(entries[language])} | {p:.2f} | {r:.2f} | {ri:.2f} "
        lines.append(row + f"| {pn:.2f} | {rn:.2f} |")
    p, r, _n = rates(counts)
    _p, ri, _n = rates(counts, categories=IDENTIFIERS)
    pn, rn, _n = rates(counts, categories=["protected_name"])
    total = sum(len(lines_) for lines_ in entries.values())
    lines.append(f"| all | {total} | {p:.2f} | {r:.2f} | {ri:.2f} | {pn:.2f} | {rn:.2f} |")
    lines += ["", "| category | labelled | precision | recall |", "|---|---:|---:|---:|"]
    for category in (*IDENTIFIERS, "protected_name"):
        p, r, n = rates(counts, categories=[category])
        lines.append(f"| {category} | {n} | {p:.2f} | {r:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from forum.confidential import check

    for name, folder in (("corpus", CORPUS), ("heldout", HELDOUT)):
        sys.stdout.write(f"\n{name}\n{table(check, folder)}\n")
