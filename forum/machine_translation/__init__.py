"""Machine translation of posts and thread titles (docs/translation.md).

One interface — translate these texts from language A to B — with engines behind it
(engines/), chosen per language pair by a router with a quality label per route (router.py).
Post HTML is translated text by text, never its markup (markup.py).
"""
