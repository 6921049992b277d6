"""The whole sitemap as a crawler reads it: the index at /sitemap.xml, then each section's pages."""

import re


def whole_sitemap(client) -> str:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", index.text)
    assert sections, index.text
    return "".join(client.get(loc.replace("&amp;", "&")).text for loc in sections)
